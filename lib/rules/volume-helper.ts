// Stage B: Velero's volume helper (internal/volumehelper ShouldPerformFSBackup), one pod volume at a time.
// Order: type checks B1–B7, then the volume policy B8–B10 (only when one is set), then the annotation B11/B12.
import type { Pod, PersistentVolumeClaim, PersistentVolume, Volume } from '../model/kube';
import { VOLUMES_TO_BACKUP_ANNOTATION, VOLUMES_TO_EXCLUDE_ANNOTATION, getVolumesToBackup, getVolumesToExclude } from '../velero/pod-volumes';
import type { PolicyActionType, PolicyMatch, VolumePolicyMatcher } from './policy';
import type { AnnotationEvidence, BackupOptions, CheckId, Evidence, ReasonCode } from './types';
import { present, volumeSourceType } from './volume-type';

/** A decided check: its reason code, the check id, and what decided it. */
export interface Decision {
  reason: ReasonCode;
  check: CheckId;
  evidence: Evidence;
}

export interface ClaimLookup {
  claim(namespace: string, name: string): PersistentVolumeClaim | undefined;
  pv(name: string): PersistentVolume | undefined;
  /** Claims of this namespace were read; when not, a claim that is not found is unknown, not missing. Default: true. */
  claimsKnown?(namespace: string): boolean;
}

const TYPE_CHECKS: ReadonlyArray<{ key: keyof Volume; reason: ReasonCode; check: CheckId }> = [
  { key: 'hostPath', reason: 'hostPath', check: 'B1' },
  { key: 'secret', reason: 'secret', check: 'B2' },
  { key: 'configMap', reason: 'configMap', check: 'B3' },
  { key: 'projected', reason: 'projected', check: 'B4' },
  { key: 'downwardAPI', reason: 'downwardAPI', check: 'B5' },
];

const POLICY_REASONS: { readonly [action in PolicyActionType]: ReasonCode } = {
  'fs-backup': 'policyFsBackup',
  skip: 'policySkip',
  snapshot: 'policySnapshot',
  custom: 'policyCustom',
};

/** evidence.policy: the 1-based index, the action and (when the matcher gives it) the conditions' summary. */
export function policyEvidence(match: PolicyMatch): NonNullable<Evidence['policy']> {
  return { index: match.index, action: match.action, ...(match.conditions ? { conditions: match.conditions } : {}), ...(match.data ? { data: match.data } : {}) };
}

/** The annotation read in this mode, split exactly as Velero splits it. */
export function annotationEvidence(pod: Pod, volumeName: string, defaultVolumesToFsBackup: boolean): AnnotationEvidence {
  const name = defaultVolumesToFsBackup ? VOLUMES_TO_EXCLUDE_ANNOTATION : VOLUMES_TO_BACKUP_ANNOTATION;
  const raw = pod.metadata?.annotations?.[name];
  const tokens = defaultVolumesToFsBackup ? getVolumesToExclude(pod) : getVolumesToBackup(pod);
  return { name, value: raw ?? null, tokens, matchedToken: tokens.includes(volumeName) ? volumeName : null };
}

/** Why a claim's PV cannot be resolved (kube.GetPVForPVC), or null when it can. */
export function unresolvedPvReason(claim: PersistentVolumeClaim, lookup: ClaimLookup): string | null {
  const volumeName = claim.spec?.volumeName ?? '';
  if (volumeName === '') return 'the claim is not bound to a volume';
  if (claim.status?.phase !== 'Bound') return `the claim's phase is ${claim.status?.phase ?? 'not set'}, not Bound`;
  if (!lookup.pv(volumeName)) return `PersistentVolume ${volumeName} does not exist`;
  return null;
}

function policyStage(pod: Pod, volume: Volume, policy: VolumePolicyMatcher, lookup: ClaimLookup): Decision | null {
  const namespace = pod.metadata?.namespace ?? '';
  let claim: PersistentVolumeClaim | null = null;
  let pv: PersistentVolume | null = null;
  let pvMissing: string | null = null;
  if (present(volume.persistentVolumeClaim)) {
    const claimName = volume.persistentVolumeClaim?.claimName ?? '';
    claim = lookup.claim(namespace, claimName) ?? null;
    if (!claim && (lookup.claimsKnown?.(namespace) ?? true)) return { reason: 'pvcMissing', check: 'B8', evidence: { claim: claimName } };
    // Claims unreadable here (403): match the pod volume's own data, as for an unresolvable claim (stated as an assumption).
    if (claim) pvMissing = unresolvedPvReason(claim, lookup);
    if (claim && !pvMissing) pv = lookup.pv(claim.spec?.volumeName ?? '') ?? null;
  }
  const match = policy.match({ stage: 'B9', volume, claim, pv });
  if (match) {
    return { reason: POLICY_REASONS[match.action], check: 'B9', evidence: { policy: policyEvidence(match), claim: claim?.metadata?.name } };
  }
  if (pvMissing) return { reason: 'pvUnavailable', check: 'B10', evidence: { claim: claim?.metadata?.name, why: pvMissing } };
  return null;
}

/** Velero's ShouldPerformFSBackup for one volume: an admitting decision (fs-backup) or the skip that stops it. */
export function decideVolumeHelper(
  pod: Pod,
  volume: Volume,
  options: BackupOptions,
  lookup: ClaimLookup,
  policy: VolumePolicyMatcher | null,
): Decision {
  for (const { key, reason, check } of TYPE_CHECKS) {
    if (present(volume[key])) return { reason, check, evidence: { volumeType: volumeSourceType(volume) } };
  }
  if (present(volume.persistentVolumeClaim) && options.backupExcludePVC) {
    return { reason: 'pvcExcluded', check: 'B6', evidence: { claim: volume.persistentVolumeClaim?.claimName ?? '' } };
  }
  const name = volume.name ?? '';
  if (name.startsWith('default-token')) return { reason: 'defaultToken', check: 'B7', evidence: { volumeType: volumeSourceType(volume) } };

  if (policy) {
    const decided = policyStage(pod, volume, policy, lookup);
    if (decided) return decided;
  }

  const annotation = annotationEvidence(pod, name, options.defaultVolumesToFsBackup);
  if (!options.defaultVolumesToFsBackup) {
    return annotation.matchedToken !== null
      ? { reason: 'optedIn', check: 'B11', evidence: { annotation } }
      : { reason: 'notOptedIn', check: 'B11', evidence: { annotation } };
  }
  return annotation.matchedToken !== null
    ? { reason: 'optedOut', check: 'B12', evidence: { annotation } }
    : { reason: 'defaultFsBackup', check: 'B12', evidence: { annotation } };
}
