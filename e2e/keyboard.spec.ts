import { expect, test, type Page } from '@playwright/test';
import { NamespacePage } from './pages/namespace-page';

/** Presses keys one at a time and counts them. */
function keyboard(page: Page) {
  let presses = 0;
  return {
    async press(key: string, times = 1) {
      for (let i = 0; i < times; i++) {
        presses++;
        await page.keyboard.press(key);
      }
    },
    get presses() {
      return presses;
    },
  };
}

test('keyboard only: overview → a namespace → a volume\'s explanation → change the mode, within 20 key presses', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/[?&]schedule=/); // the overview opens on a schedule: let that redirect settle
  const table = page.getByRole('table', { name: 'Namespaces' });
  await expect(table).toBeVisible();
  await page.waitForLoadState('networkidle');
  const keys = keyboard(page);
  const first = (await table.getByRole('rowheader').first().getByRole('link').textContent()) ?? '';

  await keys.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the namespaces' })).toBeFocused();
  await keys.press('Enter');
  await expect(table.getByRole('link', { name: first, exact: true })).toBeFocused();
  await keys.press('Enter');
  const ns = new NamespacePage(page);
  await expect(page.getByRole('heading', { level: 1, name: `Namespace ${first}` })).toBeVisible();
  await page.waitForLoadState('networkidle');

  await keys.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the volumes' })).toBeFocused();
  await keys.press('Enter');
  const firstRow = ns.volumes.locator('tbody tr').first();
  await expect(firstRow).toBeFocused();
  await keys.press('ArrowDown');
  const second = ns.volumes.locator('tbody tr').nth(1);
  await expect(second).toBeFocused();
  await keys.press('Enter');
  const pod = (await second.locator('td').first().textContent()) ?? '';
  const volume = (await second.locator('td').nth(1).textContent()) ?? '';
  await ns.expectSelected(pod, volume);
  const explanation = (await second.locator('td').last().textContent()) ?? '';
  await expect(ns.details.getByRole('region', { name: 'Verdict' })).toContainText(explanation);

  await keys.press('Tab');
  await expect(ns.details.getByRole('button', { name: 'See this volume in opt-out mode' })).toBeFocused();
  await keys.press('Enter');
  await expect(ns.mode).toHaveValue('opt-out');
  await expect(page).toHaveURL(/defaultVolumesToFsBackup=true/);
  console.log(`route walked in ${keys.presses} key presses`);
  expect(keys.presses).toBeLessThanOrEqual(20);
});

test('below 1280 px the detail panel is a drawer in view, takes focus, and gives it back on close', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const ns = new NamespacePage(page);
  await ns.open('mistakes');
  await page.waitForLoadState('networkidle');
  const button = ns.row('api-0', 'cache').getByRole('button', { name: 'cache', exact: true });
  await button.click();
  const heading = ns.details.getByRole('heading', { name: 'Volume cache of pod api-0' });
  await expect(heading).toBeFocused();
  const box = await ns.details.boundingBox();
  expect(box && box.y >= 0 && box.y < 768).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(heading).toBeHidden();
  await expect(ns.row('api-0', 'cache')).toBeFocused().catch(async () => expect(button).toBeFocused());
});
