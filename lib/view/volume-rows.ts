// The namespace page's Volumes table as data: filters from the URL, text matching, natural order.
import type { Action, ReasonCode, VolumeVerdict } from '../rules/types';
import { naturalCompare } from './words';

export type VolumeSort = 'pod' | 'volume' | 'type' | 'pvc' | 'action' | 'reason';
export const VOLUME_SORTS: readonly VolumeSort[] = ['pod', 'volume', 'type', 'pvc', 'action', 'reason'];

export interface VolumeFilters {
  /** Text matched against pod, volume, claim and reason (case-insensitive). */
  q: string;
  verdict: Action | '';
  reason: ReasonCode | '';
  sort: VolumeSort | '';
  desc: boolean;
}

/** The URL parameters the filters are read from. */
export const VOLUME_FILTER_PARAMS = ['q', 'verdict', 'reason', 'sort', 'desc'] as const;

/** A key that changes exactly when the filters read from `params` can change. */
export const volumeFiltersKey = (params: Pick<URLSearchParams, 'get'>): string => VOLUME_FILTER_PARAMS.map((k) => params.get(k) ?? '').join('\u0000');

export function volumeFiltersFrom(params: URLSearchParams): VolumeFilters {
  const verdict = params.get('verdict');
  const sort = params.get('sort') as VolumeSort | null;
  return {
    q: params.get('q') ?? '',
    verdict: verdict === 'fs-backup' || verdict === 'skip' ? verdict : '',
    reason: (params.get('reason') ?? '') as ReasonCode | '',
    sort: sort && VOLUME_SORTS.includes(sort) ? sort : '',
    desc: params.get('desc') === 'true',
  };
}

export function filterVolumes(volumes: readonly VolumeVerdict[], filters: Pick<VolumeFilters, 'q' | 'verdict' | 'reason'>): VolumeVerdict[] {
  const needle = filters.q.trim().toLowerCase();
  return volumes.filter((v) =>
    (!filters.verdict || v.action === filters.verdict)
    && (!filters.reason || v.reason === filters.reason)
    && (!needle || v.pod.toLowerCase().includes(needle) || v.volume.toLowerCase().includes(needle) || (v.pvc ?? '').toLowerCase().includes(needle) || v.reason.toLowerCase().includes(needle)));
}

/** Natural order by the chosen column (then pod, then spec order); by pod when none is chosen. */
export function sortVolumes(volumes: readonly VolumeVerdict[], filters: Pick<VolumeFilters, 'sort' | 'desc'>): VolumeVerdict[] {
  const key = filters.sort || 'pod';
  const sign = filters.desc ? -1 : 1;
  return volumes
    .map((v, i) => ({ v, i }))
    .sort((a, b) => sign * (naturalCompare(a.v[key] ?? '', b.v[key] ?? '') || naturalCompare(a.v.pod, b.v.pod)) || a.i - b.i)
    .map((x) => x.v);
}
