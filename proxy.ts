// Every request passes here (Next.js 16 proxy, Node runtime): security headers with a per-request CSP nonce,
// JSON 405 for non-GET API calls, and authentication: 401 JSON for the API, the login page (token mode) or a
// 401 page (proxy mode) for pages. The routes check the identity again before reading the cluster.
import { NextResponse, type NextRequest } from 'next/server';
import { namespaceParam } from './lib/api/params';
import { securityHeaders } from './lib/auth/headers';
import { identify } from './lib/server/auth-state';

const PUBLIC_API = new Set(['/api/healthz', '/api/auth/login', '/api/auth/logout']);
const POST_API = new Set(['/api/auth/login', '/api/auth/logout']);
const isStaticAsset = (path: string) => path.startsWith('/_next/static/') || path === '/icon.svg' || path === '/favicon.ico';

function withHeaders<T extends Response>(response: T, headers: Record<string, string>): T {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function jsonError(status: number, kind: string, message: string, extra: Record<string, string> = {}): Response {
  return withHeaders(Response.json({ error: { kind, message } }, { status, headers: { 'cache-control': 'no-store', ...extra } }), securityHeaders({ api: true }));
}

function unauthorizedPage(message: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>401 · Backup Lens</title></head><body><main><h1>401 Unauthorized</h1><p>${message}</p></main></body></html>`;
  return withHeaders(new Response(html, { status: 401, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } }), securityHeaders({ api: true }));
}

/** /namespaces/NAME with NAME not a namespace name: a 404 before any page streams (a streamed page is already 200). */
function invalidNamespacePath(path: string): boolean {
  const match = /^\/namespaces\/([^/]*)\/?$/.exec(path);
  if (!match) return path.startsWith('/namespaces/');
  try {
    namespaceParam(decodeURIComponent(match[1] ?? ''));
    return false;
  } catch {
    return true;
  }
}

function notFoundPage(): Response {
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>404 · Backup Lens</title></head><body><main><h1>Not found</h1><p>That is not a namespace name (lower-case letters, digits and -).</p><p><a href="/">Back to all namespaces</a></p></main></body></html>';
  return withHeaders(new Response(html, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } }), securityHeaders({ api: true }));
}

function malformedPath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const api = path === '/api' || path.startsWith('/api/');
  const method = request.method.toUpperCase();
  if (api && method !== 'GET' && method !== 'HEAD' && !(method === 'POST' && POST_API.has(path))) {
    return jsonError(405, 'methodNotAllowed', `${method.slice(0, 16)} is not allowed here: Backup Lens is read-only; its API answers GET.`, { allow: 'GET, HEAD' });
  }
  if (malformedPath(request.nextUrl.pathname)) {
    // Next.js would throw decoding it (a 500); say what is wrong instead.
    if (path.startsWith('/namespaces/')) return notFoundPage();
    return api ? jsonError(400, 'badPath', 'The path has a malformed percent-encoding.') : withHeaders(new Response('Bad request: the path has a malformed percent-encoding.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } }), securityHeaders({ api: true }));
  }
  if (path.length > 1 && path.endsWith('/')) {
    const url = request.nextUrl.clone();
    url.pathname = path.replace(/\/+$/, '') || '/';
    return withHeaders(NextResponse.redirect(url, 308), securityHeaders({ api: true }));
  }
  const dev = process.env.NODE_ENV === 'development';
  const open = isStaticAsset(path) || path === '/login' || PUBLIC_API.has(path);
  if (!open) {
    const who = identify(request.headers);
    if ('error' in who) return api ? jsonError(500, 'config', who.error) : unauthorizedPage('The server is misconfigured; its log says how.');
    if ('refusal' in who) {
      if (api) return jsonError(401, 'unauthenticated', who.refusal.message, who.refusal.reason === 'noSession' ? { 'www-authenticate': 'Bearer realm="backup-lens"' } : {});
      if (who.refusal.reason === 'noSession') {
        const login = new URL('/login', request.url);
        return withHeaders(NextResponse.redirect(login, 303), securityHeaders({ api: true }));
      }
      return unauthorizedPage(who.refusal.message);
    }
  }
  if (invalidNamespacePath(path)) return notFoundPage();
  if (api || isStaticAsset(path)) return withHeaders(NextResponse.next(), securityHeaders({ api }));
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const headers = securityHeaders({ nonce, dev });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', headers['content-security-policy'] as string);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}
