import { expect, test } from '@playwright/test';
import { demoControl } from './pages/control';
import { NamespacePage } from './pages/namespace-page';

test('shows Velero\'s verdicts for the shared wiki claims, and toggling the mode changes them', async ({ page }) => {
  const ns = new NamespacePage(page);
  await ns.open('wiki');
  await ns.expectVerdict('wiki-api-0', 'pages', 'fs-backup', 'optedIn');
  await ns.expectVerdict('wiki-indexer-0', 'media', 'fs-backup', 'optedIn');
  await ns.expectVerdict('wiki-editor-0', 'media', 'skip', 'sharedPvcOtherPod');
  await expect(page.getByRole('figure')).toContainText('shared by 2 pods');
  await page.screenshot({ path: test.info().outputPath('namespace-wiki.png'), fullPage: true });

  await ns.open('shop');
  await ns.expectVerdict('redis-0', 'cache', 'skip', 'notOptedIn');
  await ns.mode.selectOption('opt-out');
  await expect(page).toHaveURL(/defaultVolumesToFsBackup=true/);
  await ns.expectVerdict('redis-0', 'cache', 'skip', 'optedOut');
  await ns.expectVerdict('postgres-0', 'data', 'fs-backup', 'defaultFsBackup');
  await page.getByRole('checkbox', { name: 'PVCs excluded from the backup' }).check();
  await ns.expectVerdict('postgres-0', 'data', 'skip', 'pvcExcluded');
});

test('the detail panel shows the raw annotation, the decisive check and the lint finding', async ({ page }) => {
  const ns = new NamespacePage(page);
  await ns.open('mistakes');
  await ns.select('api-0', 'cache');
  await expect(ns.details).toContainText('"data, cache"');
  await expect(ns.details.getByRole('listitem').filter({ hasText: 'stops here (decisive)' })).toContainText('B11');
  await expect(ns.details).toContainText("' cache' keeps its whitespace, so Velero will not match volume 'cache'");
  await ns.select('worker-0', 'data');
  await expect(ns.details).toContainText("is a claim name, not a volume name: use volume name 'data'");
  await page.screenshot({ path: test.info().outputPath('namespace-mistakes.png'), fullPage: true });
});

test('a deep link reproduces the view: mode, filters and selection', async ({ page }) => {
  const ns = new NamespacePage(page);
  await ns.open('batch', '?defaultVolumesToFsBackup=true&verdict=skip&reason=notMounted&pod=log-shipper-0&volume=logs');
  await expect(ns.mode).toHaveValue('opt-out');
  await expect(page.getByRole('combobox', { name: 'Filter by reason' })).toHaveValue('notMounted');
  await expect(ns.volumes.getByRole('row')).toHaveCount(3);
  await expect(ns.details).toContainText('Mounted only by init containers');
  await expect(ns.details).toContainText('fluent-bit');
});

test('a forbidden namespace shows a notice and the rest of the cluster', async ({ page }) => {
  await demoControl.setFaults({ forbidClusterWide: ['pods', 'persistentvolumeclaims'], forbidNamespaces: ['locked'] });
  try {
    await page.goto('/?refresh=1');
    await page.getByRole('button', { name: 'Refresh' }).click();
    const notice = page.getByRole('status', { name: 'Partial read' });
    await expect(notice).toContainText('locked');
    await expect(notice).toContainText('403');
    await expect(page.getByRole('table', { name: 'Namespaces' }).getByRole('link', { name: 'wiki', exact: true })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('forbidden.png'), fullPage: true });
  } finally {
    await demoControl.reset();
    await page.request.get('/api/v1/namespaces?refresh=1');
  }
});

test('a change in the cluster reaches the page through the watch', async ({ page }) => {
  const ns = new NamespacePage(page);
  await ns.open('shop');
  await ns.expectVerdict('session-store-0', 'sessions', 'fs-backup', 'optedIn');
  await demoControl.upsert('pods', {
    metadata: { name: 'session-store-0', namespace: 'shop', annotations: { 'backup.velero.io/backup-volumes': 'other' } },
    spec: { nodeName: 'node-a', volumes: [{ name: 'sessions', persistentVolumeClaim: { claimName: 'sessions' } }], containers: [{ name: 'store', volumeMounts: [{ name: 'sessions', mountPath: '/s' }] }] },
    status: { phase: 'Running' },
  });
  await expect(async () => {
    const body = (await (await page.request.get('/api/v1/volumes?namespace=shop')).json()) as { volumes: Array<{ pod: string; volume: string; reason: string }> };
    expect(body.volumes.find((v) => v.pod === 'session-store-0' && v.volume === 'sessions')?.reason).toBe('notOptedIn');
  }).toPass({ timeout: 10_000 });
  await page.reload();
  await ns.expectVerdict('session-store-0', 'sessions', 'skip', 'notOptedIn');
});
