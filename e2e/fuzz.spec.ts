// Property-based (fast-check): random paths, query strings, methods and headers at every route of the real
// built server on the demo cluster, with no auth and in token mode (anonymous and logged in). Properties: no
// 5xx, JSON on /api, the security headers on every answer, and the demo clusters saw nothing but GETs.
import { expect, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { AUTH_PORTS, FULL_TOKEN, authUrl } from './auth-fixture';

const ROUTES = ['/', '/login', '/namespaces/shop', '/namespaces/', '/api/healthz', '/api/v1/namespaces', '/api/v1/volumes', '/api/v1/graph', '/api/auth/login', '/api/auth/logout', '/api/', '/api/v1/', '/_next/static/', '/icon.svg'];
const PARAMS = ['namespace', 'refresh', 'defaultVolumesToFsBackup', 'backupExcludePVC', 'continue', 'watch', '_rsc'];
const METHODS = ['GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
const HEADER_NAMES = ['cookie', 'origin', 'accept', 'content-type', 'x-forwarded-user', 'x-backup-lens-peer', 'x-forwarded-for', 'x-forwarded-host', 'rsc', 'next-router-prefetch', 'authorization', 'range', 'if-none-match'];
const FORBIDDEN_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'expect', 'upgrade', 'keep-alive', 'te', 'trailer']);
const REQUIRED = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy'];

const piece = fc.oneof(
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom('..', '%', '%zz', '%00', '%2e%2e', '%2F', 'UPPER', 'a_b', '-x', 'x'.repeat(70), '😀', '~', ';', '$', '@', ':'),
  fc.string({ unit: 'grapheme', maxLength: 6 }).map(encodeURIComponent),
);
const path = fc.oneof(
  fc.constantFrom(...ROUTES),
  fc.tuple(fc.constantFrom(...ROUTES), fc.array(piece, { maxLength: 3 })).map(([route, parts]) => `${route.replace(/\/$/, '')}/${parts.join('/')}`),
);
const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), piece), fc.oneof(fc.constantFrom('true', 'false', '1', '0', 'shop', 'velero', ''), piece)), { maxLength: 5 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
const headerValue = fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, 'x').trim());
const headerName = fc.oneof(fc.constantFrom(...HEADER_NAMES), fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/)).filter((n) => !FORBIDDEN_HEADERS.has(n));
const headers = fc.dictionary(headerName, headerValue, { maxKeys: 4 });
const body = fc.oneof(fc.constant(''), fc.string({ maxLength: 60 }), fc.constant('token=abc&namespaces=shop'), fc.constant('{"token":"x"}'));

async function hit(request: APIRequestContext, base: string, sample: { method: string; path: string; query: string; headers: Record<string, string>; body: string }, extra: Record<string, string>) {
  const url = `${base}${sample.path}${sample.query}`;
  const response = await request.fetch(url, {
    method: sample.method,
    headers: { ...sample.headers, ...extra },
    data: sample.method === 'GET' || sample.method === 'HEAD' ? undefined : sample.body,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const what = `${sample.method} ${url.slice(0, 200)} ${JSON.stringify(sample.headers).slice(0, 200)}`;
  expect(response.status(), what).toBeLessThan(500);
  const answer = response.headers();
  for (const name of REQUIRED) expect(answer[name], `${name} on ${what}`).toBeTruthy();
  if (new URL(url).pathname.startsWith('/api/') && response.status() >= 400) {
    expect(answer['content-type'] ?? '', `JSON error on ${what}`).toContain('application/json');
    if (sample.method !== 'HEAD') await expect(response.json(), `JSON body on ${what}`).resolves.toBeDefined();
  }
}

const sample = fc.record({ method: fc.constantFrom(...METHODS), path, query, headers, body });

test.describe.configure({ timeout: 300_000 });

test('random requests at every route, without auth: no 5xx, JSON API errors, headers on every answer', async ({ request, baseURL }) => {
  await fc.assert(fc.asyncProperty(sample, (s) => hit(request, baseURL ?? '', s, {})), { numRuns: 250 });
});

test('random requests in token mode, anonymous and logged in: the same properties', async ({ request }) => {
  const base = authUrl(AUTH_PORTS.token);
  const login = await request.post(`${base}/api/auth/login`, { headers: { origin: base, accept: 'application/json' }, form: { token: FULL_TOKEN }, maxRedirects: 0 });
  expect(login.status()).toBe(200);
  const session = /backup_lens_session=([^;]+)/.exec(login.headers()['set-cookie'] ?? '')?.[1] ?? '';
  expect(session).not.toBe('');
  const withSession = fc.tuple(sample, fc.boolean());
  await fc.assert(fc.asyncProperty(withSession, ([s, loggedIn]) => hit(request, base, s, loggedIn ? { cookie: `backup_lens_session=${session}` } : {})), { numRuns: 200 });
});

test('after the random requests, both demo clusters have seen only GET requests', async ({ request }) => {
  const main = (await (await request.get(`http://127.0.0.1:${process.env.E2E_CONTROL_PORT ?? 3108}/requests`)).json()) as Array<{ method: string }>;
  const auth = (await (await request.get(`${authUrl(AUTH_PORTS.control)}/requests`)).json()) as Array<{ method: string }>;
  expect(main.length).toBeGreaterThan(0);
  expect(auth.length).toBeGreaterThan(0);
  expect([...new Set([...main, ...auth].map((r) => r.method))]).toEqual(['GET']);
});
