// The claims side of /api/v1: every claim's protection for one backup, the coverage of all Schedules, and what
// the last backup did for each volume. Built from the cached per-backup views; no rescan.
import type { BackupSelection, ClaimsResponse, CoverageResponse, ProtectionCounts, VolumeWithLastBackup } from '../api/types';
import type { QueryInput } from '../api/params';
import { explainProtection } from '../rules/protection/reasons';
import { PROTECTION_KINDS, type ClaimProtection } from '../rules/protection/types';
import type { Backup } from '../model/velero';
import type { Scan } from '../scan';
import type { ClusterView } from '../view/cluster-view';
import { FINISHED_PHASES, lastBackupOf, newestFinishedBackup, type LastBackupResult } from '../view/last-backup';
import { notProtected } from '../view/protection-view';
import { scanHeader } from './scan-header';
import { resolveSelection, scheduleSelections } from './selection';

export const emptyProtectionCounts = (): ProtectionCounts => Object.fromEntries(PROTECTION_KINDS.map((k) => [k, 0])) as ProtectionCounts;

/** "namespace/claim" of every claim that some running Schedule protects (fs-backup, a snapshot or custom). */
export function protectedBySomeSchedule(scan: Scan): Set<string> {
  const out = new Set<string>();
  for (const { effective, runs } of scheduleSelections(scan.snapshot)) {
    if (!runs) continue;
    for (const c of scan.view(effective).protection().claims) if (!notProtected(c)) out.add(`${c.namespace}/${c.name}`);
  }
  return out;
}

const withText = (c: ClaimProtection) => ({ ...c, explanation: explainProtection(c) });

export function claimsBody(scan: Scan, { backup, namespaces }: QueryInput): ClaimsResponse {
  const selection = resolveSelection(scan.snapshot, backup);
  const { claims, assumptions } = scan.view(selection.effective).protection();
  const some = protectedBySomeSchedule(scan);
  const rows = (namespaces.length === 0 ? claims : claims.filter((c) => namespaces.includes(c.namespace)))
    .map((c) => ({ ...withText(c), protectedBySomeSchedule: some.has(`${c.namespace}/${c.name}`) }));
  return {
    ...scanHeader(scan, selection),
    protectionAssumptions: assumptions,
    counts: countByProtection(rows),
    notProtected: rows.filter(notProtected).length,
    notProtectedByAnySchedule: rows.filter((c) => !c.protectedBySomeSchedule).length,
    claims: rows,
  };
}

export function countByProtection(claims: readonly Pick<ClaimProtection, 'protection'>[]): ProtectionCounts {
  const counts = emptyProtectionCounts();
  for (const c of claims) counts[c.protection]++;
  return counts;
}

/** GET /api/v1/coverage: claims × Schedules, each cell a protection. */
export function coverageBody(scan: Scan): CoverageResponse {
  const schedules = scheduleSelections(scan.snapshot).sort((a, b) => (a.name < b.name ? -1 : 1));
  const byClaim = new Map<string, CoverageResponse['claims'][number]>();
  for (const { name, effective, runs: running } of schedules) {
    for (const c of scan.view(effective).protection().claims) {
      const key = `${c.namespace}/${c.name}`;
      const row = byClaim.get(key) ?? { namespace: c.namespace, name: c.name, exists: c.exists, protectedBySomeSchedule: false, cells: {} };
      row.cells[name] = { protection: c.protection, reason: c.reason, explanation: explainProtection(c) };
      if (running && !notProtected(c)) row.protectedBySomeSchedule = true;
      byClaim.set(key, row);
    }
  }
  const header = scanHeader(scan, resolveSelection(scan.snapshot, { kind: 'whatIf', whatIf: {} }));
  return {
    ...header,
    schedules: schedules.map(({ name, runs }) => ({ name, runs })),
    claims: [...byClaim.values()],
  };
}

/** The backup whose results a selection is compared with: a Schedule's newest finished Backup, or the named Backup. */
export function comparedBackup(scan: Scan, selection: BackupSelection) {
  const backups = scan.snapshot.velero?.backups ?? [];
  const { ref } = selection;
  if (ref.kind === 'schedule') return newestFinishedBackup(backups, ref.name);
  if (ref.kind === 'backup') return backups.find((b) => b.metadata?.name === ref.name && FINISHED_PHASES.has(b.status?.phase ?? '')) ?? null;
  return undefined;
}

// lastBackupOf walks every PodVolumeBackup and verdict: once per (scan, view, backup), shared by the volumes and
// schedules routes and /metrics, which ask on every request and scrape.
const lastBackups = new WeakMap<Scan, WeakMap<ClusterView, WeakMap<Backup, LastBackupResult>>>();

export function lastBackupFor(scan: Scan, selection: BackupSelection): LastBackupResult | null | undefined {
  const backup = comparedBackup(scan, selection);
  if (!backup) return backup;
  const view = scan.view(selection.effective);
  let byView = lastBackups.get(scan);
  if (!byView) lastBackups.set(scan, (byView = new WeakMap()));
  let byBackup = byView.get(view);
  if (!byBackup) byView.set(view, (byBackup = new WeakMap()));
  let result = byBackup.get(backup);
  if (!result) {
    result = lastBackupOf({
      backup,
      podVolumeBackups: scan.snapshot.velero?.podVolumeBackups ?? null,
      dataUploads: scan.snapshot.velero?.dataUploads ?? null,
      verdicts: view.result.verdicts,
      protections: view.protection().claims,
      index: scan.index,
      defaultVolumesToFsBackup: view.options.defaultVolumesToFsBackup,
    });
    byBackup.set(backup, result);
  }
  return result;
}

/** Verdicts with `lastBackup` (null: no finished backup to compare with); unchanged for a what-if. */
export function withLastBackup(scan: Scan, selection: BackupSelection, volumes: VolumeWithLastBackup[]): { volumes: VolumeWithLastBackup[]; lastBackup?: ReturnType<typeof summaryOf> } {
  const result = lastBackupFor(scan, selection);
  if (result === undefined) return { volumes };
  return {
    volumes: volumes.map((v) => ({ ...v, lastBackup: result?.byVolume.get(`${v.namespace}/${v.pod}/${v.volume}`) ?? null })),
    lastBackup: summaryOf(result),
  };
}

const summaryOf = (result: LastBackupResult | null) => result?.summary ?? null;
