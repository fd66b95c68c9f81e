import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCluster } from '../demo/generate';
import { startDemoCluster } from '../demo/server';
import type { DemoCluster } from '../demo/types';
import { loadAccess } from './kubeconfig';
import { readSnapshot } from './snapshot';
import { createTransport } from './transport';

describe('scan progress against the demo cluster', () => {
  let demo: DemoCluster;
  beforeAll(async () => {
    demo = await startDemoCluster({ objects: generateCluster({ pods: 1200, namespaces: 3, seed: 3 }), kubeconfigPath: null });
  });
  afterAll(() => demo.close());

  it('reports every page of every cluster-wide list, ending with nothing left', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backup-lens-progress-')), 'kubeconfig');
    writeFileSync(file, demo.kubeconfigYaml);
    const access = loadAccess({ env: { KUBECONFIG: file } });
    if (access.kind !== 'access') throw new Error(access.message);
    const events: Array<[string, number, number | null]> = [];
    const snapshot = await readSnapshot(await createTransport(access.kc), { onListProgress: (resource, read, remaining) => events.push([resource, read, remaining]) });
    const pods = events.filter(([resource]) => resource === 'pods');
    expect(pods.map(([, read]) => read)).toEqual([500, 1000, snapshot.pods.length]);
    expect(pods.at(-1)?.[2]).toBe(0);
    // The demo server sends no remainingItemCount, so pages before the last have no estimate.
    expect(pods[0]?.[2]).toBeNull();
    expect(new Set(events.map(([resource]) => resource))).toEqual(new Set(['namespaces', 'pods', 'persistentvolumeclaims', 'persistentvolumes']));
  });
});
