// The verdict engine: every volume of every pod, decided in Velero's real order (velero-rules.md §3–§4).
// Pure: a snapshot and the backup options in, one tagged verdict per pod volume out.
import type { ClusterSnapshot, Pod, Volume } from '../model/kube';
import { buildPvcPodIndex, type PvcPodIndex } from '../index/pvc-pod-index';
import { ClaimTracker } from './claim-tracker';
import type { VolumePolicyMatcher } from './policy';
import { podExcludedBy, processingPlan } from './processing-order';
import { REASONS } from './reasons';
import { decideRuntime, nodeAgentNodes, type RuntimeContext } from './runtime-checks';
import type { BackupOptions, BackupScope, VolumeVerdict } from './types';

export type { BackupScope } from './types';
import { decideVolumeHelper, type Decision } from './volume-helper';
import { claimNameOf, volumeSourceType } from './volume-type';

export interface DecideInput {
  snapshot: Pick<ClusterSnapshot, 'pods' | 'pvcs' | 'pvs' | 'namespaces' | 'veleroNamespace' | 'incomplete'>;
  options: BackupOptions;
  /** A volume policy (velero-rules.md §7); none by default. */
  policy?: VolumePolicyMatcher | null;
  /** Reuse an index built for the same snapshot. */
  index?: PvcPodIndex;
  /** What the backup reaches (velero-objects.md a.3–a.5); absent: every pod, in name order. */
  scope?: BackupScope;
}

/** What the engine had to assume; the UI states these beside the verdicts. */
export interface DecideAssumptions {
  /** The Velero namespace was not seen, so a node-agent is assumed on every node (D2 not applied). */
  nodeAgentAssumed: boolean;
  /** PersistentVolumes could not be read: PV checks (E3, E4) were not applied. */
  pvsUnknown: boolean;
  /** Namespaces whose claims could not be read: claim checks (E1, E3, E4) were not applied there. */
  claimsUnknownIn: string[];
}

export interface DecideResult {
  /** In (namespace, pod) byte order, volumes in spec order. */
  verdicts: VolumeVerdict[];
  /** "namespace/pod" in the order Velero processes pods (excluded pods left out). */
  processingOrder: string[];
  assumptions: DecideAssumptions;
}

