import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateCluster } from '../demo/generate';
import { seededCluster } from '../demo/scenarios';
import { startDemoCluster } from '../demo/server';
import type { DemoCluster } from '../demo/types';
import { loadAccess, type ClusterAccess } from './kubeconfig';
import { readSnapshot } from './snapshot';
import { createTransport } from './transport';

const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-lens-k8s-'));

function accessFor(demo: DemoCluster, name = 'kubeconfig'): ClusterAccess {
  const file = path.join(dir, name);
  writeFileSync(file, demo.kubeconfigYaml);
  const access = loadAccess({ env: { KUBECONFIG: file } });
  if (access.kind !== 'access') throw new Error(access.message);
  return access;
}

describe('snapshot against the demo cluster', () => {
  let demo: DemoCluster;
  let access: ClusterAccess;
  beforeAll(async () => {
    demo = await startDemoCluster({ objects: generateCluster({ pods: 1200, namespaces: 6, seed: 7 }), kubeconfigPath: null });
    access = accessFor(demo);
  });
  afterAll(() => demo.close());
  beforeEach(() => {
    demo.setFaults({});
    demo.requests.length = 0;
  });

  it('reads every pod with cluster-wide lists in pages of 500 and nothing per namespace', async () => {
    const snapshot = await readSnapshot(await createTransport(access.kc));
    expect(snapshot.pods).toHaveLength(1200 + snapshot.pods.filter((p) => p.metadata?.namespace === 'velero').length);
    const podPages = demo.requests.filter((r) => r.url.startsWith('/api/v1/pods?'));
    expect(podPages.map((r) => r.url.includes('limit=500'))).toEqual(podPages.map(() => true));
    expect(podPages.length).toBe(Math.ceil(snapshot.pods.length / 500));
    expect(demo.requests.filter((r) => r.url.startsWith('/api/v1/namespaces/')).map((r) => r.url.split('?')[0])).toEqual(['/api/v1/namespaces/velero/configmaps']);
    expect(demo.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(snapshot.incomplete).toEqual([]);
    expect(snapshot.requests).toBe(demo.requests.length);
  });

  it('drops managedFields and unused annotations on arrival', async () => {
    const snapshot = await readSnapshot(await createTransport(access.kc));
    const pod = snapshot.pods[0] as Record<string, unknown> & { metadata: Record<string, unknown> };
    expect(pod.metadata.managedFields).toBeUndefined();
    expect(JSON.stringify(snapshot.pods)).not.toContain('"image"');
  });

  it('restarts a list whose continue token expired (410)', async () => {
    demo.setFaults({ expireContinue: 1 });
    const snapshot = await readSnapshot(await createTransport(access.kc));
    const podPages = demo.requests.filter((r) => r.url.startsWith('/api/v1/pods?'));
    expect(podPages.filter((r) => r.status === 410)).toHaveLength(1);
    expect(new Set(snapshot.pods.map((p) => p.metadata?.uid)).size).toBe(snapshot.pods.length);
    expect(snapshot.pods.length).toBeGreaterThan(1200);
  });

  it('retries 429 after Retry-After and 500 with backoff', async () => {
    demo.setFaults({ tooManyRequests: 2, retryAfterSeconds: 0, serverErrors: 1 });
    const snapshot = await readSnapshot(await createTransport(access.kc), { backoffMs: 5 });
    expect(demo.requests.filter((r) => r.status === 429)).toHaveLength(2);
    expect(demo.requests.filter((r) => r.status === 500)).toHaveLength(1);
    expect(snapshot.incomplete).toEqual([]);
  });
});

describe('partial reads', () => {
  let demo: DemoCluster;
  let access: ClusterAccess;
  beforeAll(async () => {
    demo = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: null });
    access = accessFor(demo, 'seeded');
  });
  afterAll(() => demo.close());

  it('falls back to per-namespace lists when cluster-wide lists are forbidden and names what it could not read', async () => {
    demo.setFaults({ forbidClusterWide: ['pods', 'persistentvolumeclaims'], forbidNamespaces: ['locked'] });
    demo.requests.length = 0;
    const snapshot = await readSnapshot(await createTransport(access.kc));
    expect(snapshot.pods.some((p) => p.metadata?.namespace === 'wiki')).toBe(true);
    expect(snapshot.pods.some((p) => p.metadata?.namespace === 'locked')).toBe(false);
    expect(snapshot.incomplete).toEqual([
      expect.objectContaining({ resource: 'persistentvolumeclaims', namespace: 'locked', status: 403 }),
      expect.objectContaining({ resource: 'pods', namespace: 'locked', status: 403, message: expect.stringContaining('cannot list resource "pods"') }),
    ]);
    expect(demo.requests.filter((r) => r.url.startsWith('/api/v1/namespaces/wiki/pods'))).toHaveLength(1);
  });

  it('keeps going when PersistentVolumes cannot be listed', async () => {
    demo.setFaults({ forbidClusterWide: ['persistentvolumes'] });
    const snapshot = await readSnapshot(await createTransport(access.kc));
    expect(snapshot.pvs).toEqual([]);
    expect(snapshot.incomplete).toEqual([expect.objectContaining({ resource: 'persistentvolumes', namespace: null, status: 403 })]);
    expect(snapshot.pods.length).toBeGreaterThan(20);
  });

  it('rejects with the 401 when credentials are refused, without retrying', async () => {
    demo.setFaults({ rejectAllTokens: true });
    demo.requests.length = 0;
    await expect(readSnapshot(await createTransport(access.kc))).rejects.toMatchObject({ status: 401 });
    // Four core lists, discovery and the Velero namespace's three core/apps lists: each once, none retried.
    expect(demo.requests.filter((r) => r.status === 401)).toHaveLength(8);
  });
});
