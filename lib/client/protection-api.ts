// Browser-side access to the claims side of /api/v1 (claims, coverage, volumes with lastBackup) and CSV links.
import type { ApiError, ClaimsResponse, CoverageResponse, VolumesResponse } from '../api/types';
import { ApiFailure, optionParams } from './api';
import type { Selection } from './view-state';

async function getJson<T>(path: string, params: URLSearchParams): Promise<T> {
  const response = await fetch(`${path}?${params}`, { cache: 'no-store' });
  const body = (await response.json()) as T | ApiError;
  if (!response.ok) throw new ApiFailure(response.status, (body as ApiError).error);
  return body as T;
}

export const protectionKeys = {
  claims: (selection: Selection, namespace: string | null = null) => ['claims', selection, namespace] as const,
  coverage: () => ['coverage'] as const,
  volumesOf: (selection: Selection, namespace: string) => ['volumes', selection, namespace] as const,
};

function withNamespace(selection: Selection, namespace: string | null): URLSearchParams {
  const params = optionParams(selection);
  if (namespace) params.set('namespace', namespace);
  return params;
}

export const fetchClaims = (selection: Selection, namespace: string | null = null) => getJson<ClaimsResponse>('/api/v1/claims', withNamespace(selection, namespace));
export const fetchCoverage = () => getJson<CoverageResponse>('/api/v1/coverage', new URLSearchParams());
export const fetchVolumesOf = (selection: Selection, namespace: string) => getJson<VolumesResponse>('/api/v1/volumes', withNamespace(selection, namespace));

/** The CSV export of the same answer: a download link. */
export function csvHref(kind: 'claims' | 'volumes', selection: Selection, namespace: string | null = null): string {
  const params = withNamespace(selection, namespace);
  params.set('format', 'csv');
  return `/api/v1/${kind}?${params}`;
}
