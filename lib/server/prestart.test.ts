// The read at server start against the demo cluster: with the server's identity the scan is in flight before
// any request and the first request gets that same scan; in token mode nothing is read before a login.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seededCluster } from '../demo/scenarios';
import { startDemoCluster } from '../demo/server';
import type { DemoCluster } from '../demo/types';
import { prestartServerScan } from './prestart';
import { getScanner } from './scanner';

let demo: DemoCluster;
const held = globalThis as typeof globalThis & { __backupLensScanners?: unknown; __backupLensAuth?: unknown };

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-lens-prestart-'));
  demo = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: path.join(dir, 'kubeconfig') });
  Object.assign(process.env, { KUBECONFIG: demo.kubeconfigPath, BACKUP_LENS_CONTEXT: '', BACKUP_LENS_WATCH: '0' });
});
afterAll(() => demo.close());
beforeEach(() => {
  delete held.__backupLensScanners;
  delete held.__backupLensAuth;
});

const listsRead = () => demo.requests.filter((r) => r.url.startsWith('/api/v1/pods?')).length;

describe('reading the cluster at server start', () => {
  it('starts the server identity’s scan before any request, and the first request is answered from it', async () => {
    process.env.BACKUP_LENS_AUTH = 'none';
    const before = listsRead();
    expect(await prestartServerScan()).toEqual({ started: true });
    const server = await getScanner({ kind: 'anyone' });
    if ('error' in server) throw new Error(server.error.message);
    expect(server.scanner.progress().state).toBe('reading');
    const scan = await server.scanner.get();
    expect(scan.snapshot.pods.length).toBe(seededCluster().pods.length);
    expect(listsRead() - before).toBe(1);
  });

  it('reads nothing in token mode, where no user has an identity yet', async () => {
    process.env.BACKUP_LENS_AUTH = 'token';
    const before = listsRead();
    expect(await prestartServerScan()).toEqual({ started: false, why: 'token mode: each user reads with their own token' });
    expect(listsRead()).toBe(before);
    expect(held.__backupLensScanners).toBeUndefined();
  });
});
