// Predicted vs. actual (velero-objects.md d.5): the newest finished Backup of a Schedule, its PodVolumeBackups
// joined to the verdicts by (pod namespace, pod name, volume), DataUploads by claim uid, snapshot totals. Pure.
import type { PvcPodIndex } from '../index/pvc-pod-index';
import type { Pod } from '../model/kube';
import type { DataUpload } from '../model/storage';
import type { Backup, PodVolumeBackup } from '../model/velero';
import type { ClaimProtection } from '../rules/protection/types';
import type { VolumeVerdict } from '../rules/types';
import { groupBy } from '../util/group-by';
import { LAST_BACKUP_OUTCOMES, type LastBackupOutcome, type LastBackupSummary, type LikelyCause, type VolumeLastBackup } from './last-backup-types';

export const FINISHED_PHASES: ReadonlySet<string> = new Set(['Completed', 'PartiallyFailed', 'Failed']);
const FINAL_PVB_PHASES: ReadonlySet<string> = new Set(['Completed', 'Failed', 'Canceled']);
const startOf = (b: Backup) => b.status?.startTimestamp ?? b.metadata?.creationTimestamp ?? '';
const descending = (x: string, y: string) => (x < y ? 1 : x > y ? -1 : 0);

/**
 * Newest first: by startTimestamp (fallback creationTimestamp); equal seconds by creationTimestamp, then by name
 * (a Schedule's backups are named <schedule>-<yyyyMMddHHmmss>), so the order never depends on the list's order.
 */
export const newestBackupFirst = (a: Backup, b: Backup): number =>
  descending(startOf(a), startOf(b)) || descending(a.metadata?.creationTimestamp ?? '', b.metadata?.creationTimestamp ?? '') || descending(a.metadata?.name ?? '', b.metadata?.name ?? '');

/** d.5 step 1: newest (newestBackupFirst) among Completed/PartiallyFailed/Failed. */
export function newestFinishedBackup(backups: readonly Backup[], schedule: string): Backup | null {
  const finished = backups.filter((b) => b.metadata?.labels?.['velero.io/schedule-name'] === schedule && FINISHED_PHASES.has(b.status?.phase ?? ''));
  return finished.sort(newestBackupFirst)[0] ?? null;
}

/**
 * Does a velero.io/backup-name label stand for `name`? pkg/label/label.go:GetValidName turns names over 63 characters
 * into their first 57 characters plus 6 hex characters of their sha256; without hashing (pure code) the prefix
 * and the shape are compared. The backup-uid label, when present, is exact and checked first.
 */
export function labelNamesBackup(label: string, name: string): boolean {
  if (name.length <= 63) return label === name;
  return label.length === 63 && label.startsWith(name.slice(0, 57)) && /^[0-9a-f]{6}$/.test(label.slice(57));
}

/** d.5 step 2: by backup uid (exact), else by the (label-safe) backup name. */
export function ofBackup<T extends { metadata?: { labels?: Record<string, string> | null } }>(items: readonly T[], backup: Backup): T[] {
  const uid = backup.metadata?.uid;
  const name = backup.metadata?.name ?? '';
  return items.filter((o) => {
    const labels = o.metadata?.labels ?? {};
    return uid && labels['velero.io/backup-uid'] ? labels['velero.io/backup-uid'] === uid : labelNamesBackup(labels['velero.io/backup-name'] ?? '', name);
  });
}

export interface LastBackupInput {
  backup: Backup;
  /** null: the PodVolumeBackups could not be read, so no volume is compared (the page says so). */
  podVolumeBackups: readonly PodVolumeBackup[] | null;
  /** null: the DataUploads could not be read (or the group is not served): the data mover's totals are unknown. */
  dataUploads: readonly DataUpload[] | null;
  verdicts: readonly VolumeVerdict[];
  protections: readonly ClaimProtection[];
  index: PvcPodIndex;
  /** The current option, to spot a changed mode (d.5 step 4, "the inputs changed"). */
  defaultVolumesToFsBackup: boolean;
}

export interface LastBackupResult {
  summary: LastBackupSummary;
  /** "namespace/pod/volume" → what the backup did for that pod volume. */
  byVolume: Map<string, VolumeLastBackup>;
}

const pvbKey = (p: PodVolumeBackup) => `${p.spec?.pod?.namespace ?? ''}/${p.spec?.pod?.name ?? ''}/${p.spec?.volume ?? ''}`;
// The slimmed PodVolumeBackup keeps its start, not its creation time (test fixtures may carry either).
const createdAt = (p: PodVolumeBackup) => p.status?.startTimestamp ?? p.metadata?.creationTimestamp ?? '';
const newer = (a: PodVolumeBackup, b: PodVolumeBackup) => createdAt(a) > createdAt(b);

