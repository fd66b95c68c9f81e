// The mechanism of c.2 for a claim fs-backup does not take (velero-objects.md c.2, c.5 step 9): the CSI path with
// EnableCSI and a CSI PV, else the native path (PV item, VolumeSnapshotLocation plugin). Pure.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../../model/kube';
import type { StorageObjects } from '../../model/storage';
import type { VolumePolicyMatcher } from '../policy';
import { EXCLUDE_FROM_BACKUP_LABEL } from '../processing-order';
import { present } from '../volume-type';
import { pluginTakes } from './native-plugins';
import { shouldPerformSnapshot, type SnapshotDecision } from './should-snapshot';
import { selectSnapshotClass } from './snapshot-class';
import type { ClaimProtection, FsSelection, ProtectionOptions } from './types';

export type Decided = Omit<ClaimProtection, 'namespace' | 'name' | 'exists' | 'uid'>;

export interface SnapshotSideInput {
  claim: PersistentVolumeClaim;
  pv: PersistentVolume;
  podsUsingClaim: readonly Pod[];
  policy: VolumePolicyMatcher | null;
  options: ProtectionOptions;
  storage: StorageObjects | undefined;
  /** The verdict reason of a pod volume, when the backup processed that pod. */
  verdictOf: (pod: string, volume: string) => FsSelection['verdictReason'];
}

/** A "no snapshot" answer of ShouldPerformSnapshot as a protection. */
function notSnapshotted(decision: Exclude<SnapshotDecision, { snapshot: true }>, input: SnapshotSideInput): Decided {
  switch (decision.why) {
    case 'snapshotVolumesDisabled':
      return { protection: 'none', reason: 'snapshotVolumesDisabled', via: null };
    case 'annotation':
      return { protection: 'none', reason: 'fsSelectedNoPvb', via: null,
        selectedBy: { by: 'annotation', pod: decision.pod, volume: decision.volume, verdictReason: input.verdictOf(decision.pod, decision.volume) } };
    case 'policy':
      if (decision.action === 'custom') return { protection: 'custom', reason: 'policyCustom', via: null, policyIndex: decision.policyIndex };
      if (decision.action === 'skip') return { protection: 'none', reason: 'policySkip', via: null, policyIndex: decision.policyIndex };
      return { protection: 'none', reason: 'fsSelectedNoPvb', via: null, policyIndex: decision.policyIndex,
        selectedBy: { by: 'policy', pod: null, volume: null, verdictReason: null, policyIndex: decision.policyIndex } };
  }
}

const snapshotReason = (policyIndex: number | null) => (policyIndex !== null ? 'policySnapshot' as const : 'snapshotDefault' as const);

function csiPath(input: SnapshotSideInput, decision: SnapshotDecision): Decided {
  if (!decision.snapshot) return notSnapshotted(decision, input);
  const policyIndex = decision.policyIndex ?? undefined;
  const className = input.claim.spec?.storageClassName;
  if (className === null || className === undefined) return { protection: 'none', reason: 'noStorageClass', via: null, storageClass: null, policyIndex };
  const classes = input.storage?.storageClasses;
  const storageClass = classes?.find((c) => c.metadata?.name === className);
  // StorageClasses unreadable: the PV's own driver stands in for the provisioner (stated as an assumption).
  if (classes && !storageClass) return { protection: 'none', reason: 'storageClassMissing', via: null, storageClass: className, policyIndex };
  const driver = storageClass?.provisioner ?? input.pv.spec?.csi?.driver ?? '';
  const snapshotClasses = input.storage?.volumeSnapshotClasses;
  let snapshotClass: string | null = null;
  if (snapshotClasses) {
    const choice = selectSnapshotClass(driver, snapshotClasses, input.claim, input.options.backupAnnotations);
    if (!choice.ok) return { protection: 'none', reason: 'noSnapshotClass', via: null, storageClass: className, driver, snapshotClass: null, policyIndex };
    snapshotClass = choice.name;
  }
  const protection = input.options.snapshotMoveData ? 'csi-snapshot-data-mover' as const : 'csi-snapshot' as const;
  return { protection, reason: snapshotReason(decision.policyIndex), via: null, storageClass: className, driver, snapshotClass, policyIndex };
}

