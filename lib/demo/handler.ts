// Request handling of the demo cluster: routing, auth, faults, list pages, gets and watches.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KINDS, RESOURCE_LIST, VERSION, apiGroup, apiGroupList, resourceList, toTable, wantsTable } from './discovery';
import { RESOURCE_INFO, apiVersionOf } from './resources';
import { SelectorError, selectorMatcher } from './selectors';
import { NAMESPACED, RESOURCES, type DemoStore, type KubeObject } from './store';
import type { DemoFaults, DemoResource, DemoUser, RequestLogEntry } from './types';
import { serveWatch } from './watch';

export interface ServerState {
  store: DemoStore;
  token: string;
  /** Namespace-limited users besides the full-access token. */
  users?: DemoUser[];
  faults: DemoFaults;
  requests: RequestLogEntry[];
  started: number;
  openWatches: Set<() => void>;
  /** Resources this demo serves (a demo without Velero serves no velero.io resource). */
  served: (resource: DemoResource) => boolean;
}

type J = Record<string, unknown>;

export function send(state: ServerState, req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  state.requests.push({ method: req.method ?? 'GET', url: req.url ?? '', status, at: Date.now() - state.started });
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function statusBody(code: number, reason: string, message: string, details?: J): J {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

const scopeText = (resource: string, namespace: string | null) => (namespace ? `in the namespace "${namespace}"` : 'at the cluster scope');

function forbiddenBody(verb: string, resource: DemoResource, namespace: string | null, user = 'demo'): J {
  const group = RESOURCE_INFO[resource].group;
  return statusBody(403, 'Forbidden', `${resource} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}" ${scopeText(resource, namespace)}`, { group, kind: resource });
}

interface Route {
  resource: DemoResource;
  namespace: string | null;
  name: string | null;
}

/**
 * {prefix}/{res}, {prefix}/{res}/{name}, /api/v1/namespaces/{ns}, {prefix}/namespaces/{ns}/{res}[/{name}], where
 * prefix is /api/v1 or /apis/{group}/{version} and the resource must be served in that group/version.
 */
function route(parts: string[], served: (r: DemoResource) => boolean): Route | 'unknown' | 'secret' {
  const core = parts[0] === 'api' && parts[1] === 'v1';
  if (!core && !(parts[0] === 'apis' && parts.length >= 4)) return 'unknown';
  const group = core ? '' : (parts[1] ?? '');
  const version = core ? 'v1' : (parts[2] ?? '');
  const [res, a, b, c, ...rest] = parts.slice(core ? 2 : 3);
  if (rest.length > 0) return 'unknown';
  const known = (r: string | undefined): r is DemoResource =>
    RESOURCES.includes(r as DemoResource) && RESOURCE_INFO[r as DemoResource].group === group && RESOURCE_INFO[r as DemoResource].version === version && served(r as DemoResource);
  if (core && (res === 'secrets' || b === 'secrets')) return 'secret';
  if (!core && res === 'namespaces' && b === undefined) return 'unknown';
  if (res === 'namespaces' && a !== undefined && b !== undefined) {
    return known(b) && NAMESPACED.has(b) ? { resource: b, namespace: decodeURIComponent(a), name: c === undefined ? null : decodeURIComponent(c) } : 'unknown';
  }
  if (c !== undefined || b !== undefined) return 'unknown';
  if (!known(res)) return 'unknown';
  return { resource: res, namespace: null, name: a === undefined ? null : decodeURIComponent(a) };
}

/** Consumes one unit of a counted fault; true when it fires. */
function consume(faults: DemoFaults, key: 'tooManyRequests' | 'expireContinue' | 'serverErrors'): boolean {
  const left = faults[key] ?? 0;
  if (left <= 0) return false;
  faults[key] = left - 1;
  return true;
}

function encodeContinue(rv: number, after: string): string {
  return Buffer.from(JSON.stringify({ rv, after })).toString('base64url');
}

function decodeContinue(token: string): { rv: number; after: string } | null {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { rv?: unknown; after?: unknown };
    return typeof parsed.rv === 'number' && typeof parsed.after === 'string' ? { rv: parsed.rv, after: parsed.after } : null;
  } catch {
    return null;
  }
}

const keyOf = (o: KubeObject) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/** First index whose key satisfies `beyond` (the list is sorted by key, like etcd's /registry keys). */
function search(list: readonly KubeObject[], beyond: (key: string) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (beyond(keyOf(list[mid] as KubeObject))) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
const firstAfter = (list: readonly KubeObject[], after: string) => search(list, (key) => key > after);
const lowerBound = (list: readonly KubeObject[], prefix: string) => search(list, (key) => key >= prefix);

function serveList(state: ServerState, req: IncomingMessage, res: ServerResponse, r: Route, query: URLSearchParams, matches: (o: KubeObject) => boolean): void {
  const { store, faults } = state;
  const token = query.get('continue');
  if (consume(faults, 'serverErrors')) return send(state, req, res, 500, statusBody(500, 'InternalError', 'Internal error occurred: injected fault'));
  if (consume(faults, 'tooManyRequests')) {
    const seconds = String(faults.retryAfterSeconds ?? 1);
    return send(state, req, res, 429, statusBody(429, 'TooManyRequests', 'Too many requests, please try again later.'), { 'retry-after': seconds });
  }
  const position = token ? decodeContinue(token) : null;
  if (token && (!position || consume(faults, 'expireContinue'))) {
    return send(state, req, res, 410, statusBody(410, 'Expired', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.'));
  }
  const all = store.list(r.resource);
  const prefix = r.namespace !== null ? `${r.namespace}/` : '';
  const start = position ? firstAfter(all, position.after) : prefix ? lowerBound(all, prefix) : 0;
  const limit = Number(query.get('limit') ?? 0);
  const items: KubeObject[] = [];
  let last = '';
  let more = false;
  for (let i = start; i < all.length; i++) {
    const o = all[i] as KubeObject;
    const key = keyOf(o);
    if (prefix && !key.startsWith(prefix)) {
      if (key > prefix) break;
      continue;
    }
    if (!matches(o)) continue;
    if (limit > 0 && items.length === limit) {
      more = true;
      break;
    }
    items.push(o);
    last = key;
  }
  const rv = position?.rv ?? store.resourceVersion;
  const metadata: J = { resourceVersion: String(rv), ...(more ? { continue: encodeContinue(rv, last) } : {}) };
  if (wantsTable(req.headers.accept)) return send(state, req, res, 200, toTable(r.resource, items, metadata));
  send(state, req, res, 200, { kind: `${KINDS[r.resource]}List`, apiVersion: apiVersionOf(r.resource), metadata, items });
}

/** 'full' for the demo token, the limited user for one of theirs, null for anything else. */
function limitedUser(state: ServerState, authorization: string): 'full' | DemoUser | null {
  if (authorization === `Bearer ${state.token}`) return 'full';
  return state.users?.find((user) => authorization === `Bearer ${user.token}`) ?? null;
}

/** A limited user reads inside their namespaces only, plus a get of those Namespace objects. */
function limitedMayRead(user: DemoUser, r: Route): boolean {
  if (r.namespace !== null) return user.namespaces.includes(r.namespace);
  return r.resource === 'namespaces' && r.name !== null && user.namespaces.includes(r.name);
}

export function handleRequest(state: ServerState, req: IncomingMessage, res: ServerResponse): void {
  const run = () => {
    const url = new URL(req.url ?? '/', 'https://demo');
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method !== 'GET') return send(state, req, res, 405, statusBody(405, 'MethodNotAllowed', `the demo cluster is read-only: ${req.method} is not allowed`));
    if (url.pathname === '/version' || url.pathname === '/healthz' || url.pathname === '/livez' || url.pathname === '/readyz') {
      return send(state, req, res, 200, url.pathname === '/version' ? VERSION : 'ok');
    }
    const limited = limitedUser(state, req.headers.authorization ?? '');
    if (state.faults.rejectAllTokens || limited === null) return send(state, req, res, 401, statusBody(401, 'Unauthorized', 'Unauthorized'));
    if (url.pathname === '/api') return send(state, req, res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: req.headers.host ?? '' }] });
    if (url.pathname === '/api/v1') return send(state, req, res, 200, RESOURCE_LIST);
    if (parts[0] === 'apis' && parts.length <= 3) {
      if (state.faults.forbidDiscovery) return send(state, req, res, 403, statusBody(403, 'Forbidden', `forbidden: User "demo" cannot get path "${url.pathname}"`));
      const doc = parts.length === 1 ? apiGroupList(state.served) : parts.length === 2 ? apiGroup(parts[1] ?? '', state.served) : resourceList(parts[1] ?? '', parts[2] ?? '', state.served);
      if (doc) return send(state, req, res, 200, parts.length === 2 ? { kind: 'APIGroup', apiVersion: 'v1', ...doc } : doc);
      return send(state, req, res, 404, statusBody(404, 'NotFound', 'the server could not find the requested resource'));
    }
    const r = route(parts, state.served);
    if (r === 'secret') return send(state, req, res, 404, statusBody(404, 'NotFound', 'the demo cluster serves no secrets', { kind: 'secrets' }));
    if (r === 'unknown') return send(state, req, res, 404, statusBody(404, 'NotFound', 'the server could not find the requested resource'));
    const watch = url.searchParams.get('watch');
    const verb = r.name ? 'get' : watch === 'true' || watch === '1' ? 'watch' : 'list';
    if (limited !== 'full' && !limitedMayRead(limited, r)) return send(state, req, res, 403, forbiddenBody(verb, r.resource, r.namespace, limited.name ?? 'limited'));
    const clusterWide = r.namespace === null && !r.name;
    const forbiddenNs = r.namespace !== null && (state.faults.forbidNamespaces ?? []).includes(r.namespace);
    const forbiddenAll = (state.faults.forbidClusterWide ?? []).includes(r.resource) && (clusterWide || !NAMESPACED.has(r.resource));
    const forbiddenResource = (state.faults.forbidResources ?? []).includes(r.resource);
    if (forbiddenNs || forbiddenAll || forbiddenResource) return send(state, req, res, 403, forbiddenBody(verb, r.resource, r.namespace));
    if (verb !== 'get') {
      let matches: (o: KubeObject) => boolean;
      try {
        matches = selectorMatcher(url.searchParams);
      } catch (error) {
        if (error instanceof SelectorError) return send(state, req, res, 400, statusBody(400, 'BadRequest', error.message));
        throw error;
      }
      return verb === 'watch' ? serveWatch(state, req, res, r.resource, r.namespace, url.searchParams, matches) : serveList(state, req, res, r, url.searchParams, matches);
    }
    const object = state.store.get(r.resource, NAMESPACED.has(r.resource) ? r.namespace : null, r.name ?? '');
    if (!object) return send(state, req, res, 404, statusBody(404, 'NotFound', `${r.resource} "${r.name}" not found`, { name: r.name, kind: r.resource }));
    send(state, req, res, 200, { kind: KINDS[r.resource], apiVersion: apiVersionOf(r.resource), ...object });
  };
  const latency = state.faults.latencyMs ?? 0;
  if (latency > 0) setTimeout(run, latency);
  else run();
}
