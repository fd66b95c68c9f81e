import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { NamespacePage } from './pages/namespace-page';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test('the overview has no WCAG 2 A/AA violation', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('table', { name: 'Namespaces' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('a namespace page has no WCAG 2 A/AA violation', async ({ page }) => {
      const ns = new NamespacePage(page);
      await ns.open('mistakes');
      await ns.graphDrawn();
      expect(await violations(page)).toEqual([]);
    });

    test('a page with a volume selected has no WCAG 2 A/AA violation', async ({ page }) => {
      const ns = new NamespacePage(page);
      await ns.open('mistakes', '?pod=api-0&volume=cache');
      await ns.graphDrawn();
      await ns.expectSelected('api-0', 'cache');
      expect(await violations(page)).toEqual([]);
    });
  });
}
