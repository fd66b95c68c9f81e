// The server's source after a 401, against the demo cluster: the kubeconfig is loaded again and the read tried
// once more; a second 401 is shown as before.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededCluster } from '../demo/scenarios';
import { demoKubeconfig, startDemoCluster } from '../demo/server';
import type { DemoCluster } from '../demo/types';
import { loadAccess } from './kubeconfig';
import { refreshingSource, type LoadedCluster } from './refreshing-source';

let demo: DemoCluster;
beforeAll(async () => {
  demo = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: null });
});
afterAll(() => demo.close());

function setup(token: string) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backup-lens-refresh-')), 'config');
  const write = (t: string) => writeFileSync(file, demoKubeconfig(demo.url, demo.caPem, t));
  write(token);
  let loads = 0;
  const load = (): LoadedCluster => {
    loads++;
    const access = loadAccess({ env: { KUBECONFIG: file }, home: file });
    if (access.kind !== 'access') throw new Error(access.message);
    return { access, cluster: { context: access.context, server: access.server, demo: false } };
  };
  const initial = load();
  return { write, initial, load, loads: () => loads };
}

describe('the server’s cluster source after a 401', () => {
  it('loads the kubeconfig again and reads with its new credentials in the same read', async () => {
    const { write, initial, load, loads } = setup('a-token-that-has-been-revoked');
    const source = refreshingSource(initial, load, { BACKUP_LENS_WATCH: '0' });
    write(demo.token); // the user logged in again
    const before = demo.requests.length;
    const { snapshot } = await source.read();
    expect(snapshot.namespaces.map((n) => n.metadata?.name)).toContain('wiki');
    expect(loads()).toBe(2);
    expect(demo.requests.slice(before).filter((r) => r.status === 401).length).toBeGreaterThan(0);
  });

  it('shows the 401 as before when the fresh credentials are refused too', async () => {
    const { initial, load, loads } = setup(demo.token);
    const source = refreshingSource(initial, load, { BACKUP_LENS_WATCH: '0' });
    demo.setFaults({ rejectAllTokens: true });
    const error = await source.read().catch((e: unknown) => e);
    demo.setFaults({});
    expect(loads()).toBe(2);
    expect(source.describeError(error)).toMatchObject({ kind: 'unauthorized', status: 401, context: 'backup-lens-demo' });
  });

  it('does not load again for other errors', async () => {
    const { initial, load, loads } = setup(demo.token);
    const source = refreshingSource(initial, load, { BACKUP_LENS_WATCH: '0' });
    demo.setFaults({ serverErrors: 100 });
    const error = await source.read().catch((e: unknown) => e);
    demo.setFaults({});
    expect(source.describeError(error)).toMatchObject({ kind: 'server', status: 500 });
    expect(loads()).toBe(1);
  });
});
