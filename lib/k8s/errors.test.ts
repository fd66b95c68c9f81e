import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { seededCluster } from '../demo/scenarios';
import { startDemoCluster } from '../demo/server';
import type { DemoCluster } from '../demo/types';
import { describeClusterError } from './errors';
import { loadAccess, type ClusterAccess } from './kubeconfig';
import { readSnapshot } from './snapshot';
import { createTransport } from './transport';

const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-lens-errors-'));

function access(yamlText: string, name: string): ClusterAccess {
  const file = path.join(dir, name);
  writeFileSync(file, yamlText);
  const result = loadAccess({ env: { KUBECONFIG: file } });
  if (result.kind !== 'access') throw new Error(result.message);
  return result;
}

async function scanError(a: ClusterAccess) {
  try {
    await readSnapshot(await createTransport(a.kc), { backoffMs: 1 });
  } catch (error) {
    return describeClusterError(error, { server: a.server, context: a.context, user: a.user });
  }
  throw new Error('the scan succeeded');
}

describe('kubeconfig loading', () => {
  it('says plainly that there is no kubeconfig instead of falling back to localhost:8080', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'backup-lens-home-'));
    const result = loadAccess({ env: {}, home });
    expect(result).toMatchObject({ kind: 'noKubeconfig', message: expect.stringContaining(path.join(home, '.kube', 'config')) });
  });

  it('names a KUBECONFIG that points at a missing file', () => {
    expect(loadAccess({ env: { KUBECONFIG: '/nonexistent/kubeconfig' } })).toMatchObject({ kind: 'noKubeconfig', message: expect.stringContaining('/nonexistent/kubeconfig') });
  });

  it('rejects a context that does not exist', () => {
    const file = path.join(dir, 'ctx');
    writeFileSync(file, stringify({ apiVersion: 'v1', kind: 'Config', clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:1' } }], users: [{ name: 'u', user: { token: 't' } }], contexts: [{ name: 'prod', context: { cluster: 'c', user: 'u', namespace: 'team-a' } }], 'current-context': 'prod' }));
    expect(loadAccess({ env: { KUBECONFIG: file, BACKUP_LENS_CONTEXT: 'staging' } })).toMatchObject({ kind: 'config', hint: expect.stringContaining('prod') });
    expect(loadAccess({ env: { KUBECONFIG: file } })).toMatchObject({ kind: 'access', context: 'prod', server: 'https://127.0.0.1:1', namespace: 'team-a' });
  });
});

describe('cluster errors as operators read them', () => {
  let demo: DemoCluster;
  beforeAll(async () => {
    demo = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: null });
  });
  afterAll(() => demo.close());

  it('names the server and the cause when nothing listens there', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const config = parse(demo.kubeconfigYaml) as { clusters: Array<{ cluster: { server: string } }> };
    (config.clusters[0] as { cluster: { server: string } }).cluster.server = `https://127.0.0.1:${port}`;
    const error = await scanError(access(stringify(config), 'closed'));
    expect(error).toMatchObject({ kind: 'unreachable', server: `https://127.0.0.1:${port}` });
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain('fetch failed');
  });

  it('reports a certificate the kubeconfig does not trust as a TLS problem', async () => {
    const config = parse(demo.kubeconfigYaml) as { clusters: Array<{ cluster: Record<string, string> }> };
    delete (config.clusters[0] as { cluster: Record<string, string> }).cluster['certificate-authority-data'];
    const error = await scanError(access(stringify(config), 'no-ca'));
    expect(error.kind).toBe('tls');
    expect(error.hint).toContain('certificate-authority');
  });

  it('says the credentials were rejected on 401, naming the context and user', async () => {
    demo.setFaults({ rejectAllTokens: true });
    const error = await scanError(access(demo.kubeconfigYaml, 'rejected'));
    demo.setFaults({});
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, context: 'backup-lens-demo' });
    expect(error.message).toContain('user demo');
  });

  it('reports 403 on every list with the verb and resource from the Status', async () => {
    demo.setFaults({ forbidClusterWide: ['pods', 'namespaces'] });
    const a = access(demo.kubeconfigYaml, 'forbidden');
    const snapshot = await readSnapshot(await createTransport(a.kc));
    demo.setFaults({});
    expect(snapshot.incomplete).toEqual([
      expect.objectContaining({ resource: 'namespaces', namespace: null, status: 403, message: expect.stringContaining('cannot list resource "namespaces"') }),
      expect.objectContaining({ resource: 'pods', namespace: null, status: 403 }),
    ]);
  });
});
