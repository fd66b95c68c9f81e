// The protection vocabulary: one protection per claim for one backup (velero-objects.md c.1–c.5, issue 10).
import type { ClusterSnapshot } from '../../model/kube';
import type { LabelSelector } from '../../model/velero';
import type { PvcPodIndex } from '../../index/pvc-pod-index';
import type { ResourcePolicy } from '../policy/types';
import type { ReasonCode, VolumeVerdict } from '../types';

export const PROTECTION_KINDS = ['fs-backup', 'csi-snapshot', 'csi-snapshot-data-mover', 'native-snapshot', 'custom', 'none', 'notInBackup'] as const;
export type ProtectionKind = (typeof PROTECTION_KINDS)[number];

/** Why a claim gets nothing although it is in the backup. */
export const NONE_REASONS = [
  'fsSelectedNoPvb', 'policySkip', 'snapshotVolumesDisabled', 'pvUnresolvable', 'noStorageClass', 'storageClassMissing',
  'noSnapshotClass', 'pvNotInBackup', 'noSnapshotLocation', 'claimMissing', 'csiClaimNotInBackup',
] as const;
/** Why the claim is not part of the backup at all. */
export const NOT_IN_BACKUP_REASONS = ['namespaceExcluded', 'pvcExcluded', 'claimExcludedByLabel', 'claimTerminating', 'notSelected', 'validationFailed'] as const;
/** What took the claim when something did. */
export const PROTECTED_REASONS = ['optedIn', 'defaultFsBackup', 'policyFsBackup', 'policySnapshot', 'snapshotDefault', 'policyCustom'] as const;

export type NoneReason = (typeof NONE_REASONS)[number];
export type NotInBackupReason = (typeof NOT_IN_BACKUP_REASONS)[number];
export type ProtectedReason = (typeof PROTECTED_REASONS)[number];
export type ProtectionReason = NoneReason | NotInBackupReason | ProtectedReason;

/** Who selects the claim for fs-backup by annotation or policy (the c.4 trap), and what the engine said about that pod volume. */
export interface FsSelection {
  by: 'annotation' | 'policy';
  pod: string | null;
  volume: string | null;
  /** The verdict of that pod volume when the backup processes the pod (why no PodVolumeBackup); null when it does not. */
  verdictReason: ReasonCode | null;
  policyIndex?: number;
}

export interface ClaimProtection {
  namespace: string;
  name: string;
  /** The claim object exists (false: a pod names a claim that does not). */
  exists: boolean;
  protection: ProtectionKind;
  reason: ProtectionReason;
  /** For fs-backup: the pod volume whose PodVolumeBackup takes the claim (first in Velero's processing order). */
  via: { pod: string; volume: string } | null;
  /** The trap, when reason is fsSelectedNoPvb. */
  selectedBy?: FsSelection;
  /** The volume policy that decided (1-based), when one did. */
  policyIndex?: number;
  storageClass?: string | null;
  /** The StorageClass provisioner (CSI path) or the PV's driver/type (native path). */
  driver?: string | null;
  snapshotClass?: string | null;
  snapshotLocation?: string | null;
  /** The claim's uid, for joining DataUploads and PodVolumeBackups. */
  uid: string | null;
  /**
   * Set when the claim itself is not in the backup (this reason) but its PV is, because the backup lists every
   * PersistentVolume of the cluster: protection and reason are then takePVSnapshot's on that PV.
   */
  claimNotInBackup?: NotInBackupReason;
}

export interface SnapshotLocationRef {
  name: string;
  provider: string;
}

/** The backup's settings the snapshot side depends on (built from EffectiveOptions outside lib/rules). */
export interface ProtectionOptions {
  /** Velero refuses the backup (or its policy cannot be read): nothing is in it. */
  validationFailed: boolean;
  namespacesInScope: ReadonlySet<string>;
  backupExcludePVC: boolean;
  defaultVolumesToFsBackup: boolean;
  snapshotVolumes: boolean;
  snapshotMoveData: boolean;
  enableCSI: boolean;
  persistentVolumesIncluded: boolean;
  /** Every PersistentVolume of the cluster is listed as an item of its own (subject to the label selector). */
  allPersistentVolumesListed: boolean;
  policy: ResourcePolicy | null;
  labelSelector: LabelSelector | null;
  orLabelSelectors: LabelSelector[] | null;
  /** The VSLs the backup uses, with their providers. */
  volumeSnapshotLocations: SnapshotLocationRef[];
  /** The Backup's (Schedule's) annotations: velero.io/csi-volumesnapshot-class_<driver> (c.3 step 2). */
  backupAnnotations: Record<string, string>;
}

export interface ProtectionInput {
  snapshot: Pick<ClusterSnapshot, 'pods' | 'pvcs' | 'pvs' | 'storage' | 'incomplete'>;
  index: PvcPodIndex;
  /** The fs-backup verdicts of the same backup. */
  verdicts: readonly VolumeVerdict[];
  /** "namespace/pod" in Velero's processing order. */
  processingOrder: readonly string[];
  options: ProtectionOptions;
}

export interface ProtectionResult {
  /** Namespace then claim name (byte order). */
  claims: ClaimProtection[];
  /** What had to be assumed (plugin support, unreadable lists), in operator words. */
  assumptions: string[];
}
