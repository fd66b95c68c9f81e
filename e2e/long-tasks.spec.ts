import { expect, test, type Page } from '@playwright/test';

// Playwright's trace takes DOM snapshots on the page's main thread at every action: off while tasks are counted.
test.use({ trace: 'off' });

// Long tasks are read by a PerformanceObserver in the page. While they are counted the test waits with plain
// CSS selectors: Playwright's role queries compute accessible names on the page's main thread, and their own
// long tasks would be counted too.
async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: Array<[number, number]> };
    w.longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  });
}
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { longTasks: Array<[number, number]> }).longTasks);
const hydratedAt = (page: Page) => page.evaluate(() => performance.getEntriesByName('backup-lens:hydrated')[0]?.startTime ?? null);

test('the 2,000-claim page has no long task over 50 ms once it has booted: drawing its answer and graph, expanding a group', async ({ page, context }) => {
  await observeLongTasks(page);
  await page.goto('/namespaces/shards');
  await page.waitForSelector('[data-graph-node]', { state: 'visible' });
  await page.waitForTimeout(500); // what follows the first drawn node (measuring, the table's rows) counts too
  const hydrated = await hydratedAt(page);
  expect(hydrated).not.toBeNull();
  const loaded = await longTasks(page);
  await page.locator('[data-item="group:StatefulSet/shard"]').click();
  await page.waitForSelector('[data-item="pod:shard-0"]', { state: 'visible' });
  await page.waitForTimeout(500);
  const all = await longTasks(page);
  const boot = loaded.filter(([start]) => start < (hydrated ?? 0));
  const drawing = loaded.filter(([start]) => start >= (hydrated ?? 0));
  const expanding = all.slice(loaded.length);
  // The framework's own boot (script evaluation, hydration) beside that of the smallest page, "Not found".
  const trivial = await context.newPage();
  await observeLongTasks(trivial);
  await trivial.goto('/no-such-page');
  await trivial.waitForSelector('h1');
  await trivial.waitForTimeout(500);
  const trivialBoot = await longTasks(trivial);
  console.log(`long tasks [start ms, duration ms] on /namespaces/shards: boot ${JSON.stringify(boot)} (the Not found page's boot: ${JSON.stringify(trivialBoot)}), after hydration at ${Math.round(hydrated ?? 0)} ms: drawing ${JSON.stringify(drawing)}, expanding ${JSON.stringify(expanding)}`);
  expect([...drawing, ...expanding].filter(([, duration]) => duration > 50)).toEqual([]);
});
