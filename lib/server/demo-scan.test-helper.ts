// Test helper: the seeded demo cluster served by the real demo server, read through the real client into a Scan,
// as the routes see it. Used by the end-to-end-through-the-client tests of lib/server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDemoCluster } from '../demo/server';
import type { DemoCluster } from '../demo/types';
import { loadAccess } from '../k8s/kubeconfig';
import { readSnapshot } from '../k8s/snapshot';
import { createTransport } from '../k8s/transport';
import { makeScan, type Scan } from '../scan';

export async function demoScan(durationMs = 0): Promise<{ demo: DemoCluster; scan: Scan }> {
  const demo = await startDemoCluster({ kubeconfigPath: null });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backup-lens-demo-scan-')), 'config');
  writeFileSync(file, demo.kubeconfigYaml);
  const access = loadAccess({ env: { KUBECONFIG: file } });
  if (access.kind !== 'access') throw new Error(access.message);
  const snapshot = await readSnapshot(await createTransport(access.kc), { backoffMs: 5 });
  const scan = makeScan({ context: 'demo', server: demo.url, demo: true }, { snapshot, requests: snapshot.requests }, new Date(), durationMs);
  return { demo, scan };
}
