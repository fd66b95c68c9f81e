import { expect, test } from '@playwright/test';

test('the dashboard and its API answer in Chromium', async ({ page, request }) => {
  const health = await request.get('/api/healthz');
  expect(await health.json()).toEqual({ ok: true });
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Backup Lens' })).toBeVisible();
  await expect(page.getByText('demo cluster', { exact: true })).toBeVisible();
});
