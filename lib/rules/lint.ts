// Lint findings about annotations and specs (velero-rules.md §10). They explain verdicts; they never change one.
import type { Container, Pod, Volume } from '../model/kube';
import { VOLUMES_TO_BACKUP_ANNOTATION, VOLUMES_TO_EXCLUDE_ANNOTATION } from '../velero/pod-volumes';
import type { PvcPodIndex } from '../index/pvc-pod-index';
import { EXCLUDE_FROM_BACKUP_LABEL } from './processing-order';
import type { BackupOptions, VolumeVerdict } from './types';
import { present } from './volume-type';
import { groupBy } from '../util/group-by';

export type LintId = 'L1' | 'L2' | 'L3' | 'L4' | 'L5' | 'L6' | 'L7' | 'L9' | 'L10' | 'L11';

export interface LintFinding {
  id: LintId;
  severity: 'warning' | 'info';
  namespace: string;
  /** The pod the finding is about; for claim findings, the first pod concerned. */
  pod: string;
  annotation?: string;
  /** The raw annotation value, so the UI can mark the token in it. */
  value?: string;
  token?: string;
  volume?: string;
  claim?: string;
  message: string;
  /** A corrected annotation value, when one can be offered. */
  fix?: string;
}

const ALWAYS_SKIPPED: ReadonlyArray<[keyof Volume, string]> = [
  ['hostPath', 'a hostPath volume'], ['secret', 'a secret volume'], ['configMap', 'a configMap volume'],
  ['projected', 'a projected volume'], ['downwardAPI', 'a downwardAPI volume'],
];

/** Why Velero never copies this volume whatever the annotation says (B1–B7), or null. */
function alwaysSkipped(volume: Volume, options: BackupOptions): string | null {
  for (const [key, what] of ALWAYS_SKIPPED) if (present(volume[key])) return what;
  if ((volume.name ?? '').startsWith('default-token')) return 'named default-token*';
  if (options.backupExcludePVC && present(volume.persistentVolumeClaim)) return 'a claim while the backup excludes PVCs';
  return null;
}

function lintToken(token: string, base: Omit<LintFinding, 'id' | 'severity' | 'message'>, volumes: Volume[]): LintFinding | null {
  const names = volumes.map((v) => v.name ?? '');
  if (names.includes(token)) return null;
  const value = base.value ?? '';
  if (token === '') {
    return { ...base, id: 'L1', severity: 'info', token, message: `The empty entry in "${value}" (from ",," or a trailing comma) matches no volume; it is harmless.` };
  }
  const trimmed = token.trim();
  if (trimmed !== token && names.includes(trimmed)) {
    const fix = value.split(',').map((t) => t.trim()).join(',');
    return { ...base, id: 'L3', severity: 'warning', token, volume: trimmed, fix, message: `'${token}' keeps its whitespace, so Velero will not match volume '${trimmed}'. Use "${fix}".` };
  }
  const claimVolume = volumes.find((v) => v.persistentVolumeClaim?.claimName === token || v.persistentVolumeClaim?.claimName === trimmed);
  if (claimVolume && present(claimVolume.persistentVolumeClaim)) {
    return { ...base, id: 'L2', severity: 'warning', token, claim: token, volume: claimVolume.name, message: `'${token}' is a claim name, not a volume name: use volume name '${claimVolume.name}'.` };
  }
  const caseMatch = names.find((n) => n.toLowerCase() === trimmed.toLowerCase());
  const hint = caseMatch ? ` Names are case-sensitive: did you mean '${caseMatch}'?` : '';
  return { ...base, id: 'L1', severity: 'warning', token, message: `'${token}' names no volume of the pod, so it has no effect.${hint}` };
}

