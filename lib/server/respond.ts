// Route plumbing shared by /api/v1/*: parse the query, get the scan, answer JSON; errors become JSON with
// operator-facing text (400 for a bad parameter, 502/503 for the cluster), never a stack trace.
import type { ApiError } from '../api/types';
import { BadParameter, parseQuery, type ParsedQuery } from '../api/params';
import type { Scan } from '../scan';
import { clusterErrorResponse } from './cluster-error';
import { NotFound } from './queries';
import { UnknownBackup } from './selection';
import { getScanner } from './scanner';

export function errorJson(status: number, error: ApiError['error']): Response {
  return Response.json({ error } satisfies ApiError, { status, headers: { 'cache-control': 'no-store' } });
}

export interface ScanRouteOptions {
  /** Extra query parameters the route knows (e.g. format). */
  allowed?: readonly string[];
  /** Checks the extra parameters before any scan; throws BadParameter. */
  validate?: (params: URLSearchParams) => void;
  /** Another representation of the body (e.g. CSV); null: JSON. */
  render?: (body: unknown, params: URLSearchParams) => Response | null;
}

/** Runs `build` on the current scan with the parsed query. */
export async function withScan(request: Request, build: (scan: Scan, query: ParsedQuery) => unknown, options: ScanRouteOptions = {}): Promise<Response> {
  const params = new URL(request.url).searchParams;
  let query: ParsedQuery;
  try {
    query = parseQuery(params, options.allowed);
    options.validate?.(params);
  } catch (error) {
    if (error instanceof BadParameter) return errorJson(400, { kind: 'badParameter', parameter: error.parameter, message: error.message });
    throw error;
  }
  const scanner = await getScanner();
  if ('error' in scanner) return clusterErrorResponse(scanner.error);
  let scan: Scan;
  try {
    scan = await scanner.scanner.get(query.refresh);
  } catch (error) {
    return clusterErrorResponse(scanner.scanner.describeError(error));
  }
  try {
    const body = build(scan, query);
    return options.render?.(body, params) ?? Response.json(body, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (error instanceof BadParameter) return errorJson(400, { kind: 'badParameter', parameter: error.parameter, message: error.message });
    if (error instanceof NotFound) return errorJson(404, { kind: 'notFound', message: error.message });
    if (error instanceof UnknownBackup) return errorJson(404, { kind: 'notFound', parameter: error.parameter, message: error.message });
    throw error;
  }
}
