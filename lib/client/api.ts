// Browser-side access to /api/v1: URLs, query keys shared with the server prefetch, and typed fetches.
import type { ApiError, GraphResponse, NamespacesResponse, SearchResponse, VolumesResponse } from '../api/types';
import type { BackupOptions } from '../rules/types';

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly error: ApiError['error']) {
    super(error.message);
  }
}

export function optionParams(options: BackupOptions): URLSearchParams {
  return new URLSearchParams({
    defaultVolumesToFsBackup: String(options.defaultVolumesToFsBackup),
    backupExcludePVC: String(options.backupExcludePVC),
  });
}

export const queryKeys = {
  namespaces: (options: BackupOptions) => ['namespaces', options.defaultVolumesToFsBackup, options.backupExcludePVC] as const,
  graph: (namespace: string, options: BackupOptions) => ['graph', namespace, options.defaultVolumesToFsBackup, options.backupExcludePVC] as const,
  volumes: (options: BackupOptions) => ['volumes', options.defaultVolumesToFsBackup, options.backupExcludePVC] as const,
  search: (q: string, limit: number, options: BackupOptions) => ['search', q, limit, options.defaultVolumesToFsBackup, options.backupExcludePVC] as const,
};

async function getJson<T>(path: string, params: URLSearchParams): Promise<T> {
  const response = await fetch(`${path}?${params}`, { cache: 'no-store' });
  const body = (await response.json()) as T | ApiError;
  if (!response.ok) throw new ApiFailure(response.status, (body as ApiError).error);
  return body as T;
}

export const fetchNamespaces = (options: BackupOptions) => getJson<NamespacesResponse>('/api/v1/namespaces', optionParams(options));
export const fetchVolumes = (options: BackupOptions) => getJson<VolumesResponse>('/api/v1/volumes', optionParams(options));
export function fetchGraph(namespace: string, options: BackupOptions): Promise<GraphResponse> {
  const params = optionParams(options);
  params.set('namespace', namespace);
  return getJson<GraphResponse>('/api/v1/graph', params);
}

/** Ask the server to read the cluster again. */
export async function refreshScan(options: BackupOptions): Promise<void> {
  const params = optionParams(options);
  params.set('refresh', '1');
  await getJson<NamespacesResponse>('/api/v1/namespaces', params);
}

/** Poll so the page follows the cluster; the server's snapshot is kept current by watches. */
export const REFETCH_MS = 10_000;

export function fetchSearch(q: string, limit: number, options: BackupOptions): Promise<SearchResponse> {
  const params = optionParams(options);
  params.set('q', q);
  params.set('limit', String(limit));
  return getJson<SearchResponse>('/api/v1/search', params);
}
