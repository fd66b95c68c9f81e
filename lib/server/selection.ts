// The backup a query asks for, as the options Velero would run it with: a Schedule's next backup, an existing
// Backup's spec, or a what-if. An unknown schedule or backup is a NotFound naming it.
import type { BackupQuery } from '../api/params';
import type { BackupSelection } from '../api/types';
import type { ClusterSnapshot } from '../model/kube';
import type { Schedule } from '../model/velero';
import { parseResourcePolicy } from '../rules/policy/index';
import { backupOptions, scheduleOptions, whatIfOptions } from '../velero/backup-options/builders';
import type { OptionsContext } from '../velero/backup-options/effective';
import type { EffectiveOptions } from '../velero/backup-options/types';

export class UnknownBackup extends Error {
  constructor(readonly parameter: 'schedule' | 'backup', readonly objectName: string) {
    super(`${parameter === 'schedule' ? 'Schedule' : 'Backup'} ${JSON.stringify(objectName)} was not found in the Velero namespace.`);
  }
}

// The namespaces known only from pods, per (pods array, namespaces array): one walk of the pods per new pods array,
// shared by every request on that snapshot.
const podOnlyByPods = new WeakMap<object, WeakMap<object, { names: string[]; key: string }>>();

function podOnlyNamespaces(snapshot: ClusterSnapshot): { names: string[]; key: string } {
  let byNamespaces = podOnlyByPods.get(snapshot.pods);
  if (!byNamespaces) podOnlyByPods.set(snapshot.pods, (byNamespaces = new WeakMap()));
  let extra = byNamespaces.get(snapshot.namespaces);
  if (!extra) {
    const listed = new Set(snapshot.namespaces.map((n) => n.metadata?.name ?? ''));
    const names = [...new Set(snapshot.pods.map((p) => p.metadata?.namespace ?? ''))].filter((name) => name && !listed.has(name)).sort();
    extra = { names, key: names.join(',') };
    byNamespaces.set(snapshot.namespaces, extra);
  }
  return extra;
}

/**
 * Namespaces as Velero would list them. Namespaces known only from their pods (the namespace list was forbidden)
 * are added: a real cluster holds no pod without its Namespace (velero-rules.md §11), so they exist.
 */
function knownNamespaces(snapshot: ClusterSnapshot): ClusterSnapshot['namespaces'] {
  const extra = podOnlyNamespaces(snapshot).names;
  return extra.length === 0 ? snapshot.namespaces : [...snapshot.namespaces, ...extra.map((name) => ({ metadata: { name } }))];
}

export function optionsContext(snapshot: ClusterSnapshot): OptionsContext {
  return {
    velero: snapshot.velero,
    namespaces: knownNamespaces(snapshot),
    veleroNamespace: snapshot.veleroNamespace,
    incomplete: snapshot.incomplete,
    parsePolicy: parseResourcePolicy,
  };
}

// Options depend on Velero's objects and the namespaces only: pod and claim changes keep both arrays (see
// LiveSnapshot.snapshot), so the selection is resolved once per (namespaces, Velero objects, query). When the
// namespace list could not be read, the namespaces known from pods count too (knownNamespaces): they are part of
// the key then, computed once per pods array, so a pod in a new namespace is seen and churn inside known ones
// keeps the cache.
const NO_VELERO = {};
const resolved = new WeakMap<object, WeakMap<object, Map<string, BackupSelection>>>();

export function resolveSelection(snapshot: ClusterSnapshot, query: BackupQuery): BackupSelection {
  let byVelero = resolved.get(snapshot.namespaces);
  if (!byVelero) resolved.set(snapshot.namespaces, (byVelero = new WeakMap()));
  const veleroKey = snapshot.velero ?? NO_VELERO;
  let byQuery = byVelero.get(veleroKey);
  if (!byQuery) byVelero.set(veleroKey, (byQuery = new Map()));
  const podOnly = snapshot.incomplete.some((r) => r.resource === 'namespaces') ? podOnlyNamespaces(snapshot).key : '';
  const key = `${snapshot.veleroNamespace}\n${snapshot.incomplete.length}\n${podOnly}\n${JSON.stringify(query)}`;
  let selection = byQuery.get(key);
  if (!selection) {
    selection = resolveUncached(snapshot, query);
    if (byQuery.size > 64) byQuery.clear();
    byQuery.set(key, selection);
  }
  return selection;
}

function resolveUncached(snapshot: ClusterSnapshot, query: BackupQuery): BackupSelection {
  const ctx = optionsContext(snapshot);
  switch (query.kind) {
    case 'schedule': {
      const schedule = snapshot.velero?.schedules?.find((s) => s.metadata?.name === query.name);
      if (!schedule) throw new UnknownBackup('schedule', query.name);
      return { ref: { kind: 'schedule', name: query.name }, label: `Schedule ${query.name}`, effective: scheduleOptions(schedule, ctx) };
    }
    case 'backup': {
      const backup = snapshot.velero?.backups?.find((b) => b.metadata?.name === query.name);
      if (!backup) throw new UnknownBackup('backup', query.name);
      return { ref: { kind: 'backup', name: query.name }, label: `Backup ${query.name}`, effective: backupOptions(backup, ctx) };
    }
    case 'whatIf':
      return { ref: { kind: 'whatIf' }, label: 'What-if', effective: whatIfOptions(query.whatIf, ctx) };
  }
}

export interface ScheduleSelection {
  schedule: Schedule;
  name: string;
  /** Its next backup's options, resolved once per snapshot (resolveSelection's cache). */
  effective: EffectiveOptions;
  /** Its backups run: not paused, and schedules are not disabled on the server. */
  runs: boolean;
}

/** Every Schedule of the snapshot, in the list's order, with its options: one place for every route that walks them. */
export function scheduleSelections(snapshot: ClusterSnapshot): ScheduleSelection[] {
  return (snapshot.velero?.schedules ?? []).map((schedule) => {
    const name = schedule.metadata?.name ?? '';
    const { effective } = resolveSelection(snapshot, { kind: 'schedule', name });
    return { schedule, name, effective, runs: schedule.spec?.paused !== true && !effective.server.schedulesDisabled.value };
  });
}

/** The Schedule a page opens on when its URL names no backup: the first enabled, valid one by name; else null. */
export function defaultScheduleName(snapshot: ClusterSnapshot): string | null {
  const schedules = scheduleSelections(snapshot).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const { schedule, name, effective } of schedules) {
    if (schedule.spec?.paused === true || schedule.status?.phase === 'FailedValidation') continue;
    if (effective.validationErrors.length === 0) return name || null;
  }
  return null;
}
