import { expect, test } from '@playwright/test';

test('the dashboard and its API answer in Chromium', async ({ page, request }) => {
  const health = await request.get('/api/healthz');
  expect(await health.json()).toEqual({ ok: true });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Backup Lens' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('home.png'), fullPage: true });
});
