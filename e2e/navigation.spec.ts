import { expect, test } from '@playwright/test';
import { NamespacePage } from './pages/namespace-page';

test('Back returns to the previous selection, and from a selection to the namespace, then the overview', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/[?&]schedule=/); // the overview opens on a schedule: let that redirect settle
  await page.getByRole('table', { name: 'Namespaces' }).getByRole('link', { name: 'shop', exact: true }).click();
  const ns = new NamespacePage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Namespace shop' })).toBeVisible();
  await expect(page).toHaveTitle('shop · Backup Lens');
  await ns.select('postgres-0', 'data');
  await ns.select('redis-0', 'cache');
  await ns.filter.fill('redis');
  await expect(page).toHaveURL(/q=redis/);
  await page.goBack();
  await ns.expectSelected('postgres-0', 'data');
  await page.goBack();
  await expect(ns.details).toContainText('Select a volume');
  await page.goBack();
  await expect(page).toHaveURL(/\/(\?schedule=[a-z0-9.-]+)?$/);
  await expect(page.getByRole('table', { name: 'Namespaces' })).toBeVisible();
  await expect(page).toHaveTitle('Namespaces · Backup Lens');
});

test('an unknown namespace answers a real 404', async ({ request, page }) => {
  expect((await request.get('/namespaces/no-such-namespace')).status()).toBe(404);
  await page.goto('/namespaces/no-such-namespace');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('search finds namespaces and is case-insensitive, with a count and show all, served by the search endpoint', async ({ page, request }) => {
  const api = (await (await request.get('/api/v1/search?q=SHARD-1&limit=5')).json()) as { total: number; hits: unknown[] };
  expect(api.hits).toHaveLength(5);
  expect(api.total).toBeGreaterThan(1000);
  await page.goto('/');
  await expect(page).toHaveURL(/[?&]schedule=/); // the overview opens on a schedule: let that redirect settle
  const search = page.getByRole('combobox', { name: 'Search namespaces, pods, PVCs and volumes' });
  await search.fill('Shards');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option').first()).toContainText('namespace');
  await search.fill('shard-1');
  await expect(page.getByRole('status').filter({ hasText: 'matches' })).toContainText(`20 of ${api.total.toLocaleString('en-US')} matches`);
  await page.getByRole('button', { name: /Show all/ }).click();
  await expect(results.getByRole('option')).toHaveCount(Math.min(api.total, 1000));
  const box = await results.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
  await search.press('ArrowDown');
  await expect(results.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await search.press('Escape');
  await expect(results).toBeHidden();
  await search.fill('shard-549');
  await expect(results).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(results).toBeHidden();
  const volumeRequests: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/v1/volumes')) volumeRequests.push(r.url()); });
  await search.fill('shard-549-data');
  await search.press('Enter');
  await expect(page).toHaveURL(/\/namespaces\/shards\?.*pod=shard-549/);
  expect(volumeRequests).toEqual([]);
});
