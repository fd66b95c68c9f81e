// One protection per claim for one backup, in the order Velero meets the claim (velero-objects.md c.5): validation,
// item collection, the pods' PodVolumeBackups, then the PVC item's actions (snapshot-side.ts). Pure.
import type { PersistentVolumeClaim } from '../../model/kube';
import { byteCompare } from '../../index/pvc-pod-index';
import { groupBy } from '../../util/group-by';
import { compileLabelSelector } from '../label-selector';
import type { VolumePolicyMatcher } from '../policy';
import { policyMatcher } from '../policy/match';
import { EXCLUDE_FROM_BACKUP_LABEL } from '../processing-order';
import type { VolumeVerdict } from '../types';
import { present } from '../volume-type';
import { unresolvedPvReason } from '../volume-helper';
import { NATIVE_PLUGIN_ASSUMPTION } from './native-plugins';
import { listedPvSnapshot, snapshotSide, type Decided } from './snapshot-side';
import type { ClaimProtection, ProtectionInput, ProtectionOptions, ProtectionResult } from './types';

type ClaimSelector = ((labels: Record<string, string> | null | undefined) => boolean) | null;

/** The notInBackup reasons whose claim's PV a backup that lists every PV still takes (not validationFailed, not a missing claim). */
type ListedReason = 'namespaceExcluded' | 'pvcExcluded' | 'claimExcludedByLabel' | 'claimTerminating' | 'notSelected';

/** The backup's label selection applied to a claim on its own (null: no selector, everything is listed). */
function claimSelector(options: ProtectionOptions): ClaimSelector {
  const selectors = options.orLabelSelectors?.length ? options.orLabelSelectors : options.labelSelector ? [options.labelSelector] : null;
  if (!selectors) return null;
  const compiled = selectors.map(compileLabelSelector);
  return (labels) => compiled.some((c) => c.ok && c.matches(labels));
}

const fsReason = (v: VolumeVerdict) => (v.reason === 'optedIn' || v.reason === 'defaultFsBackup' || v.reason === 'policyFsBackup' ? v.reason : 'optedIn');

export function decideProtection(input: ProtectionInput): ProtectionResult {
  const decider = protectionDecider(input);
  const verdicts = groupBy(input.verdicts, (v) => v.namespace);
  const order = groupBy(input.processingOrder, (key) => key.slice(0, key.indexOf('/')));
  const claims = input.index.namespaces.flatMap((namespace) => decider.claimsIn(namespace, verdicts.get(namespace) ?? [], order.get(namespace) ?? []));
  return { claims, assumptions: decider.assumptions(claims) };
}

/**
 * The protection of one namespace's claims at a time: a claim's protection depends only on its own namespace's
 * verdicts and on cluster-wide objects (PVs, storage, the backup's options), so a view re-decides only the
 * namespaces that changed. `verdicts` and `processingOrder` ("namespace/pod") are the namespace's own.
 */
