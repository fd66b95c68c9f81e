// Proxy mode: the user header is believed only from BACKUP_LENS_TRUSTED_PROXIES. Servers: e2e/auth-serve.ts,
// one trusting an address no test comes from, one trusting loopback.
import { expect, test } from '@playwright/test';
import { AUTH_PORTS, UNTRUSTED_PROXY, authUrl } from './auth-fixture';

const untrusted = authUrl(AUTH_PORTS.proxyUntrusted);
const trusted = authUrl(AUTH_PORTS.proxyTrusted);

test('a request without the header from an untrusted address gets 401, API and page', async ({ request }) => {
  const api = await request.get(`${untrusted}/api/v1/namespaces`);
  expect(api.status()).toBe(401);
  expect(api.headers()['content-type']).toContain('application/json');
  expect(((await api.json()) as { error: { kind: string } }).error.kind).toBe('unauthenticated');
  const page = await request.get(`${untrusted}/`);
  expect(page.status()).toBe(401);
  expect(await page.text()).not.toContain('velero');
});

test('the user header from an untrusted address is not believed, nor a forged peer header', async ({ request }) => {
  const named = await request.get(`${untrusted}/api/v1/namespaces`, { headers: { 'x-forwarded-user': 'alice' } });
  expect(named.status()).toBe(401);
  const forged = await request.get(`${untrusted}/api/v1/namespaces`, { headers: { 'x-forwarded-user': 'alice', 'x-backup-lens-peer': UNTRUSTED_PROXY, 'x-forwarded-for': UNTRUSTED_PROXY } });
  expect(forged.status()).toBe(401);
});

test('from a trusted proxy address the named user reads the cluster with the server’s credentials; without a name, 401', async ({ browser, request }) => {
  expect((await request.get(`${trusted}/api/v1/namespaces`)).status()).toBe(401);
  const ok = await request.get(`${trusted}/api/v1/namespaces`, { headers: { 'x-forwarded-user': 'alice@example.com' } });
  expect(ok.status()).toBe(200);
  const context = await browser.newContext({ baseURL: trusted, extraHTTPHeaders: { 'x-forwarded-user': 'alice@example.com' } });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByLabel('Session')).toHaveText(/Signed in as alice@example\.com \(through the authenticating proxy\)/);
    await expect(page.getByRole('table', { name: 'Namespaces' }).getByRole('link', { name: 'velero', exact: true })).toBeVisible();
  } finally {
    await context.close();
  }
});
