// The bodies of /api/v1/* built from a scan; the routes and the pages' server-side prefetch share them,
// so the browser's query cache holds exactly what the API answers.
import { BadParameter, type ParsedQuery } from '../api/params';
import type { GraphResponse, NamespacesResponse, SearchResponse, VolumesResponse } from '../api/types';
import type { Scan } from '../scan';
import { namespaceSummaries, totals } from '../view/cluster-view';
import { namespaceDetail } from '../view/namespace-detail';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, search } from '../view/search';
import { scanHeader } from './scan-header';

export class NotFound extends Error {}

export type QueryInput = Pick<ParsedQuery, 'options' | 'namespaces'>;

export function volumesBody(scan: Scan, { options, namespaces }: QueryInput): VolumesResponse {
  const view = scan.view(options);
  const volumes = namespaces.length === 0 ? view.result.verdicts : namespaces.flatMap((ns) => view.byNamespace.get(ns) ?? []);
  return { ...scanHeader(scan, options), volumes };
}

export function namespacesBody(scan: Scan, { options, namespaces }: QueryInput): NamespacesResponse {
  const all = namespaceSummaries(scan.view(options), scan.index, scan.snapshot);
  const rows = namespaces.length === 0 ? all : all.filter((row) => namespaces.includes(row.name));
  return { ...scanHeader(scan, options), namespaces: rows, totals: totals(rows) };
}

export function graphBody(scan: Scan, { options, namespaces }: QueryInput): GraphResponse {
  if (namespaces.length !== 1) throw new BadParameter('namespace', 'namespace is required, once: /api/v1/graph?namespace=NS.');
  const namespace = namespaces[0] as string;
  const detail = namespaceDetail(scan, options, namespace);
  if (!detail) throw new NotFound(`Namespace ${namespace} was not found in the cluster's snapshot.`);
  return { ...scanHeader(scan, options), ...detail };
}

export interface SearchInput {
  q: string;
  limit: number;
}

/** Cluster-wide search by name (case-insensitive) under the query's options: see lib/view/search.ts. */
export function searchBody(scan: Scan, { options }: QueryInput, { q, limit }: SearchInput): SearchResponse {
  const view = scan.view(options);
  const namespaces = [...new Set([...scan.index.namespaces, ...scan.snapshot.namespaces.map((n) => n.metadata?.name ?? '')])].filter(Boolean);
  const named = (items: ReadonlyArray<{ metadata?: { name?: string; namespace?: string } }>) => items.map((o) => ({ namespace: o.metadata?.namespace ?? '', name: o.metadata?.name ?? '' }));
  const corpus = { namespaces, pods: named(scan.snapshot.pods), claims: named(scan.snapshot.pvcs), volumes: view.result.verdicts };
  return { ...scanHeader(scan, options), ...search(corpus, q, limit) };
}

/** Parses q (required, ≤ 200 characters) and limit (1–1000) of /api/v1/search. */
export function searchInput(params: URLSearchParams): SearchInput {
  const q = params.get('q') ?? '';
  if (!q.trim()) throw new BadParameter('q', 'q is required: the text to look for in namespace, pod, claim and volume names.');
  if (q.length > 200) throw new BadParameter('q', `q is ${q.length} characters long; give at most 200.`);
  const raw = params.get('limit');
  const limit = raw === null ? DEFAULT_SEARCH_LIMIT : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) throw new BadParameter('limit', `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}, not "${raw}".`);
  return { q, limit };
}
