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
