// Credentials the kubeconfig names, applied to requests against the demo cluster: kubectl's tokenFile (read again
// for every transport) and impersonation (as, as-groups, as-uid, as-user-extra); a plain http:// server such as
// `kubectl proxy` (the demo cluster serves HTTPS only, so that one is a minimal node:http server here); fresh
// exec credentials after a 401, for the next transport and for a watch's reconnect.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { seededCluster } from '../demo/scenarios';
import { startDemoCluster } from '../demo/server';
import type { DemoCluster } from '../demo/types';
import { describeClusterError } from './errors';
import { loadAccess, type ClusterAccess } from './kubeconfig';
import { headerKeyEscape } from './lens-kubeconfig';
import { slimNamespace } from './slim';
import { createTransport } from './transport';
import { keepWatching } from './watch';

let demo: DemoCluster;
beforeAll(async () => {
  demo = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: null });
});
afterAll(() => demo.close());

const tmp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));

/** A kubeconfig for the demo cluster in its own directory, with this user. */
function kubeconfig(user: Record<string, unknown>, dir = tmp('backup-lens-credentials-'), cluster: Record<string, unknown> = { server: demo.url, 'certificate-authority-data': Buffer.from(demo.caPem).toString('base64') }): { dir: string; access: ClusterAccess } {
  const file = path.join(dir, 'config');
  writeFileSync(file, stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'demo', cluster }],
    users: [{ name: 'someone', user }],
    contexts: [{ name: 'demo', context: { cluster: 'demo', user: 'someone' } }],
    'current-context': 'demo',
  }));
  const access = loadAccess({ env: { KUBECONFIG: file }, home: tmp('home-') });
  if (access.kind !== 'access') throw new Error(access.message);
  return { dir, access };
}

const status = async (access: ClusterAccess) => (await (await createTransport(access.kc)).get('/api/v1/namespaces?limit=1')).status;

describe('tokenFile', () => {
  it('sends the token of a tokenFile relative to its kubeconfig, read again for each transport', async () => {
    const dir = tmp('backup-lens-token-file-');
    writeFileSync(path.join(dir, 'token'), `${demo.token}\n`);
    const { access } = kubeconfig({ tokenFile: 'token' }, dir);
    expect(await status(access)).toBe(200);
    writeFileSync(path.join(dir, 'token'), 'a-rotated-token-the-demo-does-not-know');
    expect(await status(access)).toBe(401);
    writeFileSync(path.join(dir, 'token'), demo.token);
    expect(await status(access)).toBe(200);
  });

  it('says which tokenFile cannot be read, as a kubeconfig problem', async () => {
    const { dir, access } = kubeconfig({ tokenFile: 'missing-token' });
    const error = await createTransport(access.kc).catch((e: unknown) => e);
    expect(describeClusterError(error, { server: access.server, context: access.context })).toMatchObject({ kind: 'config', message: expect.stringContaining(path.join(dir, 'missing-token')) });
  });

  it('falls back to the user’s token when the tokenFile cannot be read', async () => {
    const { access } = kubeconfig({ tokenFile: 'missing-token', token: demo.token });
    expect(await status(access)).toBe(200);
  });
});

describe('impersonation', () => {
  const user = { token: 'some-token', as: 'alice', 'as-uid': 'uid-1234', 'as-groups': ['team-a', 'team-b'], 'as-user-extra': { scopes: ['view', 'edit'], 'example.org/reason%': ['audit'] } };

  it('adds Impersonate-Group per group, Impersonate-Uid and Impersonate-Extra-<key> per value to client-node’s Impersonate-User', async () => {
    const { access } = kubeconfig(user);
    const options: { headers?: Record<string, unknown> } = {};
    await access.kc.applyToHTTPSOptions(options);
    expect(options.headers).toMatchObject({
      'Impersonate-User': 'alice',
      'Impersonate-Uid': 'uid-1234',
      'Impersonate-Group': ['team-a', 'team-b'],
      'Impersonate-Extra-scopes': ['view', 'edit'],
      'Impersonate-Extra-example.org%2Freason%25': ['audit'],
    });
  });

  it('escapes extra keys byte by byte as client-go does', () => {
    expect(headerKeyEscape("a-Z_0.9!#$&'*+^`|~")).toBe("a-Z_0.9!#$&'*+^`|~");
    expect(headerKeyEscape('a b/c%d:é')).toBe('a%20b%2Fc%25d%3A%C3%A9');
  });
});

describe('a plain http:// server (kubectl proxy)', () => {
  let server: http.Server;
  let url: string;
  const seen: NodeJS.Dict<string[]>[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headersDistinct);
      const body = req.url === '/version' ? { major: '1', minor: '31', gitVersion: 'v1.31.0' } : { kind: 'NamespaceList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [{ metadata: { name: 'default' } }] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is read without insecure-skip-tls-verify, with the user’s token and impersonation headers', async () => {
    const { access } = kubeconfig({ token: 'proxy-token', as: 'alice', 'as-groups': ['team-a', 'team-b'] }, undefined, { server: url });
    const transport = await createTransport(access.kc);
    expect((await transport.get('/version')).status).toBe(200);
    const list = await transport.get('/api/v1/namespaces?limit=500');
    expect(JSON.parse(list.body)).toMatchObject({ items: [{ metadata: { name: 'default' } }] });
    expect(seen.at(-1)).toMatchObject({ authorization: ['Bearer proxy-token'], 'impersonate-user': ['alice'], 'impersonate-group': ['team-a', 'team-b'] });
  });
});

describe('after a 401', () => {
  /** An exec plugin next to its kubeconfig (a relative command) that hands out a refused token first, then the demo's; no expirationTimestamp. */
  function execKubeconfig() {
    const dir = tmp('backup-lens-exec-');
    writeFileSync(path.join(dir, 'token'), demo.token);
    writeFileSync(path.join(dir, 'plugin.sh'), [
      '#!/bin/sh',
      'cd "$(dirname "$0")"',
      'n=$(( $(cat runs 2>/dev/null || echo 0) + 1 )); echo $n > runs',
      'if [ $n -le 1 ]; then t=expired-token; else t=$(cat token); fi',
      'printf \'{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}\' "$t"',
    ].join('\n'), { mode: 0o755 });
    const { access } = kubeconfig({ exec: { apiVersion: 'client.authentication.k8s.io/v1', command: './plugin.sh', interactiveMode: 'Never' } }, dir);
    return { access, runs: () => Number(readFileSync(path.join(dir, 'runs'), 'utf8')) };
  }

  it('runs the exec plugin again for the next transport instead of keeping the refused credential', async () => {
    const { access, runs } = execKubeconfig();
    expect(await status(access)).toBe(401);
    expect(await status(access)).toBe(200);
    expect(await status(access)).toBe(200);
    expect(runs()).toBe(2);
  });

  it('reconnects a refused watch with fresh credentials', async () => {
    const { access, runs } = execKubeconfig();
    const applied: string[] = [];
    const before = demo.requests.length;
    const handle = keepWatching(() => createTransport(access.kc), {
      path: '/api/v1/namespaces',
      slim: slimNamespace,
      apply: (type, ns) => applied.push(`${type} ${ns.metadata?.name}`),
      replace: () => {},
      changed: () => {},
    }, '0');
    const end = Date.now() + 5000;
    while (!applied.includes('ADDED wiki') && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    handle.stop();
    await handle.done;
    expect(applied).toContain('ADDED wiki');
    expect(demo.requests.slice(before).filter((r) => r.url.startsWith('/api/v1/namespaces?')).map((r) => r.status)).toEqual([401, 200]);
    expect(runs()).toBe(2);
  });
});
