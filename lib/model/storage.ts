// The storage side Backup Lens reads for the snapshot half of protection (velero-objects.md c): StorageClasses,
// VolumeSnapshotClasses and Velero's DataUploads. Plain JSON shapes, only the fields used; every field may be missing.
import type { ObjectMeta } from './kube';

/** storage.k8s.io/v1 StorageClass: its provisioner is the driver VolumeSnapshotClasses are matched on (c.3). */
export interface StorageClass {
  metadata?: ObjectMeta;
  provisioner?: string;
}

/** snapshot.storage.k8s.io/v1 VolumeSnapshotClass (cluster-scoped). */
export interface VolumeSnapshotClass {
  metadata?: ObjectMeta;
  driver?: string;
  deletionPolicy?: string;
}

/** velero.io/v2alpha1 DataUpload (d.3), in the Velero namespace. */
export interface DataUpload {
  metadata?: ObjectMeta;
  spec?: {
    snapshotType?: string;
    sourcePVC?: string;
    sourceNamespace?: string;
    datamover?: string;
    csiSnapshot?: { volumeSnapshot?: string; storageClass?: string; snapshotClass?: string; driver?: string } | null;
  };
  status?: { phase?: string; message?: string; node?: string; snapshotID?: string; startTimestamp?: string | null; completionTimestamp?: string | null };
}

/**
 * What was read of the storage side. A list is null when it could not be read (the reason is in `incomplete`).
 * `snapshotApi`: whether discovery serves snapshot.storage.k8s.io/v1; 'notServed' (no CSI snapshot CRDs) is a
 * state, not an error: then `volumeSnapshotClasses` is [].
 */
export interface StorageObjects {
  storageClasses: StorageClass[] | null;
  snapshotApi: 'served' | 'notServed' | 'unknown';
  volumeSnapshotClasses: VolumeSnapshotClass[] | null;
}
