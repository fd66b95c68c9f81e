// ShouldPerformSnapshot (velero-objects.md c.1, internal/volumehelper/volume_policy_helper.go), computed apart from
// the fs-backup verdicts: policy first, then the annotation rule alone over every pod using the claim, then
// snapshotVolumes. Pure.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../../model/kube';
import { getVolumesByPod } from '../../velero/pod-volumes';
import type { PolicyActionType, VolumePolicyMatcher } from '../policy';

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

/** The first pod whose annotation rule (B11/B12 without B1–B7) selects the claim's first volume naming it. */
export function annotationSelector(pods: readonly Pod[], claimName: string, defaultVolumesToFsBackup: boolean): { pod: string; volume: string } | null {
  for (const pod of pods) {
    const { included } = getVolumesByPod(pod, defaultVolumesToFsBackup, false, []);
    if (included.length === 0) continue;
    const volume = (pod.spec?.volumes ?? []).find((v) => v?.persistentVolumeClaim && (v.persistentVolumeClaim.claimName ?? '') === claimName);
    if (volume && included.includes(volume.name ?? '')) return { pod: pod.metadata?.name ?? '', volume: volume.name ?? '' };
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
