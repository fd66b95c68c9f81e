// Browser-side access to /api/v1: URLs, query keys shared with the server prefetch, and typed fetches.
import type { ApiError, GraphResponse, GraphRowsResponse, NamespacesResponse, SchedulesResponse, SearchResponse, VolumesResponse } from '../api/types';
import type { Selection } from './view-state';

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly error: ApiError['error']) {
    super(error.message);
  }
}

export function optionParams(selection: Selection): URLSearchParams {
  return new URLSearchParams(selection);
}

export const queryKeys = {
  namespaces: (selection: Selection) => ['namespaces', selection] as const,
  graph: (namespace: string, selection: Selection) => ['graph', namespace, selection] as const,
  volumes: (selection: Selection) => ['volumes', selection] as const,
  schedules: () => ['schedules'] as const,
  search: (q: string, limit: number, selection: Selection) => ['search', q, limit, selection] as const,
};

/** The last answer per URL with its ETag: polling an unchanged answer is a 304 without a body. */
const lastAnswers = new Map<string, { etag: string; body: unknown }>();
const MAX_KEPT = 20;

async function getJson<T>(path: string, params: URLSearchParams): Promise<T> {
  const url = `${path}?${params}`;
  const kept = lastAnswers.get(url);
  const response = await fetch(url, { cache: 'no-store', headers: kept ? { 'if-none-match': kept.etag } : {} });
  if (response.status === 304 && kept) return kept.body as T;
  const body = (await response.json()) as T | ApiError;
  if (!response.ok) throw new ApiFailure(response.status, (body as ApiError).error);
  const etag = response.headers.get('etag');
  lastAnswers.delete(url);
  if (etag) {
    lastAnswers.set(url, { etag, body });
    while (lastAnswers.size > MAX_KEPT) lastAnswers.delete(lastAnswers.keys().next().value as string);
  }
  return body as T;
}

export const fetchNamespaces = (options: Selection) => getJson<NamespacesResponse>('/api/v1/namespaces', optionParams(options));
export const fetchVolumes = (options: Selection) => getJson<VolumesResponse>('/api/v1/volumes', optionParams(options));
/** The namespace's graph with its rows: a big namespace's rows come in their own request, merged here. */
export async function fetchGraph(namespace: string, options: Selection): Promise<GraphResponse> {
  const params = optionParams(options);
  params.set('namespace', namespace);
  for (let attempt = 0; ; attempt++) {
    const graph = await getJson<GraphResponse>('/api/v1/graph', params);
    if (!graph.rows?.separate) return graph;
    const rows = await getJson<GraphRowsResponse>('/api/v1/graph/rows', params);
    // Both from the same snapshot, or (after a change in between) ask once more.
    if (rows.updatedAt === graph.updatedAt || attempt > 0) return { ...graph, volumes: rows.volumes, pods: rows.pods, claims: rows.claims };
  }
}

export const fetchSchedules = () => getJson<SchedulesResponse>('/api/v1/schedules', new URLSearchParams());

/** Ask the server to read the cluster again. */
export async function refreshScan(options: Selection): Promise<void> {
  const params = optionParams(options);
  params.set('refresh', '1');
  await getJson<NamespacesResponse>('/api/v1/namespaces', params);
}

/** Poll so the page follows the cluster; the server's snapshot is kept current by watches. */
export const REFETCH_MS = 10_000;

export function fetchSearch(q: string, limit: number, options: Selection): Promise<SearchResponse> {
  const params = optionParams(options);
  params.set('q', q);
  params.set('limit', String(limit));
  return getJson<SearchResponse>('/api/v1/search', params);
}
