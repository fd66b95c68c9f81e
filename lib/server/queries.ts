// The bodies of /api/v1/* built from a scan; the routes and the pages' server-side prefetch share them,
// so the browser's query cache holds exactly what the API answers.
import { BadParameter, quote, type QueryInput } from '../api/params';
import type { BackupSummary, GraphResponse, GraphRowsResponse, NamespacesResponse, ScheduleSummary, SchedulesResponse, SearchResponse, VolumesResponse } from '../api/types';
import { newestBackupFirst } from '../view/last-backup';
import type { VolumeVerdict } from '../rules/types';
import type { Scan } from '../scan';
import { namespaceSummaries, totals } from '../view/cluster-view';
import { namespaceDetail } from '../view/namespace-detail';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, search } from '../view/search';
import { scanHeader } from './scan-header';
import { resolveSelection, scheduleSelections } from './selection';
import { countByProtection, emptyProtectionCounts, lastBackupFor, withLastBackup } from './claims';

export class NotFound extends Error {}

export type { QueryInput };

export function volumesBody(scan: Scan, { backup, namespaces }: QueryInput): VolumesResponse {
  const selection = resolveSelection(scan.snapshot, backup);
  const view = scan.view(selection.effective);
  const volumes = namespaces.length === 0 ? view.result.verdicts : namespaces.flatMap((ns) => view.byNamespace.get(ns) ?? []);
  return { ...scanHeader(scan, selection), ...withLastBackup(scan, selection, volumes) };
}

export function namespacesBody(scan: Scan, { backup, namespaces }: QueryInput): NamespacesResponse {
  const selection = resolveSelection(scan.snapshot, backup);
  const view = scan.view(selection.effective);
  // Per namespace from the view's parts: after a watch event only the changed namespaces are counted again.
  const all = namespaceSummaries(view, scan.index, scan.snapshot)
    .map((row) => ({ ...row, protection: countByProtection(view.protectionIn(row.name)) }));
  const rows = namespaces.length === 0 ? all : all.filter((row) => namespaces.includes(row.name));
  const protection = emptyProtectionCounts();
  for (const row of rows) for (const [kind, n] of Object.entries(row.protection) as [keyof typeof protection, number][]) protection[kind] += n;
  return { ...scanHeader(scan, selection), namespaces: rows, totals: { ...totals(rows), protection } };
}

export function graphBody(scan: Scan, { backup, namespaces }: QueryInput): GraphResponse {
  if (namespaces.length !== 1) throw new BadParameter('namespace', 'namespace is required, once: /api/v1/graph?namespace=NS.');
  const namespace = namespaces[0] as string;
  const selection = resolveSelection(scan.snapshot, backup);
  const detail = namespaceDetail(scan, selection.effective, namespace);
  if (!detail) throw new NotFound(`Namespace ${namespace} was not found in the cluster's snapshot.`);
  return { ...scanHeader(scan, selection), ...detail };
}

/** Above this many volumes the graph answer leaves its rows to /api/v1/graph/rows (the answer stays small). */
export const GRAPH_INLINE_MAX_VOLUMES = Number(process.env.BACKUP_LENS_GRAPH_INLINE_VOLUMES ?? 1000);

/** GET /api/v1/graph: the graph, with its rows unless they are many. */
export function graphAnswer(scan: Scan, query: QueryInput): GraphResponse {
  const body = graphBody(scan, query);
  if (body.volumes.length <= GRAPH_INLINE_MAX_VOLUMES) return body;
  return { ...body, volumes: [], pods: [], claims: [], rows: { separate: true, volumes: body.volumes.length, pods: body.pods.length, claims: body.claims.length } };
}

/** GET /api/v1/graph/rows: the rows the graph answer left out. */
export function graphRowsBody(scan: Scan, query: QueryInput): GraphRowsResponse {
  const { nodes: _n, edges: _e, truncated: _t, lint: _l, ...rows } = graphBody(scan, query);
  return rows;
}

const SCHEDULE_LABEL = 'velero.io/schedule-name';

function backupSummaries(scan: Scan): BackupSummary[] {
  return [...(scan.snapshot.velero?.backups ?? [])]
    .sort(newestBackupFirst)
    .map((b) => ({
      name: b.metadata?.name ?? '',
      schedule: b.metadata?.labels?.[SCHEDULE_LABEL] ?? null,
      phase: b.status?.phase ?? '',
      startTimestamp: b.status?.startTimestamp ?? null,
      completionTimestamp: b.status?.completionTimestamp ?? null,
    }));
}

