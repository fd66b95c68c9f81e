import { expect, test, type Page } from '@playwright/test';
import type { NamespacesResponse } from '../lib/api/types';
import { NamespacePage } from './pages/namespace-page';

/** The graph's default view as drawn: viewport scale, on-screen font sizes, and labels that sit on nodes. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('[data-graph-viewport]');
    const scale = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 0;
    const sizes = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)].map((el) => parseFloat(getComputedStyle(el).fontSize) * scale);
    const rect = (el: Element) => el.getBoundingClientRect();
    const nodes = [...document.querySelectorAll('[data-graph-node]')].map(rect);
    const labels = [...document.querySelectorAll('[data-graph-label]')];
    const onNodes = labels.filter((l) => nodes.some((n) => { const r = rect(l); return r.left < n.right - 1 && n.left < r.right - 1 && r.top < n.bottom - 1 && n.top < r.bottom - 1; })).map((l) => l.textContent);
    const edges = document.querySelectorAll('[data-graph-edge]').length;
    return { scale, names: sizes('.graph-name'), secondary: sizes('.graph-secondary'), onNodes, labels: labels.length, edges };
  });
}

test('every namespace graph is legible at its default view: names ≥ 12 px, secondary text ≥ 10.5 px, no label on a node', async ({ page, request }) => {
  test.setTimeout(180_000);
  const api = (await (await request.get('/api/v1/namespaces')).json()) as NamespacesResponse;
  const names = api.namespaces.filter((n) => n.pods > 0).map((n) => n.name);
  expect(names).toContain('shards');
  const ns = new NamespacePage(page);
  const report: string[] = [];
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    for (const name of names) {
      await ns.open(name, '?volumes=all');
      await ns.graphDrawn();
      const m = await measure(page);
      report.push(`${width} ${name}: scale ${m.scale.toFixed(2)}, names ≥ ${Math.min(...m.names).toFixed(1)} px, secondary ≥ ${Math.min(...m.secondary).toFixed(1)} px`);
      expect(m.names.length, name).toBeGreaterThan(0);
      expect(Math.min(...m.names), `${name} at ${width}`).toBeGreaterThanOrEqual(12);
      expect(Math.min(...m.secondary), `${name} at ${width}`).toBeGreaterThanOrEqual(10.5);
      expect(m.onNodes, name).toEqual([]);
      // Every volume edge is drawn, with its label.
      const graph = (await (await request.get(`/api/v1/graph?namespace=${name}`)).json()) as { edges: Array<{ kind: string }> };
      if (name !== 'shards') {
        expect(m.labels, name).toBe(graph.edges.filter((e) => e.kind === 'volume').length);
        expect(m.edges, name).toBe(graph.edges.length);
      }
    }
  }
  await test.info().attach('graph-legibility.txt', { body: report.join('\n') });
  console.log(report.join('\n'));
});

test('the 2,000-claim namespace is drawn grouped by controller and a group expands', async ({ page }) => {
  const ns = new NamespacePage(page);
  await ns.open('shards');
  await ns.graphDrawn();
  const group = ns.graph.getByRole('button', { name: /^StatefulSet shard: 2000 pods/ });
  await expect(group).toBeVisible();
  await expect(page.getByRole('figure')).toContainText('grouped by their controller');
  await group.click();
  await expect(page).toHaveURL(/expand=StatefulSet%2Fshard/);
  await expect(ns.graph.getByRole('button', { name: /^pod shard-0,/ })).toBeVisible();
  const m = await measure(page);
  expect(Math.min(...m.names)).toBeGreaterThanOrEqual(12);
});

test('keyboard in the graph: one tab stop, arrows move, Enter selects, nothing offers to move or delete', async ({ page }) => {
  const ns = new NamespacePage(page);
  await ns.open('shop');
  await ns.graphDrawn();
  const tabStops = await ns.graph.locator('[tabindex="0"]').count();
  expect(tabStops).toBe(1);
  await ns.graph.locator('[tabindex="0"]').focus();
  await expect(ns.graph.locator('[data-item]:focus')).toHaveAttribute('data-item', 'ns:shop');
  await page.keyboard.press('ArrowRight');
  const focused = ns.graph.locator('[data-item]:focus');
  const outline = await focused.evaluate((el) => parseFloat(getComputedStyle(el).outlineWidth));
  expect(outline).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('ArrowRight');
  await expect(ns.graph.locator('[data-item]:focus')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/pod=/);
  await expect(ns.details.getByRole('heading', { level: 2 })).toBeVisible();
  const described = await ns.graph.evaluate((frame) => (frame.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
  expect(described).toContain('Nothing can be moved or deleted');
  expect(described).not.toMatch(/press delete|move the node around/i);
  expect(await page.locator('[aria-roledescription="node"][draggable="true"]').count()).toBe(0);
});

test('the graph pans by dragging its background and zooms with its buttons; a click on the background clears the selection', async ({ page }) => {
  const ns = new NamespacePage(page);
  await ns.open('batch', '?volumes=all');
  await ns.graphDrawn();
  const view = () => ns.graph.locator('[data-graph-viewport]').evaluate((el) => { const m = new DOMMatrixReadOnly(getComputedStyle(el).transform); return { x: m.e, y: m.f, zoom: m.a }; });
  const before = await view();
  const frame = await ns.graph.boundingBox();
  if (!frame) throw new Error('no graph frame');
  // Press on an empty spot at the frame's top-left corner, drag 120 px right and 40 px down.
  const spot = { x: frame.x + 6, y: frame.y + 6 };
  await page.mouse.move(spot.x, spot.y);
  await page.mouse.down();
  await page.mouse.move(spot.x + 60, spot.y + 20, { steps: 4 });
  await page.mouse.move(spot.x + 120, spot.y + 40, { steps: 4 });
  await page.mouse.up();
  const panned = await view();
  expect(panned.x).toBeCloseTo(before.x + 120, 0);
  expect(panned.y).toBeCloseTo(before.y + 40, 0);
  expect(panned.zoom).toBe(before.zoom);
  await ns.graph.getByRole('button', { name: 'Zoom in' }).click();
  expect((await view()).zoom).toBeCloseTo(before.zoom * 1.2, 5);
  await ns.graph.getByRole('button', { name: 'Fit the whole graph' }).click();
  // Fitted: every node is inside the frame.
  const outside = await ns.graph.evaluate((el) => {
    const f = el.getBoundingClientRect();
    return [...el.querySelectorAll('[data-graph-node]')].filter((n) => { const r = n.getBoundingClientRect(); return r.left < f.left - 1 || r.right > f.right + 1 || r.top < f.top - 1 || r.bottom > f.bottom + 1; }).length;
  });
  expect(outside).toBe(0);
  // A node selects; a click (no drag) on the background clears the selection.
  await ns.graph.locator('[data-graph-node][data-item^="pod:"]').first().click();
  await expect(page).toHaveURL(/pod=/);
  await page.mouse.click(spot.x, spot.y);
  await expect(page).not.toHaveURL(/pod=/);
});
