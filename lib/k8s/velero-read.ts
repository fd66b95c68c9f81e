// Velero's objects, read beside the core lists: discovery (GET /apis) decides whether velero.io is served while
// the Velero namespace's ConfigMaps, Deployments and DaemonSets are already being listed; the five velero.io
// lists follow discovery only when the group is served. 403/404 on a list → that list null + an IncompleteRead.
import type { IncompleteRead, ReadResource } from '../model/kube';
import type { VeleroObjects } from '../model/velero';
import { ApiStatusError } from './errors';
import { getJson, listAll, type ListOptions, type ListResult } from './list-all';
import {
  slimBackup, slimBackupStorageLocation, slimConfigMap, slimPodVolumeBackup, slimSchedule, slimVolumeSnapshotLocation, slimWorkload,
} from './slim-velero';
import { slimDataUpload } from './slim-storage';
import type { Transport } from './transport';

export const VELERO_GROUP = 'velero.io';

type ListField = Exclude<keyof VeleroObjects, 'installed' | 'discoveryError'>;

export interface VeleroList {
  field: ListField;
  resource: ReadResource;
  /** API group/version prefix: '' core (/api/v1), 'apps' (/apis/apps/v1), 'velero.io' (/apis/velero.io/v1). */
  group: '' | 'apps' | typeof VELERO_GROUP;
  /** Default v1; DataUploads are velero.io/v2alpha1. */
  version?: string;
  slim(raw: unknown): unknown;
}

/** Every list is namespaced to the Velero namespace: ConfigMaps there only, never cluster-wide, never Secrets. */
export const VELERO_LISTS: readonly VeleroList[] = [
  { field: 'schedules', resource: 'schedules', group: VELERO_GROUP, slim: slimSchedule },
  { field: 'backups', resource: 'backups', group: VELERO_GROUP, slim: slimBackup },
  { field: 'backupStorageLocations', resource: 'backupstoragelocations', group: VELERO_GROUP, slim: slimBackupStorageLocation },
  { field: 'volumeSnapshotLocations', resource: 'volumesnapshotlocations', group: VELERO_GROUP, slim: slimVolumeSnapshotLocation },
  { field: 'podVolumeBackups', resource: 'podvolumebackups', group: VELERO_GROUP, slim: slimPodVolumeBackup },
  { field: 'dataUploads', resource: 'datauploads', group: VELERO_GROUP, version: 'v2alpha1', slim: slimDataUpload },
  { field: 'configMaps', resource: 'configmaps', group: '', slim: slimConfigMap },
  { field: 'deployments', resource: 'deployments', group: 'apps', slim: slimWorkload },
  { field: 'daemonSets', resource: 'daemonsets', group: 'apps', slim: slimWorkload },
];

export function veleroListPath(list: VeleroList, namespace: string): string {
  const prefix = list.group === '' ? '/api/v1' : `/apis/${list.group}/${list.version ?? 'v1'}`;
  return `${prefix}/namespaces/${encodeURIComponent(namespace)}/${list.resource}`;
}

export type Discovery = { kind: 'served' } | { kind: 'notServed' } | { kind: 'failed'; status: number | null; message: string };

/** GET /apis once: the served groups and their versions, or why discovery failed (data: the lists are then tried anyway). */
export type GroupDiscovery = { kind: 'ok'; groups: ReadonlyMap<string, readonly string[]> } | { kind: 'failed'; status: number | null; message: string };

export async function discoverGroups(transport: Transport, options: Pick<ListOptions, 'signal' | 'backoffMs'> = {}): Promise<GroupDiscovery> {
  try {
    const list = await getJson<{ groups?: Array<{ name?: string; versions?: Array<{ version?: string }> | null }> | null }>(transport, '/apis', options);
    const groups = new Map((list.groups ?? []).map((g) => [g.name ?? '', (g.versions ?? []).map((v) => v.version ?? '')] as const));
    return { kind: 'ok', groups };
  } catch (error) {
    if (error instanceof ApiStatusError && error.status !== 401) return { kind: 'failed', status: error.status, message: error.statusMessage || `GET /apis answered ${error.status}` };
    if (error instanceof SyntaxError) return { kind: 'failed', status: 200, message: `GET /apis did not answer JSON: ${error.message}` };
    throw error;
  }
}

