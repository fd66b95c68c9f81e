import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { seededCluster } from '../demo/scenarios';
import { demoKubeconfig, startDemoCluster } from '../demo/server';
import type { DemoCluster } from '../demo/types';
import { loadAccess, withToken, type AccessProblem, type ClusterAccess } from './kubeconfig';
import { createTransport } from './transport';

const tmp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));

function serviceAccountDir(sub: string): string {
  const dir = tmp('backup-lens-sa-');
  const payload = Buffer.from(JSON.stringify({ iss: 'https://kubernetes.default.svc', sub })).toString('base64url');
  writeFileSync(path.join(dir, 'token'), `eyJhbGciOiJSUzI1NiJ9.${payload}.signature`);
  return dir;
}

const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };
afterEach(() => {
  for (const [key, value] of [['KUBERNETES_SERVICE_HOST', saved.host], ['KUBERNETES_SERVICE_PORT', saved.port]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('cluster access', () => {
  it('in a pod, names the service account from its token', () => {
    // client-node's loadFromCluster reads these from process.env itself.
    Object.assign(process.env, { KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' });
    const access = loadAccess({ env: { KUBERNETES_SERVICE_HOST: '10.96.0.1' }, home: tmp('home-'), serviceAccountDir: serviceAccountDir('system:serviceaccount:backup-lens:backup-lens') });
    expect(access.kind === 'access' && [access.source, access.serviceAccount, access.server]).toEqual(['in-cluster', 'backup-lens', 'https://10.96.0.1:443']);
  });

  it('reads the same cluster with a user’s token instead of the kubeconfig’s credentials', async () => {
    const file = path.join(tmp('kubeconfig-'), 'config');
    writeFileSync(file, demoKubeconfig('https://127.0.0.1:6443', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', 'servers-own-token'));
    const access = loadAccess({ env: { KUBECONFIG: file }, home: tmp('home-') });
    if (access.kind !== 'access') throw new Error(access.message);
    const user = withToken(access, 'users-own-token', 'alice');
    expect([user.server, user.context, user.user, user.serviceAccount]).toEqual([access.server, access.context, 'alice', null]);
    const options: { headers: Record<string, string> } = { headers: {} };
    await user.kc.applyToHTTPSOptions(options);
    expect(options.headers.Authorization).toBe('Bearer users-own-token');
  });
});

describe('several kubeconfig files, merged as kubectl merges them', () => {
  let demo: DemoCluster;
  beforeAll(async () => {
    demo = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: null });
  });
  afterAll(() => demo.close());

  const write = (dir: string, name: string, config: Record<string, unknown>) => {
    const file = path.join(dir, name);
    writeFileSync(file, stringify({ apiVersion: 'v1', kind: 'Config', ...config }));
    return file;
  };
  // The first file: the demo cluster as "kubernetes", its CA in a file next to the kubeconfig (a relative path).
  const first = () => {
    const dir = tmp('kubeconfig-a-');
    writeFileSync(path.join(dir, 'ca.pem'), demo.caPem);
    return write(dir, 'config', {
      clusters: [{ name: 'kubernetes', cluster: { server: demo.url, 'certificate-authority': 'ca.pem' } }],
      users: [{ name: 'admin', user: { token: demo.token } }],
      contexts: [{ name: 'demo', context: { cluster: 'kubernetes', user: 'admin', namespace: 'shop' } }],
      'current-context': 'demo',
    });
  };
  // The second: the same cluster and user names for another server and token, and a context of its own.
  const second = () => write(tmp('kubeconfig-b-'), 'config', {
    clusters: [{ name: 'kubernetes', cluster: { server: 'https://127.0.0.1:1', 'insecure-skip-tls-verify': true } }, { name: 'elsewhere', cluster: { server: 'https://127.0.0.1:2' } }],
    users: [{ name: 'admin', user: { token: 'not-the-demo-token' } }],
    contexts: [{ name: 'other', context: { cluster: 'kubernetes', user: 'admin' } }, { name: 'far', context: { cluster: 'elsewhere', user: 'admin' } }],
    'current-context': 'other',
  });
  const namespaces = async (access: ClusterAccess | AccessProblem) => {
    if (access.kind !== 'access') throw new Error(access.message);
    return (await (await createTransport(access.kc)).get('/api/v1/namespaces?limit=1')).status;
  };

  it('takes current-context from the first file that sets it and the first entry of each name, skipping missing files', async () => {
    const [a, b] = [first(), second()];
    const access = loadAccess({ env: { KUBECONFIG: [a, path.join(tmp('none-'), 'missing'), b, a].join(path.delimiter) }, home: tmp('home-') });
    expect(access).toMatchObject({ kind: 'access', context: 'demo', server: demo.url, user: 'admin', namespace: 'shop', paths: [a, b] });
    // The first file's CA (relative to that file, not to the working directory) and token reach the demo cluster.
    expect(await namespaces(access)).toBe(200);
    if (access.kind !== 'access') return;
    expect(access.kc.getContexts().map((c) => c.name)).toEqual(['demo', 'other', 'far']);
    expect(access.kc.getClusters().map((c) => [c.name, c.server])).toEqual([['kubernetes', demo.url], ['elsewhere', 'https://127.0.0.1:2']]);
  });

  it('lets a later file’s context use the first file’s cluster and user of the same names', async () => {
    const access = loadAccess({ env: { KUBECONFIG: [first(), second()].join(path.delimiter), BACKUP_LENS_CONTEXT: 'other' }, home: tmp('home-') });
    expect(access).toMatchObject({ kind: 'access', context: 'other', server: demo.url, namespace: null });
    expect(await namespaces(access)).toBe(200);
    expect(loadAccess({ env: { KUBECONFIG: [first(), second()].join(path.delimiter), BACKUP_LENS_CONTEXT: 'far' }, home: tmp('home-') })).toMatchObject({ kind: 'access', server: 'https://127.0.0.1:2' });
  });

  it('takes a later file’s current-context when the first sets none, and says so when no file exists', () => {
    const a = write(tmp('kubeconfig-c-'), 'config', { clusters: [], users: [], contexts: [] });
    expect(loadAccess({ env: { KUBECONFIG: [a, second()].join(path.delimiter) }, home: tmp('home-') })).toMatchObject({ kind: 'access', context: 'other', server: 'https://127.0.0.1:1' });
    const missing = [path.join(tmp('none-'), 'one'), path.join(tmp('none-'), 'two')] as const;
    expect(loadAccess({ env: { KUBECONFIG: missing.join(path.delimiter) }, home: tmp('home-') })).toMatchObject({ kind: 'noKubeconfig', message: expect.stringContaining(missing[1]) });
  });

  it('names the file whose entry is invalid', () => {
    const bad = write(tmp('kubeconfig-d-'), 'config', { clusters: [{ name: 'c', cluster: {} }], 'current-context': 'x' });
    expect(loadAccess({ env: { KUBECONFIG: [first(), bad].join(path.delimiter) }, home: tmp('home-') })).toMatchObject({ kind: 'config', message: expect.stringContaining(`${bad}: clusters[0].cluster.server is missing`) });
  });
});
