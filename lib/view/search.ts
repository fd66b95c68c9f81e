// Cluster-wide search by name, case-insensitive: namespaces, pods, claims and pod volumes, with the total
// number of matches so a page can say "12 of 480" and offer the rest.
import type { Action, ReasonCode, VolumeVerdict } from '../rules/types';
import { naturalCompare } from './words';

export interface SearchCorpus {
  namespaces: readonly string[];
  pods: ReadonlyArray<{ namespace: string; name: string }>;
  claims: ReadonlyArray<{ namespace: string; name: string }>;
  volumes: readonly VolumeVerdict[];
}

export type SearchHit =
  | { kind: 'namespace'; namespace: string }
  | { kind: 'pod'; namespace: string; pod: string }
  | { kind: 'claim'; namespace: string; claim: string; pod: string | null; volume: string | null }
  | { kind: 'volume'; namespace: string; pod: string; volume: string; pvc: string | null; action: Action; reason: ReasonCode };

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** Matches in all, of which `hits` holds the first `limit`. */
  total: number;
  counts: Record<SearchHit['kind'], number>;
}

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 1000;

/** Exact name matches first, then names that start with the term, then the rest; natural order within. */
function ranked<T>(items: readonly T[], name: (item: T) => string, needle: string): T[] {
  const rank = (text: string) => (text === needle ? 0 : text.startsWith(needle) ? 1 : 2);
  return items
    .map((item) => ({ item, text: name(item).toLowerCase() }))
    .filter((x) => x.text.includes(needle))
    .sort((a, b) => rank(a.text) - rank(b.text) || naturalCompare(a.text, b.text))
    .map((x) => x.item);
}

export function search(corpus: SearchCorpus, query: string, limit = DEFAULT_SEARCH_LIMIT): SearchResult {
  const needle = query.trim().toLowerCase();
  const counts = { namespace: 0, pod: 0, claim: 0, volume: 0 };
  if (!needle) return { query, hits: [], total: 0, counts };
  const firstUser = new Map<string, VolumeVerdict>();
  for (const v of corpus.volumes) if (v.pvc !== null && !firstUser.has(`${v.namespace}/${v.pvc}`)) firstUser.set(`${v.namespace}/${v.pvc}`, v);
  const groups: SearchHit[][] = [
    ranked(corpus.namespaces, (n) => n, needle).map((namespace) => ({ kind: 'namespace', namespace })),
    ranked(corpus.pods, (p) => p.name, needle).map((p) => ({ kind: 'pod', namespace: p.namespace, pod: p.name })),
    ranked(corpus.claims, (c) => c.name, needle).map((c) => {
      const user = firstUser.get(`${c.namespace}/${c.name}`);
      return { kind: 'claim', namespace: c.namespace, claim: c.name, pod: user?.pod ?? null, volume: user?.volume ?? null };
    }),
    ranked(corpus.volumes, (v) => `${v.pod}/${v.volume}/${v.pvc ?? ''}`, needle).map((v) => ({ kind: 'volume', namespace: v.namespace, pod: v.pod, volume: v.volume, pvc: v.pvc, action: v.action, reason: v.reason })),
  ];
  for (const group of groups) for (const hit of group) counts[hit.kind]++;
  const all = groups.flat();
  return { query, hits: all.slice(0, Math.max(0, limit)), total: all.length, counts };
}
