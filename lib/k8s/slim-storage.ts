// Slimming of StorageClasses, VolumeSnapshotClasses and DataUploads as they arrive: only the fields
// lib/model/storage.ts has. VolumeSnapshotClasses keep the two markers c.3 reads (Velero's label, the default annotation).
import type { ObjectMeta } from '../model/kube';
import type { DataUpload, StorageClass, VolumeSnapshotClass } from '../model/storage';
import { slimMeta } from './slim';

type Json = Record<string, unknown>;
/** c.3 step 4 (the same constant as lib/rules/protection/snapshot-class.ts). */
const DEFAULT_CLASS_ANNOTATION = 'snapshot.storage.kubernetes.io/is-default-class';
const obj = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function slimStorageClass(raw: unknown): StorageClass {
  const o = obj(raw) ?? {};
  return { metadata: slimMeta(o.metadata, false), ...(str(o.provisioner) !== undefined ? { provisioner: str(o.provisioner) } : {}) };
}

export function slimVolumeSnapshotClass(raw: unknown): VolumeSnapshotClass {
  const o = obj(raw) ?? {};
  const metadata: ObjectMeta = slimMeta(o.metadata, false);
  const annotations = obj(obj(o.metadata)?.annotations);
  const marker = annotations && typeof annotations[DEFAULT_CLASS_ANNOTATION] === 'string' ? { [DEFAULT_CLASS_ANNOTATION]: annotations[DEFAULT_CLASS_ANNOTATION] as string } : null;
  if (marker) metadata.annotations = marker;
  return { metadata, ...(str(o.driver) !== undefined ? { driver: str(o.driver) } : {}), ...(str(o.deletionPolicy) !== undefined ? { deletionPolicy: str(o.deletionPolicy) } : {}) };
}

export function slimDataUpload(raw: unknown): DataUpload {
  const o = obj(raw) ?? {};
  const spec = obj(o.spec) ?? {};
  const status = obj(o.status) ?? {};
  const csi = obj(spec.csiSnapshot);
  const pickStr = (from: Json, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => str(from[k]) !== undefined).map((k) => [k, str(from[k])]));
  return {
    metadata: slimMeta(o.metadata, false),
    spec: { ...pickStr(spec, ['snapshotType', 'sourcePVC', 'sourceNamespace', 'datamover']), ...(csi ? { csiSnapshot: pickStr(csi, ['volumeSnapshot', 'storageClass', 'snapshotClass', 'driver']) } : {}) },
    status: pickStr(status, ['phase', 'message', 'node', 'snapshotID', 'startTimestamp', 'completionTimestamp']),
  };
}
