import { expect, test, type Page } from '@playwright/test';

// A page whose server HTML differs from the browser's first render (a clock, a locale) makes React throw the
// server's HTML away: a flash, a long task, and whatever the user typed meanwhile is gone. A slowed-down CPU
// widens the window the way a slow laptop does.
async function slowCpu(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

const pages = ['/?schedule=all-but-scratch', '/namespaces/shards', '/namespaces/shop?pod=postgres-0&volume=data', '/namespaces/mistakes', '/schedules', '/coverage'];
for (const path of pages) {
  test(`${path} hydrates without an error`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await slowCpu(page, path === '/coverage' ? 1 : 4);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForTimeout(1500); // the header's clock has ticked past the server's second by now
    expect(errors).toEqual([]);
  });
}

test('what is typed into the search while the page hydrates is kept and searched', async ({ page }) => {
  await slowCpu(page, 4);
  await page.goto('/?schedule=all-but-scratch', { waitUntil: 'domcontentloaded' });
  const search = page.getByRole('combobox', { name: 'Search namespaces, pods, PVCs and volumes' });
  await search.fill('Shards');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText('namespace');
  await expect(search).toHaveValue('Shards');
});
