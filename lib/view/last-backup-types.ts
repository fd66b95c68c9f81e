// What the last backup really did, per pod volume and per backup (velero-objects.md d.5): plain JSON for the API.

export const LAST_BACKUP_OUTCOMES = ['completed', 'failed', 'missing', 'unexpected', 'notFinal', 'agrees'] as const;
export type LastBackupOutcome = (typeof LAST_BACKUP_OUTCOMES)[number];

export type LikelyCause =
  | 'podCreatedAfterBackup' | 'podRecreated' | 'claimTakenByOtherPod' | 'duplicateThroughOtherPod'
  | 'optionsChanged' | 'hooksFailed' | 'backupErrors' | 'backupFailed' | 'unexplained';

export interface VolumeLastBackup {
  backup: string;
  outcome: LastBackupOutcome;
  /** The PodVolumeBackup's status.phase; null without one. */
  pvbPhase: string | null;
  /** The PodVolumeBackup's status.message (the reason of a Failed/Canceled copy). */
  message: string | null;
  /** For missing and unexpected: the likely cause where the data shows it. */
  cause?: { code: LikelyCause; text: string };
  /** For a claim the data mover moves: its DataUpload in that backup (null: none was made). */
  dataUpload?: { name: string; phase: string; message: string | null } | null;
}

export interface SnapshotCount {
  /** Claims the prediction says this kind protects now. */
  predicted: number;
  /** null: not readable (the data mover's DataUploads could not be listed). */
  attempted: number | null;
  completed: number | null;
}

export interface LastBackupSummary {
  backup: string;
  phase: string;
  startTimestamp: string | null;
  completionTimestamp: string | null;
  errors: number;
  warnings: number;
  hooksFailed: number;
  /** false: the PodVolumeBackups could not be read, so no volume was compared and every outcome count is 0. */
  podVolumeBackupsRead: boolean;
  outcomes: Record<LastBackupOutcome, number>;
  /** Per-claim CSI and native results are not in the cluster API (d.4): only the backup's totals can be compared. */
  snapshots: { csi: SnapshotCount; native: SnapshotCount; dataMover: SnapshotCount };
  /** PodVolumeBackups of pod volumes the prediction has no verdict for (the pod is gone, or outside the backup now). */
  unmatched: Array<{ namespace: string; pod: string; volume: string; phase: string }>;
}