/** Is `group` served with `version`? null when discovery failed. */
export function serves(discovery: GroupDiscovery, group: string, version: string): boolean | null {
  return discovery.kind === 'ok' ? (discovery.groups.get(group) ?? []).includes(version) : null;
}

/** Is velero.io with v1 served? A failure is data: the lists are then tried anyway. */
export async function discoverVelero(transport: Transport, options: Pick<ListOptions, 'signal' | 'backoffMs'> = {}, groups?: Promise<GroupDiscovery>): Promise<Discovery> {
  const discovery = await (groups ?? discoverGroups(transport, options));
  if (discovery.kind === 'failed') return discovery;
  return serves(discovery, VELERO_GROUP, 'v1') ? { kind: 'served' } : { kind: 'notServed' };
}

export interface VeleroRead {
  velero: VeleroObjects;
  incomplete: IncompleteRead[];
  /** resourceVersion of each list that was read, for watches. */
  resourceVersions: Partial<Record<ListField, string>>;
}

const unreadable = (error: unknown): error is ApiStatusError => error instanceof ApiStatusError && (error.status === 403 || error.status === 404);

export async function readVelero(transport: Transport, namespace: string, options: ListOptions = {}, groups?: Promise<GroupDiscovery>): Promise<VeleroRead> {
  const settle = (list: VeleroList) => listAll(transport, veleroListPath(list, namespace), list.slim, options).then(
    (value): PromiseSettledResult<ListResult<unknown>> => ({ status: 'fulfilled', value }),
    (reason: unknown): PromiseSettledResult<ListResult<unknown>> => ({ status: 'rejected', reason }),
  );
  const others = VELERO_LISTS.filter((l) => l.group !== VELERO_GROUP);
  const ours = VELERO_LISTS.filter((l) => l.group === VELERO_GROUP);
  const otherResults = others.map(settle);
  const groupList = groups ?? discoverGroups(transport, options);
  const discovery = await discoverVelero(transport, options, groupList);
  const groupDiscovery = await groupList;
  // DataUploads only when v2alpha1 is served (older Velero has no data mover); discovery failed: tried anyway.
  const listed = discovery.kind === 'notServed' ? [] : ours.filter((l) => !l.version || serves(groupDiscovery, VELERO_GROUP, l.version) !== false);
  const ourResults = listed.map(settle);
  const settled = await Promise.all([...otherResults, ...ourResults]);
  const read = [...others, ...listed];
  for (const result of settled) if (result.status === 'rejected' && !unreadable(result.reason)) throw result.reason;

  // Without discovery, velero.io counts as not installed when every one of its lists answered 404.
  const ourSettled = settled.slice(others.length);
  const installed = discovery.kind === 'served'
    || (discovery.kind === 'failed' && !ourSettled.every((r) => r.status === 'rejected' && (r.reason as ApiStatusError).status === 404));

  const lists: Partial<Record<ListField, unknown[] | null>> = Object.fromEntries(ours.map((l) => [l.field, []]));
  const incomplete: IncompleteRead[] = [];
  const resourceVersions: VeleroRead['resourceVersions'] = {};
  read.forEach((list, i) => {
    const result = settled[i] as PromiseSettledResult<ListResult<unknown>>;
    if (result.status === 'fulfilled') {
      lists[list.field] = result.value.items;
      resourceVersions[list.field] = result.value.resourceVersion;
    } else if (list.version && (result.reason as ApiStatusError).status === 404) {
      lists[list.field] = []; // a version not served (no data mover before v2alpha1): a state, not an error
    } else if (list.group !== VELERO_GROUP || installed) {
      const error = result.reason as ApiStatusError;
      lists[list.field] = null;
      incomplete.push({ resource: list.resource, namespace, status: error.status, message: error.statusMessage || `GET ${error.path} answered ${error.status}` });
    }
  });
  const velero = { installed, ...lists } as VeleroObjects;
  if (discovery.kind === 'failed') velero.discoveryError = { status: discovery.status, message: discovery.message };
  return { velero, incomplete, resourceVersions };
}