/** itemInclusionChecks on the PV item itself: the exclude label, and a deletionTimestamp even with mustInclude. */
const pvItemRejected = (pv: SnapshotSideInput['pv']): boolean =>
  pv.metadata?.labels?.[EXCLUDE_FROM_BACKUP_LABEL] === 'true' || present(pv.metadata?.deletionTimestamp);

function nativePath(input: SnapshotSideInput): Decided {
  const { options, pv } = input;
  // itemInclusionChecks rejects the PV item itself (the exclude label, and a deletionTimestamp even with mustInclude),
  // so takePVSnapshot never runs; c.2 names only the resource filter: item_backupper.go:itemInclusionChecks.
  if (!options.persistentVolumesIncluded || pvItemRejected(pv)) {
    return { protection: 'none', reason: 'pvNotInBackup', via: null };
  }
  // takePVSnapshot asks on the PV item, with no claim in the filter data.
  const decision = shouldPerformSnapshot({ ...shared(input), claim: null });
  if (!decision.snapshot) return notSnapshotted(decision, input);
  const policyIndex = decision.policyIndex ?? undefined;
  // Reached only for a PV listed on its own whose claim is not in the backup (snapshotSide sends these to the CSI
  // path): takePVSnapshot skips CSI PVs with EnableCSI, "handled by CSI plugin" (item_backupper.go:takePVSnapshot).
  if (options.enableCSI && present(pv.spec?.csi)) return { protection: 'none', reason: 'csiClaimNotInBackup', via: null, driver: pv.spec?.csi?.driver ?? null, policyIndex };
  // A re-match with the claim for skip (c.5 step 9).
  const withClaim = input.policy?.match({ stage: 'E2', volume: { name: input.claim.metadata?.name ?? '' }, claim: input.claim, pv });
  if (withClaim?.action === 'skip') return { protection: 'none', reason: 'policySkip', via: null, policyIndex: withClaim.index };
  const location = options.volumeSnapshotLocations.find((l) => pluginTakes(l.provider, pv));
  const driver = pv.spec?.csi?.driver ?? null;
  if (!location) return { protection: 'none', reason: 'noSnapshotLocation', via: null, driver, snapshotLocation: null, policyIndex };
  return { protection: 'native-snapshot', reason: snapshotReason(decision.policyIndex), via: null, driver, snapshotLocation: location.name, policyIndex };
}

const shared = (input: SnapshotSideInput) => ({
  pv: input.pv,
  podsUsingClaim: input.podsUsingClaim,
  claimName: input.claim.metadata?.name ?? '',
  policy: input.policy,
  defaultVolumesToFsBackup: input.options.defaultVolumesToFsBackup,
  snapshotVolumes: input.options.snapshotVolumes,
});

/**
 * takePVSnapshot on a PV the item collector listed on its own, whose claim is not in the backup: the native path
 * whatever EnableCSI says (no PVC item, so no CSI action). null when itemInclusionChecks rejects the PV item (the
 * exclude label, a deletionTimestamp): nothing of the claim is in the backup. `podsUsingClaim` must be the pods the
 * PVC→pod cache holds (item_backupper.go:backupItemInternal, takePVSnapshot).
 */
export function listedPvSnapshot(input: SnapshotSideInput): Decided | null {
  const { pv } = input;
  if (pvItemRejected(pv)) return null;
  return nativePath(input);
}

export function snapshotSide(input: SnapshotSideInput): Decided {
  if (input.options.enableCSI && input.pv.spec?.csi) return csiPath(input, shouldPerformSnapshot({ ...shared(input), claim: input.claim }));
  return nativePath(input);
}
