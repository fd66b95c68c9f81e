import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoKubeconfig } from '../demo/server';
import { loadAccess, withToken } from './kubeconfig';

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
