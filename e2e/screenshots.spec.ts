// README screenshots (docs/screenshots): light and dark, 1440 and 1024 wide. Run with UPDATE_SCREENSHOTS=1.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { NamespacePage } from './pages/namespace-page';

const DIR = path.join(__dirname, '..', 'docs', 'screenshots');

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1440, 1024]) {
    test(`README screenshots, ${colorScheme}, ${width} wide`, async ({ page }) => {
      test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh docs/screenshots');
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      await expect(page.getByRole('table', { name: 'Namespaces' })).toBeVisible();
      await page.screenshot({ path: path.join(DIR, `overview-${colorScheme}-${width}.png`) });
      const ns = new NamespacePage(page);
      await ns.open('mistakes', '?pod=api-0&volume=cache');
      await ns.graphDrawn();
      await ns.expectSelected('api-0', 'cache');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(DIR, `namespace-${colorScheme}-${width}.png`) });
      await ns.open('shards');
      await ns.graphDrawn();
      await page.screenshot({ path: path.join(DIR, `big-namespace-${colorScheme}-${width}.png`) });
    });
  }
}
