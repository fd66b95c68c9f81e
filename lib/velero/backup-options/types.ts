// The options Velero would run one backup with, each value with where it came from (velero-objects.md a, b).
// A Schedule, a Backup and the what-if controls are three ways to build one EffectiveOptions; nothing
// downstream knows which it was.
import type { LabelSelector } from '../../model/velero';
import type { ResourcePolicy } from '../../rules/policy/types';

/** spec: the Backup/Schedule spec; server: a velero Deployment flag; default: Velero's default; assumed: not readable. */
export type OptionSource = 'spec' | 'server' | 'default' | 'assumed';

export interface Sourced<T> {
  value: T;
  source: OptionSource;
  /** Operator-facing detail, e.g. "--default-volumes-to-fs-backup=true" or "from spec.defaultVolumesToRestic". */
  note?: string;
}

export type BackupRef =
  | { kind: 'schedule'; name: string }
  | { kind: 'backup'; name: string }
  | { kind: 'whatIf' };

export type PolicyState =
  | { state: 'none' }
  | { state: 'ok'; name: string; key: string; policy: ResourcePolicy }
  /** Velero fails the backup's validation: the ConfigMap is missing, has ≠ 1 data key, or does not decode/validate. */
  | { state: 'invalid'; name: string; errors: string[] }
  /** The ConfigMap could not be read (403): nothing can be predicted with confidence. */
  | { state: 'unreadable'; name: string; message: string };

export interface ServerSettings {
  /** `--features` of the velero Deployment's server container. */
  features: Sourced<string[]>;
  enableCSI: Sourced<boolean>;
  defaultVolumesToFsBackup: Sourced<boolean>;
  defaultSnapshotMoveData: Sourced<boolean>;
  itemBlockWorkerCount: Sourced<number>;
  /** Schedules never produce backups (`--disable-controllers` with schedule/backup, or `--restore-only`). */
  schedulesDisabled: Sourced<boolean>;
  /** `--default-backup-storage-location` (used only when no BSL has spec.default: true). */
  defaultBackupStorageLocation: Sourced<string>;
  /** `--default-volume-snapshot-locations` provider → VSL name (a.2 step 7). */
  defaultVolumeSnapshotLocations: Sourced<Record<string, string>>;
  /** `--volume-group-snapshot-label-key`. */
  volumeGroupSnapshotLabelKey: Sourced<string>;
}

export interface EffectiveOptions {
  ref: BackupRef;
  /**
   * Empty when Velero would run the backup; otherwise Velero's own messages, and nothing is backed up. Also holds
   * the one run-time failure the options decide (see failureReason), so every consumer stops predicting.
   */
  validationErrors: string[];
  /**
   * Set when the backup passes validation but fails as soon as it runs (phase Failed, this status.failureReason):
   * a namespace wildcard glob.Compile refuses. validationErrors then holds one message saying so.
   */
  failureReason?: string;
  /** A paused Schedule never creates a Backup (shown, still predicted). */
  paused: boolean;
  includedNamespaces: Sourced<string[]>;
  /** Includes the namespaces labelled velero.io/exclude-from-backup=true (appended, as Velero does). */
  excludedNamespaces: Sourced<string[]>;
  /** The existing namespaces the backup processes, sorted; [] when validation failed. */
  namespacesInScope: string[];
  /** The resource filter includes pods; when false no pod volume is considered. */
  backupPods: Sourced<boolean>;
  defaultVolumesToFsBackup: Sourced<boolean>;
  backupExcludePVC: Sourced<boolean>;
  snapshotVolumes: Sourced<boolean>;
  snapshotMoveData: Sourced<boolean>;
  resourcePolicy: PolicyState;
  labelSelector: LabelSelector | null;
  orLabelSelectors: LabelSelector[] | null;
  server: ServerSettings;
  /** What had to be assumed, in operator words (each shown on the page). */
  assumptions: string[];
  /** Things Velero does not refuse but that change the outcome (ignored policy kind, an empty selector, …). */
  warnings: string[];
  /** PVs pulled in by claims are kept (native snapshots can run); for the snapshot side (issue 10). */
  persistentVolumesIncluded: Sourced<boolean>;
  /**
   * The item collector lists every PersistentVolume of the cluster as an item of its own (includeClusterResources
   * true, or unset with a whole-cluster filter; new style: a whole-cluster backup or persistentvolumes included),
   * so takePVSnapshot runs on PVs whose claims are not in the backup (subject to the label selector).
   */
  allPersistentVolumesListed: Sourced<boolean>;
  /** The BSL the backup would use, and the VSLs as prepareBackupRequest resolves them. */
  storageLocation: string;
  volumeSnapshotLocations: string[];
}
