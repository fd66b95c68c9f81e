// Page object of /namespaces/[namespace]: the graph, the Volumes table, its filters and the detail panel, by role.
import { expect, type Locator, type Page } from '@playwright/test';

export class NamespacePage {
  readonly volumes: Locator;
  readonly details: Locator;
  readonly mode: Locator;
  readonly filter: Locator;
  readonly graph: Locator;

  constructor(readonly page: Page) {
    this.volumes = page.getByRole('table', { name: 'Volumes' });
    this.details = page.getByRole('complementary', { name: 'Details' });
    this.mode = page.getByRole('combobox', { name: 'fs-backup mode' });
    this.filter = page.getByRole('searchbox', { name: 'Filter volumes' });
    this.graph = page.getByTestId('graph-frame');
  }

  async open(namespace: string, query = ''): Promise<void> {
    await this.page.goto(`/namespaces/${namespace}${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: `Namespace ${namespace}` })).toBeVisible();
  }

  /** Waits until the graph is laid out and drawn. */
  async graphDrawn(): Promise<void> {
    await expect(this.graph.locator('[data-graph-node]').first()).toBeVisible();
  }

  /** The row of a pod volume: pod and volume cells, exactly. */
  row(pod: string, volume: string): Locator {
    return this.volumes.getByRole('row').filter({ has: this.page.getByRole('cell', { name: pod, exact: true }) }).filter({ has: this.page.getByRole('cell', { name: volume, exact: true }) });
  }

  async expectVerdict(pod: string, volume: string, action: 'fs-backup' | 'skip', reason: string): Promise<void> {
    const row = this.row(pod, volume);
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell', { name: reason, exact: true })).toBeVisible();
    await expect(row.getByText(action, { exact: true })).toBeVisible();
  }

  async select(pod: string, volume: string): Promise<void> {
    await this.row(pod, volume).getByRole('button', { name: volume, exact: true }).click();
    await this.expectSelected(pod, volume);
  }

  async expectSelected(pod: string, volume: string): Promise<void> {
    await expect(this.details.getByRole('heading', { name: `Volume ${volume} of pod ${pod}` })).toBeVisible();
  }
}
