// One snapshot of the cluster: cluster-wide paginated lists of namespaces, pods, PVCs and PVs, and Velero's
// objects (velero-read.ts), all in parallel. A forbidden cluster-wide list of pods or PVCs falls back to one list
// per visible namespace; whatever cannot be read is recorded in `incomplete`. Anything else fatal (unreachable,
// 401, TLS) rejects.
import type { ClusterSnapshot, IncompleteRead, Namespace, PersistentVolume } from '../model/kube';
import { ApiStatusError } from './errors';
import { listAll, type ListOptions } from './list-all';
import { slimNamespace, slimPod, slimPv, slimPvc } from './slim';
import type { Transport } from './transport';
import { readStorage, type StorageRead } from './storage-read';
import { discoverGroups, readVelero, type VeleroRead } from './velero-read';

export interface SnapshotOptions extends Pick<ListOptions, 'signal' | 'limit' | 'backoffMs'> {
  veleroNamespace?: string;
  /** The kubeconfig context's namespace: read when namespaces cannot be listed. */
  contextNamespace?: string | null;
  /** Namespaces to read one by one when nothing else names them (env BACKUP_LENS_NAMESPACES). */
  namespacesHint?: string[];
  /** Parallel per-namespace lists in the fallback. */
  concurrency?: number;
  /** Progress of each cluster-wide list (see ListOptions.onProgress). */
  onListProgress?: (resource: string, read: number, remaining: number | null) => void;
}

export interface SnapshotWithMeta extends ClusterSnapshot {
  /** resourceVersion of each cluster-wide list, for watches; absent when the list was per namespace. */
  resourceVersions: Partial<Record<'namespaces' | 'pods' | 'persistentvolumeclaims' | 'persistentvolumes', string>>;
  /** resourceVersion of each Velero list that was read (keys are VeleroObjects fields), for watches. */
  veleroResourceVersions: VeleroRead['resourceVersions'];
  /** resourceVersion of StorageClasses and VolumeSnapshotClasses when read, for watches. */
  storageResourceVersions: StorageRead['resourceVersions'];
  requests: number;
  durationMs: number;
}

type Resource = 'pods' | 'persistentvolumeclaims';

const forbidden = (error: unknown): error is ApiStatusError => error instanceof ApiStatusError && (error.status === 403 || error.status === 404);

function incompleteFrom(resource: IncompleteRead['resource'], namespace: string | null, error: ApiStatusError): IncompleteRead {
  return { resource, namespace, status: error.status, message: error.statusMessage || `GET ${error.path} answered ${error.status}` };
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Per-namespace lists after a forbidden cluster-wide list; returns items and what could not be read. */
async function perNamespace<T>(transport: Transport, resource: Resource, namespaces: string[], slim: (raw: unknown) => T, options: SnapshotOptions) {
  const items: T[] = [];
  const incomplete: IncompleteRead[] = [];
  await mapLimit(namespaces, options.concurrency ?? 6, async (ns) => {
    try {
      const result = await listAll(transport, `/api/v1/namespaces/${encodeURIComponent(ns)}/${resource}`, slim, options);
      items.push(...result.items);
    } catch (error) {
      if (error instanceof ApiStatusError) incomplete.push(incompleteFrom(resource, ns, error));
      else throw error;
    }
  });
  return { items, incomplete };
}

export async function readSnapshot(transport: Transport, options: SnapshotOptions = {}): Promise<SnapshotWithMeta> {
  const started = Date.now();
  const requestsBefore = transport.requests;
  const incomplete: IncompleteRead[] = [];
  const resourceVersions: SnapshotWithMeta['resourceVersions'] = {};
  const list = <T>(path: string, slim: (raw: unknown) => T) =>
    listAll(transport, path, slim, { ...options, onProgress: options.onListProgress && ((read, remaining) => options.onListProgress?.(path.slice(path.lastIndexOf('/') + 1), read, remaining)) });
  const veleroNamespace = options.veleroNamespace ?? 'velero';
  const groups = discoverGroups(transport, options);
  groups.catch(() => {});
  const veleroRead = readVelero(transport, veleroNamespace, options, groups);
  veleroRead.catch(() => {}); // awaited below; a core failure may reject the scan first
  const storageRead = readStorage(transport, groups, options);
  storageRead.catch(() => {});

  const [namespaces, pods, pvcs, pvs] = await Promise.allSettled([
    list('/api/v1/namespaces', slimNamespace),
    list('/api/v1/pods', slimPod),
    list('/api/v1/persistentvolumeclaims', slimPvc),
    list('/api/v1/persistentvolumes', slimPv),
  ]);
  // Fatal errors first: a 401 or an unreachable server makes the whole scan fail, with its own text.
  for (const result of [namespaces, pods, pvcs, pvs]) {
    if (result.status === 'rejected' && !forbidden(result.reason)) throw result.reason;
  }

  const value = <T>(result: PromiseSettledResult<{ items: T[]; resourceVersion: string }>, resource: keyof SnapshotWithMeta['resourceVersions']): T[] | null => {
    if (result.status === 'fulfilled') {
      resourceVersions[resource] = result.value.resourceVersion;
      return result.value.items;
    }
    return null;
  };
  const namespaceList = value<Namespace>(namespaces, 'namespaces');
  if (namespaces.status === 'rejected') incomplete.push(incompleteFrom('namespaces', null, namespaces.reason as ApiStatusError));
  const pvList = value<PersistentVolume>(pvs, 'persistentvolumes');
  if (pvs.status === 'rejected') incomplete.push(incompleteFrom('persistentvolumes', null, pvs.reason as ApiStatusError));

  const visible = namespaceList?.map((n) => n.metadata?.name ?? '').filter(Boolean)
    ?? (options.contextNamespace ? [options.contextNamespace] : null)
    ?? (options.namespacesHint?.length ? options.namespacesHint : []);
  const fallback = async <T>(result: PromiseSettledResult<{ items: T[]; resourceVersion: string }>, resource: Resource, slim: (raw: unknown) => T): Promise<T[]> => {
    const items = value<T>(result, resource);
    if (items) return items;
    const error = (result as PromiseRejectedResult).reason as ApiStatusError;
    if (visible.length === 0) {
      incomplete.push(incompleteFrom(resource, null, error));
      return [];
    }
    const read = await perNamespace(transport, resource, visible, slim, options);
    incomplete.push(...read.incomplete);
    return read.items;
  };
  const [podList, pvcList] = await Promise.all([fallback(pods, 'pods', slimPod), fallback(pvcs, 'persistentvolumeclaims', slimPvc)]);
  const velero = await veleroRead;
  incomplete.push(...velero.incomplete);
  const storage = await storageRead;
  incomplete.push(...storage.incomplete);

  return {
    namespaces: namespaceList ?? visible.map((name) => ({ metadata: { name } })),
    pods: podList,
    pvcs: pvcList,
    pvs: pvList ?? [],
    veleroNamespace,
    velero: velero.velero,
    storage: storage.storage,
    incomplete: incomplete.sort((a, b) => `${a.resource}/${a.namespace}`.localeCompare(`${b.resource}/${b.namespace}`)),
    resourceVersions,
    veleroResourceVersions: velero.resourceVersions,
    storageResourceVersions: storage.resourceVersions,
    requests: transport.requests - requestsBefore,
    durationMs: Date.now() - started,
  };
}
