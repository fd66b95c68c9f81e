// Every answer carries the security headers: pages (with a nonce CSP that Next.js's scripts use), API answers,
// errors, redirects, static files; unknown /api paths are JSON 404s; invalid namespace names are 404s.
import { expect, test, type APIResponse } from '@playwright/test';
import { AUTH_PORTS, authUrl } from './auth-fixture';

const REQUIRED = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy'];

function expectHeaders(response: APIResponse, what: string): void {
  const headers = response.headers();
  for (const name of REQUIRED) expect(headers[name], `${name} on ${what}`).toBeTruthy();
  expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
}

test('pages get a strict nonce CSP and the page works under it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/namespaces/shop');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain("connect-src 'self'");
  // Hydrated (client code ran under the CSP): the Volumes table answers a filter.
  await expect(page.getByRole('table', { name: 'Volumes' })).toBeVisible();
  await page.getByRole('combobox', { name: 'fs-backup mode' }).selectOption('opt-out');
  await expect(page).toHaveURL(/defaultVolumesToFsBackup=true/);
  expect(violations).toEqual([]);
});

test('API answers, errors, static files and redirects carry the headers', async ({ request, page }) => {
  await page.goto('/');
  const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  const answers: Array<[string, APIResponse]> = [
    ['/api/healthz', await request.get('/api/healthz')],
    ['/api/v1/namespaces', await request.get('/api/v1/namespaces')],
    ['/api/v1/volumes?bogus=1', await request.get('/api/v1/volumes?bogus=1')],
    ['/api/nothing', await request.get('/api/nothing')],
    ['DELETE /api/v1/volumes', await request.delete('/api/v1/volumes')],
    ['/no-such-page', await request.get('/no-such-page')],
    ['/namespaces/Not_A_Name', await request.get('/namespaces/Not_A_Name')],
    [String(script), await request.get(String(script))],
    ['token-mode redirect', await request.get(`${authUrl(AUTH_PORTS.token)}/`, { maxRedirects: 0 })],
    ['proxy-mode 401', await request.get(`${authUrl(AUTH_PORTS.proxyUntrusted)}/api/v1/volumes`)],
  ];
  for (const [what, response] of answers) expectHeaders(response, what);
});

test('unknown API paths answer a JSON 404 and other methods a JSON 405', async ({ request }) => {
  const unknown = await request.get('/api/v2/everything?x=1');
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: { kind: 'notFound' } });
  const long = await request.get(`/api/${'a'.repeat(5000)}`);
  expect(long.status()).toBe(404);
  expect(((await long.json()) as { error: { message: string } }).error.message.length).toBeLessThan(250);
  const post = await request.post('/api/v1/namespaces', { data: {} });
  expect(post.status()).toBe(405);
  expect(await post.json()).toMatchObject({ error: { kind: 'methodNotAllowed' } });
});

test('an invalid namespace name in a page URL answers 404', async ({ request }) => {
  for (const path of ['/namespaces/UPPER', '/namespaces/a_b', `/namespaces/${'x'.repeat(64)}`, '/namespaces/%E0%A4%A', '/namespaces/-dash']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  expect((await request.get('/namespaces/shop')).status()).toBe(200);
});

test('parameter errors echo at most a bounded part of the input', async ({ request }) => {
  const huge = 'z'.repeat(10_000);
  for (const query of [`${huge}=1`, `defaultVolumesToFsBackup=${huge}`, `namespace=${huge}`]) {
    const response = await request.get(`/api/v1/volumes?${query}`);
    expect(response.status()).toBe(400);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message.length).toBeLessThan(300);
  }
});
