// VolumeSnapshotClass selection (velero-objects.md c.3, pkg/util/csi/volume_snapshot.go:GetVolumeSnapshotClass):
// the driver compared is the StorageClass's provisioner; classes are considered in name order.
import type { PersistentVolumeClaim } from '../../model/kube';
import type { VolumeSnapshotClass } from '../../model/storage';
import { byteCompare } from '../../index/pvc-pod-index';

export const PVC_SNAPSHOT_CLASS_ANNOTATION = 'velero.io/csi-volumesnapshot-class';
export const BACKUP_SNAPSHOT_CLASS_ANNOTATION_PREFIX = 'velero.io/csi-volumesnapshot-class_';
export const SNAPSHOT_CLASS_LABEL = 'velero.io/csi-volumesnapshot-class';
export const DEFAULT_CLASS_ANNOTATION = 'snapshot.storage.kubernetes.io/is-default-class';

export type ClassChoice =
  | { ok: true; name: string; how: 'pvcAnnotation' | 'backupAnnotation' | 'label' | 'default' | 'only' }
  | { ok: false; why: string };

const nameOf = (c: VolumeSnapshotClass) => c.metadata?.name ?? '';

export function selectSnapshotClass(
  driver: string,
  classes: readonly VolumeSnapshotClass[],
  claim: PersistentVolumeClaim | null,
  backupAnnotations: Record<string, string>,
): ClassChoice {
  const ofDriver = [...classes].filter((c) => c.driver === driver).sort((a, b) => byteCompare(nameOf(a), nameOf(b)));
  // 1. the claim's annotation names a class (case-insensitively); wrong driver or missing falls through.
  const fromClaim = claim?.metadata?.annotations?.[PVC_SNAPSHOT_CLASS_ANNOTATION];
  if (fromClaim) {
    const hit = ofDriver.find((c) => nameOf(c).toLowerCase() === fromClaim.toLowerCase());
    if (hit) return { ok: true, name: nameOf(hit), how: 'pvcAnnotation' };
  }
  // 2. the backup's annotation for this driver.
  const fromBackup = backupAnnotations[`${BACKUP_SNAPSHOT_CLASS_ANNOTATION_PREFIX}${driver.toLowerCase()}`];
  if (fromBackup) {
    const hit = ofDriver.find((c) => nameOf(c) === fromBackup);
    if (hit) return { ok: true, name: nameOf(hit), how: 'backupAnnotation' };
  }
  // 3. a class labelled for Velero; 4. the cluster's default class (presence of the annotation only).
  const labelled = ofDriver.find((c) => c.metadata?.labels?.[SNAPSHOT_CLASS_LABEL] !== undefined);
  if (labelled) return { ok: true, name: nameOf(labelled), how: 'label' };
  const byDefault = ofDriver.find((c) => c.metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] !== undefined);
  if (byDefault) return { ok: true, name: nameOf(byDefault), how: 'default' };
  // 5. exactly one class of the driver.
  if (ofDriver.length === 1) return { ok: true, name: nameOf(ofDriver[0] as VolumeSnapshotClass), how: 'only' };
  return ofDriver.length === 0
    ? { ok: false, why: `no VolumeSnapshotClass has driver ${driver}` }
    : { ok: false, why: `${ofDriver.length} VolumeSnapshotClasses have driver ${driver} and none is labelled ${SNAPSHOT_CLASS_LABEL} or marked default` };
}