/**
 * Is this PodVolumeBackup a copy of the volume as it is now? For a claim, of the same claim (`velero.io/pvc-uid`, so a
 * StatefulSet pod recreated on its claim still counts); otherwise, or without that label, of the same pod (`spec.pod.uid`).
 * d.5 step 4.
 * Without the uid on either side there is nothing to tell them apart, and it counts.
 */
function copiesCurrent(pvb: PodVolumeBackup, pod: Pod | undefined, claimUid: string | undefined): boolean {
  const pvcUid = pvb.metadata?.labels?.['velero.io/pvc-uid'];
  if (claimUid !== undefined && pvcUid) return pvcUid === claimUid;
  const podUid = pvb.spec?.pod?.uid;
  return !podUid || !pod?.metadata?.uid || podUid === pod.metadata.uid;
}

export function lastBackupOf(input: LastBackupInput): LastBackupResult {
  const { backup, index } = input;
  const name = backup.metadata?.name ?? '';
  const status = backup.status ?? {};
  const started = status.startTimestamp ?? backup.metadata?.creationTimestamp ?? '';
  const read = input.podVolumeBackups !== null;
  const pvbs = ofBackup(input.podVolumeBackups ?? [], backup);
  const byKey = new Map<string, PodVolumeBackup>();
  for (const p of pvbs) {
    const seen = byKey.get(pvbKey(p));
    if (!seen || newer(p, seen)) byKey.set(pvbKey(p), p); // several PVBs share a key: the newest counts (c.5)
  }
  const byClaimUid = groupBy(pvbs.filter((p) => p.metadata?.labels?.['velero.io/pvc-uid']), (p) => p.metadata?.labels?.['velero.io/pvc-uid'] ?? '');
  const protectionOf = new Map(input.protections.map((c) => [`${c.namespace}/${c.name}`, c] as const));
  const uploads = input.dataUploads ? ofBackup(input.dataUploads, backup) : null;
  // Pods by name, per namespace, made on first use (a linear search per verdict is quadratic in a big namespace).
  const podsByName = new Map<string, Map<string, Pod>>();
  const podOf = (ns: string, pod: string): Pod | undefined => {
    let named = podsByName.get(ns);
    if (!named) podsByName.set(ns, (named = new Map(index.podsIn(ns).map((p) => [p.metadata?.name ?? '', p] as const))));
    return named.get(pod);
  };
  const runtimeCause = (): VolumeLastBackup['cause'] => {
    if (status.phase === 'Failed') return { code: 'backupFailed', text: `the backup Failed${status.failureReason ? `: ${status.failureReason}` : ''}` };
    if ((status.hookStatus?.hooksFailed ?? 0) > 0) return { code: 'hooksFailed', text: `${status.hookStatus?.hooksFailed} hook(s) failed; a pre-hook with onError=Fail skips the pod's volumes` };
    if ((status.errors ?? 0) > 0) return { code: 'backupErrors', text: `the backup logged ${status.errors} error(s): a pod not running, no node-agent, or a repository/PVB creation error at backup time` };
    return undefined;
  };
  const cause = (code: LikelyCause, text: string) => ({ code, text });

  const ranWith = backup.spec?.defaultVolumesToFsBackup;
  const optionsChanged = () => typeof ranWith === 'boolean' && ranWith !== input.defaultVolumesToFsBackup
    ? cause('optionsChanged', `the backup ran with defaultVolumesToFsBackup=${ranWith}; the prediction uses ${input.defaultVolumesToFsBackup}`)
    : undefined;

  const byVolume = new Map<string, VolumeLastBackup>();
  const matched = new Set<PodVolumeBackup>();
  for (const v of read ? input.verdicts : []) {
    const key = `${v.namespace}/${v.pod}/${v.volume}`;
    const keyed = byKey.get(key);
    const pod = podOf(v.namespace, v.pod);
    const claim = v.pvc !== null ? index.claim(v.namespace, v.pvc) : undefined;
    const claimUid = v.pvc !== null ? (claim?.metadata?.uid ?? '') : undefined;
    if (keyed) matched.add(keyed);
    // A PodVolumeBackup of an earlier pod or claim under the same name did not copy the volume as it is now.
    const stale = keyed !== undefined && !copiesCurrent(keyed, pod, claimUid);
    const pvb = stale ? undefined : keyed;
    const entry: VolumeLastBackup = { backup: name, outcome: 'agrees', pvbPhase: pvb?.status?.phase ?? null, message: pvb?.status?.message || null };
    const earlier = () => v.pvc !== null
      ? cause('podRecreated', `the PodVolumeBackup under ${v.pod}/${v.volume} copied an earlier claim ${v.pvc} (uid ${keyed?.metadata?.labels?.['velero.io/pvc-uid']}); the claim was recreated since`)
      : cause('podRecreated', `the PodVolumeBackup under ${v.pod}/${v.volume} belongs to an earlier pod ${v.pod} (uid ${keyed?.spec?.pod?.uid}); the pod was recreated since`);
    if (pvb && !FINAL_PVB_PHASES.has(pvb.status?.phase ?? '')) entry.outcome = 'notFinal';
    else if (v.action === 'fs-backup') {
      if (pvb) entry.outcome = pvb.status?.phase === 'Completed' ? 'completed' : 'failed';
      else {
        entry.outcome = 'missing';
        const created = pod?.metadata?.creationTimestamp ?? '';
        const other = claimUid ? (byClaimUid.get(claimUid) ?? []).find((p) => p.spec?.pod?.name !== v.pod) : undefined;
        if (created && started && created > started) entry.cause = cause('podCreatedAfterBackup', `pod ${v.pod} was created at ${created}, after the backup started at ${started}`);
        else if (stale) entry.cause = earlier();
        else if (other) {
          entry.cause = podOf(v.namespace, other.spec?.pod?.name ?? '')
            ? cause('claimTakenByOtherPod', `claim ${v.pvc} was copied through pod ${other.spec?.pod?.name} (${other.status?.phase ?? 'no phase'}), which is fine`)
            : cause('podRecreated', `claim ${v.pvc} was copied through pod ${other.spec?.pod?.name}, which no longer exists: the pod was replaced`);
        } else entry.cause = optionsChanged() ?? runtimeCause() ?? cause('unexplained', 'nothing in the backup or the cluster explains the missing PodVolumeBackup');
      }
    } else if (keyed) {
      entry.outcome = 'unexpected';
      entry.pvbPhase = keyed.status?.phase ?? null;
      entry.message = keyed.status?.message || null;
      if (stale) entry.cause = earlier();
      else if (v.reason === 'sharedPvcOtherPod') entry.cause = cause('duplicateThroughOtherPod', `pod ${v.evidence.otherPod ?? 'another pod'} takes claim ${v.pvc} first now; the backup copied it through this pod too (the tracker, the processing order or more than one item-block worker)`);
      else entry.cause = optionsChanged() ?? cause('unexplained', 'the inputs (annotations, policy, options) may have changed since the backup ran');
    }
    const protection = v.pvc !== null ? protectionOf.get(`${v.namespace}/${v.pvc}`) : undefined;
    if (protection?.protection === 'csi-snapshot-data-mover' && uploads) {
      const upload = uploads.find((u) => u.metadata?.labels?.['velero.io/pvc-uid'] === protection.uid);
      entry.dataUpload = upload ? { name: upload.metadata?.name ?? '', phase: upload.status?.phase ?? '', message: upload.status?.message || null } : null;
    }
    byVolume.set(key, entry);
  }

  const outcomes = Object.fromEntries(LAST_BACKUP_OUTCOMES.map((o) => [o, 0])) as Record<LastBackupOutcome, number>;
  for (const e of byVolume.values()) outcomes[e.outcome]++;
  const predicted = (kind: ClaimProtection['protection']) => input.protections.filter((c) => c.protection === kind).length;
  return {
    byVolume,
    summary: {
      backup: name,
      phase: status.phase ?? '',
      startTimestamp: status.startTimestamp ?? null,
      completionTimestamp: status.completionTimestamp ?? null,
      errors: status.errors ?? 0,
      warnings: status.warnings ?? 0,
      hooksFailed: status.hookStatus?.hooksFailed ?? 0,
      podVolumeBackupsRead: read,
      outcomes,
      snapshots: {
        csi: { predicted: predicted('csi-snapshot'), attempted: status.csiVolumeSnapshotsAttempted ?? 0, completed: status.csiVolumeSnapshotsCompleted ?? 0 },
        native: { predicted: predicted('native-snapshot'), attempted: status.volumeSnapshotsAttempted ?? 0, completed: status.volumeSnapshotsCompleted ?? 0 },
        dataMover: { predicted: predicted('csi-snapshot-data-mover'), attempted: uploads ? uploads.length : null, completed: uploads ? uploads.filter((u) => u.status?.phase === 'Completed').length : null },
      },
      unmatched: pvbs.filter((p) => !matched.has(p) && byKey.get(pvbKey(p)) === p)
        .map((p) => ({ namespace: p.spec?.pod?.namespace ?? '', pod: p.spec?.pod?.name ?? '', volume: p.spec?.volume ?? '', phase: p.status?.phase ?? '' })),
    },
  };
}
