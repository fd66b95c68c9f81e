import { expect, test } from '@playwright/test';
import type { NamespacesResponse } from '../lib/api/types';

test('overview counts equal the API answer for the backup it opens on', async ({ page, request }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/[?&]schedule=/);
  const api = (await (await request.get(`/api/v1/namespaces${new URL(page.url()).search}`)).json()) as NamespacesResponse;
  expect(api.backup.ref.kind).toBe('schedule');
  const table = page.getByRole('table', { name: 'Namespaces' });
  for (const ns of api.namespaces) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader').getByRole('link', { name: ns.name, exact: true }) });
    // Data volumes by default: those Velero never copies by design are counted apart.
    const expected = [ns.pods, ns.data.volumes, `${ns.pvcs}${ns.missingPvcs ? `, ${ns.missingPvcs} missing` : ''}`, ns.data.actions['fs-backup'], ns.data.actions.skip, ns.skippedPvcVolumes];
    for (const [i, value] of expected.entries()) await expect(row.getByRole('cell').nth(i)).toHaveText(String(value));
  }
  await expect(page.getByLabel('Totals')).toContainText(`${api.totals.data.actions['fs-backup'].toLocaleString('en-US')} fs-backup`);
  await page.getByRole('button', { name: 'Count all volumes' }).click();
  await expect(page.getByLabel('Totals')).toContainText(`${api.totals.actions['fs-backup'].toLocaleString('en-US')} fs-backup`);
  await page.screenshot({ path: test.info().outputPath('overview.png'), fullPage: true });
});

test('namespaces with a skipped claim come first and the table sorts and filters', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/[?&]schedule=/); // the overview opens on a schedule: let that redirect settle
  const table = page.getByRole('table', { name: 'Namespaces' });
  const first = table.getByRole('rowheader').first();
  await expect(first).toContainText('PVC skipped');
  await table.getByRole('button', { name: 'Pods' }).click();
  await expect(table.getByRole('columnheader', { name: /Pods/ })).toHaveAttribute('aria-sort', 'descending');
  await page.getByLabel('Filter namespaces').fill('WIK');
  await expect(table.getByRole('rowheader')).toHaveCount(1);
  await expect(page).toHaveURL(/filter=WIK/);
  await expect(page).toHaveURL(/sort=pods/);
  await page.reload();
  await expect(table.getByRole('rowheader')).toHaveCount(1);
  await expect(table.getByRole('columnheader', { name: /Pods/ })).toHaveAttribute('aria-sort', 'descending');
});

test('"/" focuses the search, which finds a volume and links to it', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/[?&]schedule=/); // the overview opens on a schedule: let that redirect settle
  const search = page.getByRole('combobox', { name: 'Search namespaces, pods, PVCs and volumes' });
  // The shortcut is live once the page has hydrated; keep pressing until it is.
  await expect(async () => {
    await page.keyboard.press('/');
    await expect(search).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await search.fill('WIKI-media');
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: /wiki\/wiki-editor-0/ }).click();
  await expect(page).toHaveURL(/\/namespaces\/wiki\?.*pod=wiki-editor-0/);
  await expect(page.getByRole('complementary', { name: 'Details' })).toContainText('sharedPvcOtherPod');
});
