// Route plumbing shared by /api/v1/*: parse the query, get the scan, answer JSON; errors become JSON with
// operator-facing text (400 for a bad parameter, 502/503 for the cluster), never a stack trace.
import { createHash } from 'node:crypto';
import type { ApiError } from '../api/types';
import { BadParameter, parseQuery, type ParsedQuery } from '../api/params';
import { identityKey, type Identity } from '../auth/identity';
import type { Scan } from '../scan';
import { authState, identify } from './auth-state';
import { clusterErrorResponse } from './cluster-error';
import { jsonResponse } from './json-stream';
import { NotFound } from './queries';
import { UnknownBackup } from './selection';
import { getScanner, type ScannerHandle } from './scanner';

export function errorJson(status: number, error: ApiError['error']): Response {
  return Response.json({ error } satisfies ApiError, { status, headers: { 'cache-control': 'no-store' } });
}

/** The caller's identity, or the 401 (or 500 for a bad setting) to answer instead. */
export function identityOr401(request: Request): { identity: Identity } | { response: Response } {
  const who = identify(request.headers);
  if ('error' in who) return { response: errorJson(500, { kind: 'config', message: who.error }) };
  if ('refusal' in who) return { response: errorJson(401, { kind: 'unauthenticated', message: who.refusal.message }) };
  return who;
}

/** The caller's scanner, or the answer to give instead (401 without an identity, 502/503 for the cluster). */
export async function scannerFor(request: Request): Promise<{ scanner: ScannerHandle } | { response: Response }> {
  const who = identityOr401(request);
  if ('response' in who) return who;
  const held = await getScanner(who.identity);
  return 'error' in held ? { response: clusterErrorResponse(held.error) } : held;
}

/** 429 when this identity asked for a refresh less than the interval ago (a rescan of a big cluster is expensive). */
function refreshRefused(identity: Identity): Response | null {
  const held = authState();
  if (!('state' in held)) return null;
  const taken = held.state.refreshLimiter.take(identityKey(identity));
  if (taken.ok) return null;
  return Response.json(
    { error: { kind: 'rateLimited', message: `A refresh was asked for less than ${held.state.settings.refreshIntervalMs / 1000} s ago; try again in ${taken.retryAfterSeconds} s.` } } satisfies ApiError,
    { status: 429, headers: { 'cache-control': 'no-store', 'retry-after': String(taken.retryAfterSeconds) } },
  );
}

export interface ScanRouteOptions {
  /** Extra query parameters the route knows (e.g. format). */
  allowed?: readonly string[];
  /** Checks the extra parameters before any scan; throws BadParameter. */
  validate?: (params: URLSearchParams) => void;
  /** Another representation of the body (e.g. CSV); null: JSON. */
  render?: (body: unknown, params: URLSearchParams) => Response | null;
}

/**
 * A weak ETag for an answer: equal scan versions give equal answers to the same query from the same identity, so
 * the tag is derived from those alone, before anything is built.
 */
export function answerTag(scan: Pick<Scan, 'version'>, url: URL, identity: Identity): string {
  const params = [...url.searchParams].filter(([k]) => k !== 'refresh').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const digest = createHash('sha256').update(`${identityKey(identity)}\n${url.pathname}\n${JSON.stringify(params)}`).digest('base64url').slice(0, 16);
  return `W/"${scan.version}-${digest}"`;
}

/** True when If-None-Match names this tag (or is *). */
export function notModified(request: Request, tag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  return header.split(',').some((t) => t.trim() === tag || t.trim() === '*');
}

/** Runs `build` on the current scan of the caller's identity with the parsed query. */
export async function withScan(request: Request, build: (scan: Scan, query: ParsedQuery) => unknown, options: ScanRouteOptions = {}): Promise<Response> {
  const url = new URL(request.url);
  const params = url.searchParams;
  let query: ParsedQuery;
  try {
    query = parseQuery(params, options.allowed);
    options.validate?.(params);
  } catch (error) {
    if (error instanceof BadParameter) return errorJson(400, { kind: 'badParameter', parameter: error.parameter, message: error.message });
    throw error;
  }
  const who = identityOr401(request);
  if ('response' in who) return who.response;
  if (query.refresh) {
    const refused = refreshRefused(who.identity);
    if (refused) return refused;
  }
  const scanner = await getScanner(who.identity);
  if ('error' in scanner) return clusterErrorResponse(scanner.error);
  let scan: Scan;
  try {
    scan = await scanner.scanner.get(query.refresh);
  } catch (error) {
    return clusterErrorResponse(scanner.scanner.describeError(error));
  }
  const etag = answerTag(scan, url, who.identity);
  const t0 = performance.now();
  // no-store stays (answers describe the cluster); the client sends If-None-Match itself (lib/client/api.ts).
  if (notModified(request, etag)) return new Response(null, { status: 304, headers: { etag, 'cache-control': 'no-store' } });
  try {
    const body = build(scan, query);
    const rendered = options.render?.(body, params);
    if (rendered) return rendered;
    const response = jsonResponse(body, { 'cache-control': 'no-store', etag });
    if (process.env.BACKUP_LENS_TIMING === '1') console.log(`Backup Lens: ${url.pathname} built in ${Math.round(performance.now() - t0)} ms, ${Math.round(process.uptime() * 1000)} ms after the process started`);
    return response;
  } catch (error) {
    if (error instanceof BadParameter) return errorJson(400, { kind: 'badParameter', parameter: error.parameter, message: error.message });
    if (error instanceof NotFound) return errorJson(404, { kind: 'notFound', message: error.message });
    if (error instanceof UnknownBackup) return errorJson(404, { kind: 'notFound', parameter: error.parameter, message: error.message });
    throw error;
  }
}
