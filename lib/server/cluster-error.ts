// A cluster problem as an HTTP answer: 503 when the cluster cannot be reached or is not configured, 502 when
// it answered but refused or failed.
import type { ApiError } from '../api/types';

const UNAVAILABLE = new Set(['noKubeconfig', 'unreachable', 'timeout', 'tls', 'config']);

export function clusterErrorStatus(error: ApiError['error']): number {
  return UNAVAILABLE.has(error.kind) ? 503 : 502;
}

export function clusterErrorResponse(error: ApiError['error']): Response {
  return Response.json({ error } satisfies ApiError, { status: clusterErrorStatus(error), headers: { 'cache-control': 'no-store' } });
}