const podKey = (pod: Pod) => `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;

function toVerdict(pod: Pod, volume: Volume, decision: Decision): VolumeVerdict {
  const info = REASONS[decision.reason];
  const { evidence } = decision;
  const pvc = claimNameOf(volume);
  const volumeName = volume.name ?? '';
  const explanation = info.explain({
    pod: pod.metadata?.name ?? '',
    volume: volumeName,
    claim: evidence.claim ?? pvc,
    value: evidence.annotation?.value,
    policyIndex: evidence.policy?.index,
    otherPod: evidence.otherPod,
    phase: evidence.phase,
    nodeName: evidence.node,
    pv: evidence.pv,
    why: evidence.why,
  });
  return {
    namespace: pod.metadata?.namespace ?? '',
    pod: pod.metadata?.name ?? '',
    volume: volumeName,
    type: volumeSourceType(volume),
    pvc,
    action: info.action,
    reason: decision.reason,
    check: decision.check,
    explanation,
    evidence,
    backupError: info.backupError,
  };
}

/** What every namespace's decisions share: the options, the index and the cluster-wide facts (D2's node-agents). */
export interface DecideContext {
  options: BackupOptions;
  index: PvcPodIndex;
  scope: BackupScope | undefined;
  runtime: RuntimeContext;
  assumptions: DecideAssumptions;
}

/** One namespace's verdicts and processing order: the shared-claim tracker and the pull-in are per namespace. */
export interface NamespaceDecision {
  /** Pods in name order, volumes in spec order. */
  verdicts: VolumeVerdict[];
  /** "namespace/pod" in Velero's processing order. */
  processingOrder: string[];
}

export function decideContext(input: DecideInput): DecideContext {
  const { snapshot, options } = input;
  const policy = input.policy ?? null;
  const index = input.index ?? buildPvcPodIndex(snapshot);
  const veleroNamespace = snapshot.veleroNamespace;
  // D2 applies only when the Velero namespace is known to exist and its pods could be read (velero-rules §3 D2).
  const veleroPodsUnread = snapshot.incomplete.some((r) => r.resource === 'pods' && (r.namespace === null || r.namespace === veleroNamespace));
  const veleroSeen = !veleroPodsUnread && (snapshot.namespaces.some((ns) => ns.metadata?.name === veleroNamespace) || index.podsIn(veleroNamespace).length > 0);
  const claimsUnknownIn = new Set(
    snapshot.incomplete.filter((r) => r.resource === 'persistentvolumeclaims').map((r) => r.namespace ?? '*'),
  );
  const pvsUnknown = snapshot.incomplete.some((r) => r.resource === 'persistentvolumes');
  const claimsKnown = (namespace: string) => !claimsUnknownIn.has('*') && !claimsUnknownIn.has(namespace);
  const runtime: RuntimeContext = {
    index,
    policy,
    nodeAgents: veleroSeen ? nodeAgentNodes(index.podsIn(veleroNamespace)) : null,
    pvsKnown: !pvsUnknown,
    claimsKnown,
    claimLookup: { claim: (ns, name) => index.claim(ns, name), pv: (name) => index.pv(name), claimsKnown },
  };
  return { options, index, scope: input.scope, runtime, assumptions: { nodeAgentAssumed: !veleroSeen, pvsUnknown, claimsUnknownIn: [...claimsUnknownIn].sort() } };
}

const EVERYTHING: BackupScope = { namespaces: null, backupPods: true, labelSelector: null, orLabelSelectors: null };

export function decideNamespace(ctx: DecideContext, namespace: string): NamespaceDecision {
  const { index, options, runtime } = ctx;
  const scope = ctx.scope ?? EVERYTHING;
  if (scope.namespaces && !scope.namespaces.has(namespace)) return { verdicts: [], processingOrder: [] };
  const decided = new Map<Pod, Decision[]>();
  const tracker = new ClaimTracker();
  const { order, reached } = processingPlan(index, options, { ...scope, namespaces: new Set([namespace]) });
  for (const pod of order) decided.set(pod, decidePod(pod, options, runtime, tracker));
  const verdicts: VolumeVerdict[] = [];
  for (const pod of index.podsIn(namespace)) {
    if (!reached.has(pod)) continue;
    const volumes = (pod.spec?.volumes ?? []).filter((v): v is Volume => !!v);
    const excludedBy = podExcludedBy(pod);
    const decisions = decided.get(pod) ?? volumes.map((): Decision => excludedDecision(pod, excludedBy));
    volumes.forEach((volume, i) => verdicts.push(toVerdict(pod, volume, decisions[i] as Decision)));
  }
  return { verdicts, processingOrder: order.map(podKey) };
}

/** Every namespace decided on its own, merged in namespace byte order. */
export function decideVolumes(input: DecideInput): DecideResult {
  const ctx = decideContext(input);
  const verdicts: VolumeVerdict[] = [];
  const processingOrder: string[] = [];
  for (const namespace of ctx.index.namespaces) {
    const part = decideNamespace(ctx, namespace);
    for (const v of part.verdicts) verdicts.push(v);
    for (const k of part.processingOrder) processingOrder.push(k);
  }
  return { verdicts, processingOrder, assumptions: ctx.assumptions };
}

function excludedDecision(pod: Pod, excludedBy: ReturnType<typeof podExcludedBy>): Decision {
  if (excludedBy === 'podExcludedByLabel') {
    return { reason: 'podExcludedByLabel', check: 'A2', evidence: { label: { key: 'velero.io/exclude-from-backup', value: 'true' } } };
  }
  return { reason: 'podTerminating', check: 'A3', evidence: { deletionTimestamp: pod.metadata?.deletionTimestamp ?? '' } };
}

/** Stages B–E for one pod, updating the shared-claim tracker as Velero's item backupper does. */
function decidePod(pod: Pod, options: BackupOptions, runtime: RuntimeContext, tracker: ClaimTracker): Decision[] {
  const namespace = pod.metadata?.namespace ?? '';
  const podName = pod.metadata?.name ?? '';
  const volumes = (pod.spec?.volumes ?? []).filter((v): v is Volume => !!v);
  const decisions: Decision[] = [];
  const surviving: number[] = [];

  volumes.forEach((volume, i) => {
    const helper = decideVolumeHelper(pod, volume, options, runtime.claimLookup, runtime.policy);
    const claim = claimNameOf(volume);
    decisions[i] = helper;
    if (REASONS[helper.reason].action !== 'fs-backup') {
      if (claim !== null) tracker.optOut(namespace, claim);
      return;
    }
    if (claim !== null) {
      tracker.track(namespace, claim);
      const otherPod = tracker.takenBy(namespace, claim);
      if (otherPod !== null) {
        decisions[i] = { reason: 'sharedPvcOtherPod', check: 'C1', evidence: { claim, otherPod } };
        return;
      }
    }
    surviving.push(i);
  });

  if (surviving.length === 0) return decisions;
  const outcomes = decideRuntime(pod, surviving.map((i) => volumes[i] as Volume), runtime);
  surviving.forEach((volumeIndex, k) => {
    const outcome = outcomes[k];
    if (outcome) decisions[volumeIndex] = outcome;
  });
  // Take after the whole pod: two volumes of one pod naming the same claim both back up.
  surviving.forEach((volumeIndex, k) => {
    const claim = claimNameOf(volumes[volumeIndex] as Volume);
    if (!outcomes[k] && claim !== null) tracker.take(namespace, claim, podName);
  });
  return decisions;
}

