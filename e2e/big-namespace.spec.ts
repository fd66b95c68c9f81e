import { expect, test } from '@playwright/test';
import { NamespacePage } from './pages/namespace-page';

test('a pod in the 2,000-claim namespace is found through the page\'s search', async ({ page }) => {
  const ns = new NamespacePage(page);
  await ns.open('shards');
  await expect(ns.volumes).toHaveAttribute('aria-rowcount', '2001');
  await expect(async () => {
    await page.keyboard.press('/');
    await expect(ns.filter).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await page.keyboard.type('SHARD-549');
  await expect(ns.row('shard-549', 'data')).toBeVisible();
  await expect(page).toHaveURL(/q=SHARD-549/);
  const rows = ns.volumes.locator('tbody tr[data-index]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('aria-rowindex', '2');
});

test('natural order puts shard-2 right after shard-1; up to 1,000 rows every row is in the DOM, beyond that rows are virtualised', async ({ page }) => {
  const ns = new NamespacePage(page);
  await ns.open('shards');
  const pods = ns.volumes.locator('tbody tr[data-index] td:first-child');
  expect((await pods.allTextContents()).slice(0, 4)).toEqual(['shard-0', 'shard-1', 'shard-2', 'shard-3']);
  // 2,000 rows: virtualised, with row indexes for screen readers.
  expect(await pods.count()).toBeLessThan(200);
  await expect(ns.volumes.locator('tbody tr[data-index]').last()).toHaveAttribute('aria-rowindex', String((await pods.count()) + 1));
  // Pods with a 9 in their number: 542 rows, all rendered, so Ctrl+F finds every one.
  await ns.filter.fill('9');
  await expect(ns.volumes).toHaveAttribute('aria-rowcount', '543');
  await expect(ns.volumes.locator('tbody tr[data-index]')).toHaveCount(542);
  await expect(ns.row('shard-1999', 'data')).toHaveCount(1);
});

test('a deep link scrolls to its row and highlights it', async ({ page }) => {
  const ns = new NamespacePage(page);
  await ns.open('shards', '?pod=shard-549&volume=data');
  await ns.expectSelected('shard-549', 'data');
  const row = ns.row('shard-549', 'data');
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(row).toBeInViewport();
});

test('the 2,000-claim page lays its graph out in a Web Worker', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const ns = new NamespacePage(page);
  await ns.open('shards');
  await ns.graphDrawn();
  expect(workers.length).toBeGreaterThan(0);
  const before = workers.length;
  await ns.graph.getByRole('button', { name: /^StatefulSet shard: 2000 pods/ }).click();
  await expect(ns.graph.getByRole('button', { name: /^pod shard-0,/ })).toBeVisible();
  // The same worker lays the expanded graph out again.
  expect(workers.length).toBe(before);
});
