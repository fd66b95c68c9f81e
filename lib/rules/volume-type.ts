// What kind of pod volume this is, as the Kubernetes JSON says (the key of its volume source).
import type { Volume } from '../model/kube';

/** Go's "non-nil pointer": the JSON field exists and is not null. `emptyDir: {}` is present. */
export function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** The volume source key (persistentVolumeClaim, emptyDir, hostPath, …); 'unknown' when none is set. */
export function volumeSourceType(volume: Volume): string {
  for (const key of Object.keys(volume)) {
    if (key !== 'name' && present(volume[key]) && typeof volume[key] === 'object') return key;
  }
  return 'unknown';
}

/** claimName of a persistentVolumeClaim volume; null for every other volume (ephemeral included). */
export function claimNameOf(volume: Volume): string | null {
  return present(volume.persistentVolumeClaim) ? (volume.persistentVolumeClaim?.claimName ?? '') : null;
}

/** PersistentVolume sources as the PV spec names them (velero-rules.md §7 volume types). */
const PV_SOURCE_KEYS = [
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'csi', 'fc', 'flocker', 'flexVolume',
  'gcePersistentDisk', 'glusterfs', 'hostPath', 'iscsi', 'local', 'nfs', 'photonPersistentDisk', 'portworxVolume',
  'quobyte', 'rbd', 'scaleIO', 'storageos', 'vsphereVolume',
] as const;

/** The volume source of a PersistentVolume spec (csi, hostPath, local, nfs, …), or null when none is set. */
export function pvSourceType(spec: Record<string, unknown> | undefined): string | null {
  if (!spec) return null;
  return PV_SOURCE_KEYS.find((key) => present(spec[key])) ?? null;
}
