// Token mode: the login page, a valid and an invalid token, logout, two users whose RBAC differs, CSRF and the
// refresh rate limit. Server: e2e/auth-serve.ts (BACKUP_LENS_AUTH=token on the demo cluster).
import { expect, test, type Page } from '@playwright/test';
import { AUTH_PORTS, FULL_TOKEN, LIMITED_TOKEN, REFRESH_INTERVAL_SECONDS, authUrl } from './auth-fixture';

const base = authUrl(AUTH_PORTS.token);
test.use({ baseURL: base });

async function logIn(page: Page, token: string, namespaces = ''): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Bearer token').fill(token);
  if (namespaces) await page.getByLabel(/Namespaces to read/).fill(namespaces);
  await page.getByRole('button', { name: 'Log in' }).click();
}

const namespaceLinks = (page: Page) => page.getByRole('table', { name: 'Namespaces' }).getByRole('link');

test('an unauthenticated browser sees the login page, and the API answers 401 JSON', async ({ page, request }) => {
  await page.goto('/namespaces/shop');
  await expect(page).toHaveURL(`${base}/login`);
  await expect(page.getByRole('heading', { name: 'Log in to Backup Lens' })).toBeVisible();
  const api = await request.get('/api/v1/namespaces');
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual({ error: { kind: 'unauthenticated', message: 'Log in with a Kubernetes bearer token first.' } });
});

test('an invalid token is refused with a clear message and never echoed', async ({ page }) => {
  await logIn(page, 'not-a-token-the-cluster-knows');
  await expect(page).toHaveURL(`${base}/login?error=refused`);
  // (Next.js's route announcer is an alert too.)
  await expect(page.getByRole('alert').filter({ hasText: 'did not accept' })).toHaveText('The cluster did not accept this token (401 Unauthorized). Check that it is complete and not expired.');
  await expect(page.getByText('not-a-token-the-cluster-knows')).toHaveCount(0);
  expect((await page.context().cookies()).filter((c) => c.name === 'backup_lens_session')).toEqual([]);
});

test('a valid token logs in with an HttpOnly SameSite=Strict session cookie, and logout ends the session', async ({ page }) => {
  await logIn(page, FULL_TOKEN);
  await expect(page).toHaveURL(new RegExp(`^${base}/(\\?schedule=[a-z0-9.-]+)?$`));
  await expect(namespaceLinks(page).filter({ hasText: /^velero$/ })).toBeVisible();
  await expect(page.getByLabel('Session')).toContainText('Signed in as token');
  const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'backup_lens_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(cookie?.value).not.toContain(FULL_TOKEN);
  const html = await (await page.request.get('/')).text();
  expect(html).not.toContain(FULL_TOKEN);

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(`${base}/login`);
  expect((await page.request.get('/api/v1/namespaces')).status()).toBe(401);
  // The old session id is dead on the server, not only deleted from the browser.
  const replay = await page.request.get('/api/v1/namespaces', { headers: { cookie: `backup_lens_session=${cookie?.value}` } });
  expect(replay.status()).toBe(401);
});

test('two users with different tokens see different namespaces', async ({ browser }) => {
  const admin = await browser.newContext({ baseURL: base });
  const alice = await browser.newContext({ baseURL: base });
  try {
    const adminPage = await admin.newPage();
    const alicePage = await alice.newPage();
    await logIn(adminPage, FULL_TOKEN);
    await logIn(alicePage, LIMITED_TOKEN, 'shop, wiki');
    await expect(namespaceLinks(adminPage).filter({ hasText: /^velero$/ })).toBeVisible();
    await expect(namespaceLinks(alicePage).first()).toBeVisible();
    await expect.poll(async () => (await namespaceLinks(alicePage).allInnerTexts()).sort()).toEqual(['shop', 'wiki']);
    const adminNames = await namespaceLinks(adminPage).allInnerTexts();
    expect(adminNames).toEqual(expect.arrayContaining(['shop', 'wiki', 'velero', 'media']));
    // Alice's answers come from her own scan: the velero namespace is not in it.
    expect((await alicePage.request.get('/api/v1/graph?namespace=velero')).status()).toBe(404);
    expect((await adminPage.request.get('/api/v1/graph?namespace=velero')).status()).toBe(200);
    const aliceCluster = (await (await alicePage.request.get('/api/v1/namespaces')).json()) as { cluster: { context: string }; incomplete: unknown[] };
    expect(aliceCluster.incomplete.length).toBeGreaterThan(0);
  } finally {
    await admin.close();
    await alice.close();
  }
});

test('a cross-site login or logout POST is refused', async ({ request }) => {
  const login = await request.post('/api/auth/login', { headers: { origin: 'https://evil.example' }, form: { token: FULL_TOKEN } });
  expect(login.status()).toBe(403);
  expect(((await login.json()) as { error: { kind: string } }).error.kind).toBe('crossOrigin');
  expect(login.headers()['set-cookie']).toBeUndefined();
  const logout = await request.post('/api/auth/logout', { headers: { origin: 'https://evil.example' } });
  expect(logout.status()).toBe(403);
});

test('refresh=1 is rate-limited per user: 429 JSON with Retry-After', async ({ page }) => {
  await logIn(page, FULL_TOKEN);
  await expect(page).toHaveURL(new RegExp(`^${base}/(\\?schedule=[a-z0-9.-]+)?$`));
  const first = await page.request.get('/api/v1/namespaces?refresh=1');
  const second = await page.request.get('/api/v1/namespaces?refresh=1');
  expect([first.status(), second.status()]).toContain(429);
  const limited = first.status() === 429 ? first : second;
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
  expect(Number(limited.headers()['retry-after'])).toBeLessThanOrEqual(REFRESH_INTERVAL_SECONDS);
  expect(((await limited.json()) as { error: { kind: string } }).error.kind).toBe('rateLimited');
  // Without refresh the answer still comes, from the cached scan.
  expect((await page.request.get('/api/v1/namespaces')).status()).toBe(200);
});