/** A schedule's counts in one pass over its verdicts (the route is polled for every Schedule). */
function verdictCounts(verdicts: readonly VolumeVerdict[]): NonNullable<ScheduleSummary['counts']> {
  const pods = new Set<string>();
  let fsBackup = 0, skip = 0, skippedPvcVolumes = 0;
  for (const v of verdicts) {
    pods.add(`${v.namespace}/${v.pod}`);
    if (v.action === 'fs-backup') fsBackup++;
    else if (v.action === 'skip') {
      skip++;
      if (v.pvc !== null) skippedPvcVolumes++;
    }
  }
  return { pods: pods.size, volumes: verdicts.length, fsBackup, skip, skippedPvcVolumes };
}

/** GET /api/v1/schedules: every Schedule's next backup with its effective options, validation and counts. */
export function schedulesBody(scan: Scan): SchedulesResponse {
  const backups = backupSummaries(scan);
  const schedules = scheduleSelections(scan.snapshot).map(({ schedule, name, effective }): ScheduleSummary => {
    const view = scan.view(effective);
    const last = backups.find((b) => b.schedule === name) ?? null;
    const valid = effective.validationErrors.length === 0 && effective.resourcePolicy.state !== 'unreadable';
    return {
      name,
      paused: schedule.spec?.paused === true,
      phase: schedule.status?.phase ?? '',
      cron: schedule.spec?.schedule ?? '',
      validationErrors: effective.validationErrors,
      failureReason: effective.failureReason ?? null,
      effective: {
        includedNamespaces: effective.includedNamespaces.value,
        excludedNamespaces: effective.excludedNamespaces.value,
        namespacesInScope: effective.namespacesInScope,
        defaultVolumesToFsBackup: effective.defaultVolumesToFsBackup,
        backupExcludePVC: effective.backupExcludePVC,
        snapshotVolumes: effective.snapshotVolumes,
        snapshotMoveData: effective.snapshotMoveData,
        resourcePolicy: effective.resourcePolicy.state === 'none' ? null : effective.resourcePolicy.name,
        resourcePolicyState: effective.resourcePolicy.state,
      },
      lastBackup: last && { name: last.name, phase: last.phase, startTimestamp: last.startTimestamp },
      lastCompared: lastBackupFor(scan, { ref: effective.ref, label: name, effective })?.summary ?? null,
      counts: valid ? verdictCounts(view.result.verdicts) : null,
    };
  });
  const policyConfigMaps = (scan.snapshot.velero?.configMaps ?? [])
    .filter((cm) => Object.keys(cm.data ?? {}).length === 1)
    .map((cm) => cm.metadata?.name ?? '')
    .sort();
  const header = scanHeader(scan, resolveSelection(scan.snapshot, { kind: 'whatIf', whatIf: {} }));
  return { ...header, schedules, backups, policyConfigMaps };
}

export interface SearchInput {
  q: string;
  limit: number;
}

/** Cluster-wide search by name (case-insensitive) under the query's options: see lib/view/search.ts. */
export function searchBody(scan: Scan, { backup }: QueryInput, { q, limit }: SearchInput): SearchResponse {
  const selection = resolveSelection(scan.snapshot, backup);
  const view = scan.view(selection.effective);
  const namespaces = [...new Set([...scan.index.namespaces, ...scan.snapshot.namespaces.map((n) => n.metadata?.name ?? '')])].filter(Boolean);
  const named = (items: ReadonlyArray<{ metadata?: { name?: string; namespace?: string } }>) => items.map((o) => ({ namespace: o.metadata?.namespace ?? '', name: o.metadata?.name ?? '' }));
  const corpus = { namespaces, pods: named(scan.snapshot.pods), claims: named(scan.snapshot.pvcs), volumes: view.result.verdicts };
  return { ...scanHeader(scan, selection), ...search(corpus, q, limit) };
}

/** Parses q (required, ≤ 200 characters) and limit (1–1000) of /api/v1/search. */
export function searchInput(params: URLSearchParams): SearchInput {
  const q = params.get('q') ?? '';
  if (!q.trim()) throw new BadParameter('q', 'q is required: the text to look for in namespace, pod, claim and volume names.');
  if (q.length > 200) throw new BadParameter('q', `q is ${q.length} characters long; give at most 200.`);
  const raw = params.get('limit');
  const limit = raw === null ? DEFAULT_SEARCH_LIMIT : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) throw new BadParameter('limit', `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}, not ${quote(raw ?? '')}.`);
  return { q, limit };
}