/** L1–L7 for one pod; both annotations are linted whatever the mode. */
export function lintPod(pod: Pod, options: BackupOptions): LintFinding[] {
  const namespace = pod.metadata?.namespace ?? '';
  const podName = pod.metadata?.name ?? '';
  const annotations = pod.metadata?.annotations ?? {};
  const volumes = (pod.spec?.volumes ?? []).filter((v): v is Volume => !!v);
  const findings: LintFinding[] = [];
  const inForce = options.defaultVolumesToFsBackup ? VOLUMES_TO_EXCLUDE_ANNOTATION : VOLUMES_TO_BACKUP_ANNOTATION;

  for (const annotation of [VOLUMES_TO_BACKUP_ANNOTATION, VOLUMES_TO_EXCLUDE_ANNOTATION]) {
    const value = annotations[annotation];
    if (value === undefined || value === '') continue;
    const base = { namespace, pod: podName, annotation, value };
    const tokens = value.split(',');
    const seen = new Set<string>();
    for (const token of tokens) {
      const finding = lintToken(token, base, volumes);
      if (finding) findings.push(finding);
      if (seen.has(token) && token !== '') {
        findings.push({ ...base, id: 'L6', severity: 'info', token, message: `'${token}' is listed more than once; the duplicate is harmless.` });
      }
      seen.add(token);
    }
    if (annotation === VOLUMES_TO_BACKUP_ANNOTATION) {
      for (const volume of volumes) {
        const why = tokens.includes(volume.name ?? '') ? alwaysSkipped(volume, options) : null;
        if (why) findings.push({ ...base, id: 'L5', severity: 'warning', volume: volume.name, message: `Volume '${volume.name}' is ${why}; Velero never copies it, so listing it has no effect.` });
      }
    }
  }

  const backup = annotations[VOLUMES_TO_BACKUP_ANNOTATION];
  const excludes = annotations[VOLUMES_TO_EXCLUDE_ANNOTATION];
  if (backup !== undefined && excludes !== undefined) {
    const mode = options.defaultVolumesToFsBackup ? 'opt-out' : 'opt-in';
    findings.push({ namespace, pod: podName, id: 'L4', severity: 'warning', annotation: inForce, value: annotations[inForce],
      message: `The pod carries both annotations; in ${mode} mode Velero reads only ${inForce} and ignores the other.` });
  }

  findings.push(...lintInitOnlyMounts(pod, volumes, options));
  return findings;
}

/** L7: a selected volume mounted only by init containers or native sidecars is always notMounted. */
function lintInitOnlyMounts(pod: Pod, volumes: Volume[], options: BackupOptions): LintFinding[] {
  const mountedBy = (containers: readonly Container[] | null | undefined, name: string) =>
    (containers ?? []).filter((c) => (c?.volumeMounts ?? []).some((m) => m?.name === name)).map((c) => c?.name ?? '');
  const listed = (pod.metadata?.annotations?.[VOLUMES_TO_BACKUP_ANNOTATION] ?? '').split(',');
  const excluded = (pod.metadata?.annotations?.[VOLUMES_TO_EXCLUDE_ANNOTATION] ?? '').split(',');
  const findings: LintFinding[] = [];
  for (const volume of volumes) {
    const name = volume.name ?? '';
    const selected = options.defaultVolumesToFsBackup ? !excluded.includes(name) : listed.includes(name);
    if (!selected || alwaysSkipped(volume, options)) continue;
    if (mountedBy(pod.spec?.containers, name).length > 0) continue;
    const init = mountedBy(pod.spec?.initContainers, name);
    if (init.length === 0) continue;
    findings.push({ namespace: pod.metadata?.namespace ?? '', pod: pod.metadata?.name ?? '', id: 'L7', severity: 'warning', volume: name,
      message: `Volume '${name}' is mounted only by init container(s) ${init.join(', ')}; Velero copies only volumes that regular containers mount, so it is never copied.` });
  }
  return findings;
}

/** L9–L11: findings that need the verdicts of the whole cluster. */
export function lintVerdicts(verdicts: readonly VolumeVerdict[], index: PvcPodIndex): LintFinding[] {
  const byClaim = groupBy(verdicts.filter((v) => v.pvc !== null), (v) => `${v.namespace}/${v.pvc}`);
  const findings: LintFinding[] = [];
  for (const list of byClaim.values()) {
    const first = list[0] as VolumeVerdict;
    const { namespace, pvc: claim } = first;
    const copies = list.filter((v) => v.action === 'fs-backup');
    const base = { namespace, claim: claim ?? '' };
    const labels = index.claim(namespace, claim ?? '')?.metadata?.labels;
    if (labels?.[EXCLUDE_FROM_BACKUP_LABEL] === 'true' && copies.length > 0) {
      findings.push({ ...base, pod: copies[0]?.pod ?? '', id: 'L9', severity: 'warning',
        message: `Claim ${claim} is labelled velero.io/exclude-from-backup=true, but its files are still copied through pod ${copies.map((v) => v.pod).join(', ')}: the label drops the PVC object, not the pod's files.` });
    }
    if (copies.length >= 2) {
      findings.push({ ...base, pod: copies[0]?.pod ?? '', id: 'L10', severity: 'warning',
        message: `Claim ${claim} is copied ${copies.length} times (through ${copies.map((v) => `${v.pod}/${v.volume}`).join(', ')}): the first pod processed did not select it, so Velero's tracker lets every later pod copy it.` });
    }
    const stranded = list.filter((v) => v.reason === 'podNotRunning');
    if (copies.length === 0 && stranded.length > 0) {
      findings.push({ ...base, pod: stranded[0]?.pod ?? '', id: 'L11', severity: 'warning',
        message: `Claim ${claim} is selected for fs-backup on pod ${stranded.map((v) => v.pod).join(', ')}, which is not running, and no other pod copies it; it also gets no snapshot, so nothing backs up its data.` });
    }
  }
  return findings;
}
