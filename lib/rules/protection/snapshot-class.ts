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
/** strings.EqualFold for the ASCII names and drivers Kubernetes allows. */
const equalFold = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function selectSnapshotClass(
  driver: string,
  classes: readonly VolumeSnapshotClass[],
  claim: PersistentVolumeClaim | null,
  backupAnnotations: Record<string, string>,
): ClassChoice {
  const byName = [...classes].sort((a, b) => byteCompare(nameOf(a), nameOf(b)));
  // The label, default and only-class steps compare the driver exactly (GetVolumeSnapshotClassForStorageClass).
  const ofDriver = byName.filter((c) => c.driver === driver);
  // The annotation steps take the first class whose name equals the value, then check its driver, both with
  // strings.EqualFold; a wrong driver falls through (GetVolumeSnapshotClassFrom{PVC,Backup}AnnotationsForDriver).
  // c.3 names the case-insensitive name for the claim's annotation only; Velero's source wins.
  const named = (value: string | undefined): VolumeSnapshotClass | undefined => {
    if (value === undefined) return undefined;
    const hit = byName.find((c) => equalFold(nameOf(c), value));
    return hit && equalFold(hit.driver ?? '', driver) ? hit : undefined;
  };
  // 1. the claim's annotation names a class.
  const fromClaim = named(claim?.metadata?.annotations?.[PVC_SNAPSHOT_CLASS_ANNOTATION]);
  if (fromClaim) return { ok: true, name: nameOf(fromClaim), how: 'pvcAnnotation' };
  // 2. the backup's annotation for this driver (key lower-cased).
  const fromBackup = named(backupAnnotations[`${BACKUP_SNAPSHOT_CLASS_ANNOTATION_PREFIX}${driver.toLowerCase()}`]);
  if (fromBackup) return { ok: true, name: nameOf(fromBackup), how: 'backupAnnotation' };
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