export function protectionDecider(input: Omit<ProtectionInput, 'verdicts' | 'processingOrder'>): {
  claimsIn(namespace: string, verdicts: readonly VolumeVerdict[], processingOrder: readonly string[]): ClaimProtection[];
  assumptions(claims: readonly ClaimProtection[]): string[];
} {
  const { snapshot, index, options } = input;
  const policy: VolumePolicyMatcher | null = options.policy ? policyMatcher(options.policy) : null;
  const select = claimSelector(options);
  const claimsUnknown = new Set(snapshot.incomplete.filter((r) => r.resource === 'persistentvolumeclaims').map((r) => r.namespace ?? '*'));

  function claimsIn(namespace: string, verdicts: readonly VolumeVerdict[], processingOrder: readonly string[]): ClaimProtection[] {
    if (claimsUnknown.has('*') || claimsUnknown.has(namespace)) return [];
    const position = new Map(processingOrder.map((key, i) => [key, i] as const));
    const processed = (ns: string, pod: string) => position.has(`${ns}/${pod}`);
    // Verdicts by claim, in Velero's processing order then volume order; and by pod volume.
    const byClaim = new Map<string, VolumeVerdict[]>();
    const byPodVolume = new Map<string, VolumeVerdict>();
    for (const v of verdicts) {
      byPodVolume.set(`${v.namespace}/${v.pod}/${v.volume}`, v);
      if (v.pvc === null) continue;
      const key = `${v.namespace}/${v.pvc}`;
      const list = byClaim.get(key);
      if (list) list.push(v);
      else byClaim.set(key, [v]);
    }
    const order = (v: VolumeVerdict) => position.get(`${v.namespace}/${v.pod}`) ?? Number.MAX_SAFE_INTEGER;
    for (const list of byClaim.values()) list.sort((a, b) => order(a) - order(b));

    const names = new Set(index.claimsIn(namespace).map((c) => c.metadata?.name ?? ''));
    for (const pod of index.podsIn(namespace)) {
      for (const volume of pod.spec?.volumes ?? []) {
        if (present(volume?.persistentVolumeClaim)) names.add(volume?.persistentVolumeClaim?.claimName ?? '');
      }
    }
    const claims: ClaimProtection[] = [];
    for (const name of [...names].sort(byteCompare)) {
      const claim = index.claim(namespace, name) ?? null;
      const decided = decideClaim(namespace, name, claim);
      claims.push({ namespace, name, exists: claim !== null, uid: claim?.metadata?.uid ?? null, ...decided });
    }
    return claims;


    /** Pods the PVC→pod cache gives for the claim: built for the in-scope namespaces, and none built when there are none. */
    function cachedPodsUsing(namespace: string, name: string) {
      return options.namespacesInScope.size === 0 || options.namespacesInScope.has(namespace) ? index.podsUsingClaim(namespace, name) : [];
    }

    /**
     * A claim left out of the backup whose PV the item collector lists on its own: takePVSnapshot decides on that PV
     * (velero-objects.md c.5 is silent; item_collector.go:getResourceItems, item_backupper.go:takePVSnapshot).
     * null when the PV is not listed (no PV bound to the claim, the label selector misses the PV's labels) or its
     * own inclusion checks reject it.
     */
    function throughListedPv(namespace: string, name: string, claim: PersistentVolumeClaim | null, reason: ListedReason): Decided | null {
      if (!options.allPersistentVolumesListed || !claim) return null;
      const pv = index.pv(claim.spec?.volumeName ?? '');
      const ref = pv?.spec?.claimRef;
      if (!pv || (ref?.namespace ?? '') !== namespace || (ref?.name ?? '') !== name) return null;
      // listResourceByLabelsPerNamespace: the backup's selectors apply to every listed item, PVs included.
      if (select && !select(pv.metadata?.labels)) return null;
      const decided = listedPvSnapshot({
        claim, pv, podsUsingClaim: cachedPodsUsing(namespace, name), policy, options, storage: snapshot.storage,
        verdictOf: (pod, volume) => byPodVolume.get(`${namespace}/${pod}/${volume}`)?.reason ?? null,
      });
      return decided && { ...decided, claimNotInBackup: reason };
    }

    function decideClaim(namespace: string, name: string, claim: PersistentVolumeClaim | null): Decided {
      const notIn = (reason: Extract<Decided['reason'], 'namespaceExcluded' | 'pvcExcluded' | 'claimExcludedByLabel' | 'claimTerminating' | 'notSelected' | 'validationFailed'>): Decided =>
        ({ protection: 'notInBackup', reason, via: null });
      const left = (reason: ListedReason): Decided => throughListedPv(namespace, name, claim, reason) ?? notIn(reason);
      if (options.validationFailed) return notIn('validationFailed');
      if (!options.namespacesInScope.has(namespace)) return left('namespaceExcluded');
      if (options.backupExcludePVC) return left('pvcExcluded');
      const users = index.podsUsingClaim(namespace, name);
      if (!claim) return users.some((p) => processed(namespace, p.metadata?.name ?? '')) ? { protection: 'none', reason: 'claimMissing', via: null } : notIn('notSelected');
      const taken = byClaim.get(`${namespace}/${name}`)?.find((v) => v.action === 'fs-backup');
      if (taken) return { protection: 'fs-backup', reason: fsReason(taken), via: { pod: taken.pod, volume: taken.volume }, ...(taken.evidence.policy ? { policyIndex: taken.evidence.policy.index } : {}) };
      if (select && !select(claim.metadata?.labels) && !users.some((p) => processed(namespace, p.metadata?.name ?? ''))) return left('notSelected');
      if (claim.metadata?.labels?.[EXCLUDE_FROM_BACKUP_LABEL] === 'true') return left('claimExcludedByLabel');
      if (present(claim.metadata?.deletionTimestamp)) return left('claimTerminating');

      // getMatchAction (run for the CSI action before EnableCSI is checked) Gets spec.volumeName's PV whatever the
      // claim's phase, and with no PV when the claim names none; a missing PV fails the PVC item. Velero's source
      // wins over c.1/c.5 here (they resolve the PV as GetPVForPVC does): item_backupper.go:getMatchAction.
      const volumeName = claim.spec?.volumeName ?? '';
      const named = volumeName === '' ? null : index.pv(volumeName) ?? null;
      const unresolvable: Decided = { protection: 'none', reason: 'pvUnresolvable', via: null };
      const skipped = (policyIndex: number): Decided => ({ protection: 'none', reason: 'policySkip', via: null, policyIndex });
      const custom = (policyIndex: number): Decided => ({ protection: 'custom', reason: 'policyCustom', via: null, policyIndex });
      if (policy && volumeName !== '' && !named) return unresolvable;
      const match = policy?.match({ stage: 'E2', volume: { name }, claim, pv: named });
      if (match?.action === 'skip') return skipped(match.index);
      // GetPVForPVC: bound, Bound and the PV exists.
      const pv = unresolvedPvReason(claim, { claim: () => undefined, pv: (n) => index.pv(n) }) ? null : named;
      // executeActions acts on getMatchAction's skip only; a custom match does not stop the snapshot side, whose own
      // checks decide. Velero's source wins over c.2/c.5 (custom first): item_backupper.go:executeActions, takePVSnapshot.
      if (options.enableCSI && (!pv || present(pv.spec?.csi))) {
        // CSI path: ShouldPerformSnapshot(PVC) matches again with GetPVForPVC's PV; a custom hit switches the CSI
        // action off, and takePVSnapshot leaves CSI PVs to it. With no PV, no hit is an error (the PVC item fails).
        const again = pv ? match : policy?.match({ stage: 'E2', volume: { name }, claim, pv: null });
        if (again?.action === 'custom') return custom(again.index);
        if (!pv) return again?.action === 'skip' ? skipped(again.index) : unresolvable;
      } else if (!pv) {
        return match?.action === 'custom' ? custom(match.index) : unresolvable;
      }
      const decided = snapshotSide({
        claim, pv, podsUsingClaim: users, policy, options, storage: snapshot.storage,
        verdictOf: (pod, volume) => byPodVolume.get(`${namespace}/${pod}/${volume}`)?.reason ?? null,
      });
      // Native path: takePVSnapshot matches the PV with an empty claim (pvcLabels/pvcPhase never match), and its
      // re-match with the claim stops only on skip, so a claim-only custom policy still gets the native snapshot.
      // When Velero takes none, the claim is left to the custom plugin.
      return match?.action === 'custom' && decided.protection !== 'native-snapshot' ? custom(match.index) : decided;
    }
  }

  return { claimsIn, assumptions: (claims) => assumptionsFor(input, claims) };
}

function assumptionsFor(input: Omit<ProtectionInput, 'verdicts' | 'processingOrder'>, claims: readonly ClaimProtection[]): string[] {
  const out: string[] = [];
  const storage = input.snapshot.storage;
  const snapshotted = claims.some((c) => c.protection === 'native-snapshot' || c.reason === 'noSnapshotLocation');
  if (snapshotted || input.options.volumeSnapshotLocations.length > 0) out.push(NATIVE_PLUGIN_ASSUMPTION);
  if (!storage || storage.storageClasses === null) out.push('StorageClasses could not be read: each claim\'s StorageClass is assumed to exist, with its PV\'s CSI driver as provisioner.');
  if (!storage || storage.volumeSnapshotClasses === null) out.push('VolumeSnapshotClasses could not be read: a class is assumed to exist for every CSI driver.');
  if (storage?.snapshotApi === 'notServed' && input.options.enableCSI) out.push('The snapshot.storage.k8s.io API is not served (no CSI snapshot CRDs): no VolumeSnapshotClass exists, so CSI snapshots fail.');
  return out;
}
