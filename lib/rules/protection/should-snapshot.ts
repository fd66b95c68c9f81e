// ShouldPerformSnapshot (velero-objects.md c.1, internal/volumehelper/volume_policy_helper.go), computed apart from
// the fs-backup verdicts: policy first, then the annotation rule alone over every pod using the claim, then
// snapshotVolumes. Pure.
import type { PersistentVolume, PersistentVolumeClaim, Pod, Volume } from '../../model/kube';
import { getVolumesToBackup, getVolumesToExclude } from '../../velero/pod-volumes';
import type { PolicyActionType, VolumePolicyMatcher } from '../policy';
import { present } from '../volume-type';

export type SnapshotDecision =
  | { snapshot: true; policyIndex: number | null }
  | { snapshot: false; why: 'policy'; action: PolicyActionType; policyIndex: number }
  | { snapshot: false; why: 'annotation'; pod: string; volume: string }
  | { snapshot: false; why: 'snapshotVolumesDisabled' };

export interface ShouldSnapshotInput {
  claim: PersistentVolumeClaim | null;
  pv: PersistentVolume;
  /** Every pod of the claim's namespace that uses it, any phase (GetPodsUsingPVCWithCache). */
  podsUsingClaim: readonly Pod[];
  claimName: string;
  policy: VolumePolicyMatcher | null;
  defaultVolumesToFsBackup: boolean;
  snapshotVolumes: boolean;
}

/**
 * shouldPerformFSBackupLegacy: opt-in, the volume's name is a token of backup.velero.io/backup-volumes; opt-out, it is
 * not a token of backup.velero.io/backup-volumes-excludes. Tokens split on "," and are not trimmed; no type or
 * default-token* filter (unlike getVolumesByPod).
 */
export function shouldPerformFsBackupLegacy(volume: Volume, pod: Pod, defaultVolumesToFsBackup: boolean): boolean {
  const name = volume.name ?? '';
  return defaultVolumesToFsBackup ? !getVolumesToExclude(pod).includes(name) : getVolumesToBackup(pod).includes(name);
}

/** The first pod volume naming the claim that the annotation rule selects, over every volume of every pod (B1–B7 not applied). */
export function annotationSelector(pods: readonly Pod[], claimName: string, defaultVolumesToFsBackup: boolean): { pod: string; volume: string } | null {
  for (const pod of pods) {
    for (const volume of pod.spec?.volumes ?? []) {
      if (!volume || !present(volume.persistentVolumeClaim) || (volume.persistentVolumeClaim?.claimName ?? '') !== claimName) continue;
      if (shouldPerformFsBackupLegacy(volume, pod, defaultVolumesToFsBackup)) return { pod: pod.metadata?.name ?? '', volume: volume.name ?? '' };
    }
  }
  return null;
}

export function shouldPerformSnapshot(input: ShouldSnapshotInput): SnapshotDecision {
  if (input.policy) {
    const hit = input.policy.match({ stage: 'E2', volume: { name: input.claimName }, claim: input.claim, pv: input.pv });
    if (hit) {
      return hit.action === 'snapshot'
        ? { snapshot: true, policyIndex: hit.index }
        : { snapshot: false, why: 'policy', action: hit.action, policyIndex: hit.index };
    }
  }
  if (input.pv.spec?.claimRef) {
    const selector = annotationSelector(input.podsUsingClaim, input.claimName, input.defaultVolumesToFsBackup);
    if (selector) return { snapshot: false, why: 'annotation', ...selector };
  }
  return input.snapshotVolumes ? { snapshot: true, policyIndex: null } : { snapshot: false, why: 'snapshotVolumesDisabled' };
}
