// Issue 10 end to end in Chromium: the overview's "not protected" count is the API's, the Coverage page shows a
// claim no schedule protects (its reason on focus), the detail panel shows a failed PodVolumeBackup's message,
// the CSV has the JSON's rows, and the new pages are axe-clean in light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { ClaimsResponse } from '../lib/api/types';
import { parseCsv } from '../lib/server/csv-reader';
import { NamespacePage } from './pages/namespace-page';

async function claimsOf(page: Page, query: string): Promise<ClaimsResponse> {
  const response = await page.request.get(`/api/v1/claims?${query}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as ClaimsResponse;
}

test('the overview opens with the claims not protected by the backup, as many as the API counts', async ({ page }) => {
  await page.goto('/?schedule=nightly');
  const api = await claimsOf(page, 'schedule=nightly');
  expect(api.notProtected).toBeGreaterThan(0);
  await expect(page.getByTestId('not-protected-count')).toHaveText(String(api.notProtected));
  await expect(page.getByTestId('not-protected-any-count')).toHaveText(String(api.notProtectedByAnySchedule));
  const list = page.getByRole('table', { name: 'Claims not protected by this backup' });
  await expect(list.getByRole('row')).toHaveCount(api.notProtected + 1);
  const spool = list.getByRole('row').filter({ hasText: 'report-spool' });
  await expect(spool).toContainText('not protected');
  await expect(spool).toContainText('switches the snapshot off, but no PodVolumeBackup will be made');
  await page.screenshot({ path: test.info().outputPath('overview-protection.png'), fullPage: true });
});

test('the Coverage page shows a claim no schedule protects, with the reason on focus', async ({ page }) => {
  await page.goto('/coverage');
  await expect(page.getByRole('heading', { level: 1, name: /Coverage/ })).toBeVisible();
  // Thousands of claims: the first 200 rows, claims no schedule protects first, then more on request.
  const rowsShown = page.getByRole('table', { name: 'Claims by schedule' }).locator('tbody tr');
  await expect(page.getByRole('status').filter({ hasText: 'matching claims shown' })).toContainText('200 of 2,029');
  await expect(rowsShown).toHaveCount(200);
  await expect(rowsShown.first()).toContainText('no schedule protects it');
  await page.getByRole('button', { name: 'Show 200 more' }).click();
  await expect(rowsShown).toHaveCount(400);
  await page.getByRole('checkbox', { name: 'Only claims no schedule protects' }).check();
  await expect(page).toHaveURL(/unprotected=1/);
  const table = page.getByRole('table', { name: 'Claims by schedule' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /shop\/report-spool/ }) });
  await expect(row).toContainText('no schedule protects it');
  await expect(table.getByRole('rowheader', { name: /wiki\/wiki-pages/ })).toHaveCount(0); // fs-backup under several schedules
  const cell = row.locator('[tabindex="0"]').first();
  await cell.focus();
  await expect(page.getByRole('tooltip').filter({ visible: true })).toContainText(/fsSelectedNoPvb|notInBackup|namespaceExcluded|validationFailed/);
  await page.screenshot({ path: test.info().outputPath('coverage.png'), fullPage: true });
});

test('the detail panel shows the claim\'s protection and the failed PodVolumeBackup\'s message', async ({ page }) => {
  const ns = new NamespacePage(page);
  await ns.open('mistakes', '?schedule=nightly');
  await ns.select('web-0', 'data');
  const panel = ns.details.getByRole('region', { name: 'Protection and last backup' });
  await expect(panel).toContainText('Protection of claim web-0-data');
  await expect(panel.getByTestId('last-backup-outcome')).toContainText('predicted fs-backup; the PodVolumeBackup of nightly-20261124020012 Failed: data path backup failed');
  await ns.open('shop', '?schedule=nightly');
  await ns.select('reports-worker-5f7c9d-q8w2x', 'spool');
  await expect(ns.details.getByRole('region', { name: 'Protection and last backup' })).toContainText('The trap');
  await page.screenshot({ path: test.info().outputPath('detail-last-backup.png'), fullPage: true });
});

test('the claims CSV opens with a header row and the same rows as the JSON', async ({ page }) => {
  const api = await claimsOf(page, 'schedule=nightly');
  const response = await page.request.get('/api/v1/claims?schedule=nightly&format=csv');
  expect(response.headers()['content-type']).toMatch(/^text\/csv/);
  expect(response.headers()['content-disposition']).toBe('attachment; filename="claims-schedule-nightly.csv"');
  const rows = parseCsv(await response.text());
  expect(rows[0]?.slice(0, 5)).toEqual(['namespace', 'name', 'exists', 'protection', 'reason']);
  expect(rows.slice(1).map((r) => `${r[0]}/${r[1]} ${r[3]} ${r[4]}`)).toEqual(api.claims.map((c) => `${c.namespace}/${c.name} ${c.protection} ${c.reason}`));
  const bad = await page.request.get('/api/v1/claims?format=xml');
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('format must be json or csv, not "xml".');
});

test('/metrics is Prometheus text with claims by protection', async ({ page }) => {
  const response = await page.request.get('/metrics');
  expect(response.headers()['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  expect(text).toContain('# TYPE backup_lens_claims gauge');
  expect(text).toMatch(/backup_lens_claims\{namespace="shop",schedule="nightly",protection="custom"\} 2/);
  expect(text).toMatch(/backup_lens_last_backup_volumes\{schedule="nightly",backup="nightly-20261124020012",outcome="failed"\} 1/);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the overview, the Coverage page and the detail panel are axe-clean in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of ['/?schedule=nightly', '/coverage?unprotected=1', '/namespaces/mistakes?schedule=nightly&pod=web-0&volume=data']) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /Deciding|Reading/ })).toHaveCount(0);
      if (url.includes('volume=')) await expect(page.getByTestId('last-backup-outcome')).toBeVisible();
      // On the namespace page only the new region is checked: the check chain above it (not part of this issue) has
      // slate-400 text that fails color-contrast before this change too.
      const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']);
      const results = await (url.includes('volume=') ? axe.include('section[aria-label="Protection and last backup"]') : axe).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`), url).toEqual([]);
    }
  });
}
