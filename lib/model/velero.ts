// Plain JSON shapes of the Velero (velero.io) and apps/v1 objects Backup Lens reads, only the fields it uses.
// Like lib/model/kube.ts: every field may be missing, as on the wire. Secrets are never read.
import type { ObjectMeta } from './kube';
import type { DataUpload } from './storage';

export interface LabelSelectorRequirement {
  key?: string;
  operator?: string;
  values?: string[] | null;
}

export interface LabelSelector {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: LabelSelectorRequirement[] | null;
}

/** velero.io/v1 BackupSpec (a Schedule's template is one). */
export interface BackupSpec {
  metadata?: { labels?: Record<string, string> | null } | null;
  includedNamespaces?: string[] | null;
  excludedNamespaces?: string[] | null;
  /** Old-style resource filters. */
  includedResources?: string[] | null;
  excludedResources?: string[] | null;
  includeClusterResources?: boolean | null;
  /** New-style resource filters. */
  includedClusterScopedResources?: string[] | null;
  excludedClusterScopedResources?: string[] | null;
  includedNamespaceScopedResources?: string[] | null;
  excludedNamespaceScopedResources?: string[] | null;
  labelSelector?: LabelSelector | null;
  orLabelSelectors?: LabelSelector[] | null;
  snapshotVolumes?: boolean | null;
  defaultVolumesToFsBackup?: boolean | null;
  /** Deprecated: true forces defaultVolumesToFsBackup. */
  defaultVolumesToRestic?: boolean | null;
  snapshotMoveData?: boolean | null;
  datamover?: string;
  storageLocation?: string;
  volumeSnapshotLocations?: string[] | null;
  resourcePolicy?: { apiGroup?: string | null; kind?: string; name?: string } | null;
  orderedResources?: Record<string, string> | null;
  volumeGroupSnapshotLabelKey?: string;
  ttl?: string;
  hooks?: unknown;
}

export interface Schedule {
  metadata?: ObjectMeta;
  spec?: {
    schedule?: string;
    template?: BackupSpec;
    paused?: boolean;
    useOwnerReferencesInBackup?: boolean;
    skipImmediately?: boolean | null;
  };
  status?: { phase?: string; validationErrors?: string[] | null; lastBackup?: string | null; lastSkipped?: string | null };
}

export interface BackupStatus {
  phase?: string;
  validationErrors?: string[] | null;
  startTimestamp?: string | null;
  completionTimestamp?: string | null;
  expiration?: string | null;
  errors?: number;
  warnings?: number;
  failureReason?: string;
  volumeSnapshotsAttempted?: number;
  volumeSnapshotsCompleted?: number;
  csiVolumeSnapshotsAttempted?: number;
  csiVolumeSnapshotsCompleted?: number;
  backupItemOperationsAttempted?: number;
  backupItemOperationsCompleted?: number;
  backupItemOperationsFailed?: number;
  hookStatus?: { hooksAttempted?: number; hooksFailed?: number } | null;
  progress?: { totalItems?: number; itemsBackedUp?: number } | null;
}

export interface Backup {
  metadata?: ObjectMeta;
  spec?: BackupSpec;
  status?: BackupStatus;
}

export interface BackupStorageLocation {
  metadata?: ObjectMeta;
  spec?: { provider?: string; default?: boolean; accessMode?: string; objectStorage?: { bucket?: string; prefix?: string } | null };
  status?: { phase?: string; message?: string; lastValidationTime?: string | null };
}

export interface VolumeSnapshotLocation {
  metadata?: ObjectMeta;
  spec?: { provider?: string; config?: Record<string, string> | null };
  status?: { phase?: string };
}

export interface PodVolumeBackup {
  metadata?: ObjectMeta;
  spec?: {
    node?: string;
    pod?: { kind?: string; namespace?: string; name?: string; uid?: string };
    volume?: string;
    backupStorageLocation?: string;
    uploaderType?: string;
  };
  status?: {
    phase?: string;
    message?: string;
    snapshotID?: string;
    startTimestamp?: string | null;
    completionTimestamp?: string | null;
    progress?: { totalBytes?: number; bytesDone?: number } | null;
  };
}

/** A ConfigMap of the Velero namespace (resource policies). `binaryDataKeys`: Velero ignores binaryData. */
export interface ConfigMap {
  metadata?: ObjectMeta;
  data?: Record<string, string> | null;
  binaryDataKeys?: string[];
}

export interface WorkloadContainer {
  name?: string;
  image?: string;
  command?: string[] | null;
  args?: string[] | null;
}

/** apps/v1 Deployment or DaemonSet of the Velero namespace: the server's flags (b.1) and the node-agent (b.2). */
export interface Workload {
  metadata?: ObjectMeta;
  spec?: {
    selector?: LabelSelector | null;
    template?: {
      metadata?: { labels?: Record<string, string> | null } | null;
      spec?: { containers?: WorkloadContainer[] | null; initContainers?: WorkloadContainer[] | null; serviceAccountName?: string } | null;
    };
  };
  status?: { replicas?: number; readyReplicas?: number; desiredNumberScheduled?: number; numberReady?: number };
}

/**
 * What was read of Velero. Each list is null when it could not be read (the reason is in the snapshot's
 * `incomplete`), [] when it was read and is empty. `installed` is false when discovery does not serve velero.io.
 */
export interface VeleroObjects {
  installed: boolean;
  /** Set when discovery itself failed (e.g. 403 on GET /apis): the lists were tried anyway and `installed` inferred from them. */
  discoveryError?: { status: number | null; message: string };
  schedules: Schedule[] | null;
  backups: Backup[] | null;
  backupStorageLocations: BackupStorageLocation[] | null;
  volumeSnapshotLocations: VolumeSnapshotLocation[] | null;
  podVolumeBackups: PodVolumeBackup[] | null;
  /** ConfigMaps of the Velero namespace only. */
  configMaps: ConfigMap[] | null;
  deployments: Workload[] | null;
  daemonSets: Workload[] | null;
  /** velero.io/v2alpha1 DataUploads (data mover); absent when not read, [] when v2alpha1 is not served. */
  dataUploads?: DataUpload[] | null;
}
