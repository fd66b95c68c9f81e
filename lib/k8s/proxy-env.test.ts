// HTTPS_PROXY/NO_PROXY as kubectl reads them: the decision, and requests that go (or do not go) to the proxy.
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { seededCluster } from '../demo/scenarios';
import { startDemoCluster } from '../demo/server';
import type { DemoCluster } from '../demo/types';
import { loadAccess, type Env } from './kubeconfig';
import { exemptByNoProxy, proxyFromEnvironment } from './proxy-env';
import { createTransport } from './transport';

describe('the proxy for a server, from the environment', () => {
  it('uses HTTPS_PROXY for https servers and HTTP_PROXY for http ones, upper case first, http:// when no scheme', () => {
    expect(proxyFromEnvironment('https://kube.example:6443', { HTTPS_PROXY: 'http://proxy:3128', https_proxy: 'http://other:1' })).toBe('http://proxy:3128');
    expect(proxyFromEnvironment('https://kube.example:6443', { https_proxy: 'proxy:3128' })).toBe('http://proxy:3128');
    expect(proxyFromEnvironment('https://kube.example:6443', { HTTP_PROXY: 'http://proxy:3128' })).toBeUndefined();
    expect(proxyFromEnvironment('http://kube.example:8001', { HTTP_PROXY: 'socks5://proxy:1080' })).toBe('socks5://proxy:1080');
  });

  it('never proxies localhost or a loopback address', () => {
    for (const server of ['https://localhost:6443', 'https://127.0.0.1:6443', 'https://127.1.2.3', 'https://[::1]:6443']) {
      expect(proxyFromEnvironment(server, { HTTPS_PROXY: 'http://proxy:3128' })).toBeUndefined();
    }
  });

  it('reads NO_PROXY as Go does: *, IPs, CIDRs, domains with their subdomains, .domain for subdomains only, ports', () => {
    const exempt = (noProxy: string, host: string, port = '443') => exemptByNoProxy(noProxy, host, port);
    expect(exempt('*', 'kube.example')).toBe(true);
    expect(exempt('example.com', 'example.com')).toBe(true);
    expect(exempt('example.com', 'api.example.com')).toBe(true);
    expect(exempt('example.com', 'badexample.com')).toBe(false);
    expect(exempt('.example.com', 'example.com')).toBe(false);
    expect(exempt('*.example.com', 'api.example.com')).toBe(true);
    expect(exempt(' Example.com:6443 ', 'example.com', '6443')).toBe(true);
    expect(exempt('example.com:6443', 'example.com', '443')).toBe(false);
    expect(exempt('10.0.0.0/8', '10.96.0.1')).toBe(true);
    expect(exempt('10.0.0.0/8', '192.168.1.1')).toBe(false);
    expect(exempt('10.96.0.1', '10.96.0.1')).toBe(true);
    expect(exempt('fd00::/8', 'fd00::1')).toBe(true);
    expect(exempt('[fd00::1]:6443', 'fd00::1', '6443')).toBe(true);
    expect(exempt('fd00::1', 'fd00::1')).toBe(true);
    expect(exempt('example.com', '10.0.0.1')).toBe(false);
    expect(proxyFromEnvironment('https://10.96.0.1:443', { HTTPS_PROXY: 'http://proxy:3128', no_proxy: 'svc,10.96.0.0/12' })).toBeUndefined();
  });
});

describe('requests with HTTPS_PROXY set', () => {
  let demo: DemoCluster;
  let closedPort: number;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-lens-proxy-'));
  beforeAll(async () => {
    demo = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: null });
    closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
  });
  afterAll(() => demo.close());

  const get = async (server: string, env: Env) => {
    const file = path.join(dir, `config-${Math.random().toString(36).slice(2)}`);
    writeFileSync(file, stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': 'c',
      clusters: [{ name: 'c', cluster: { server, 'certificate-authority-data': Buffer.from(demo.caPem).toString('base64') } }],
      users: [{ name: 'u', user: { token: demo.token } }],
      contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
    }));
    const access = loadAccess({ env: { KUBECONFIG: file, ...env }, home: dir });
    if (access.kind !== 'access') throw new Error(access.message);
    const transport = await createTransport(access.kc);
    return transport.get('/api/v1/namespaces?limit=1').then((answer) => answer.status, (error: { code?: string }) => error.code);
  };

  it('sends a request for a remote server to the proxy, and not when NO_PROXY names the server', async () => {
    const proxy = { HTTPS_PROXY: `http://127.0.0.1:${closedPort}` };
    // The proxy refuses the connection: the request went there (directly, kube.invalid does not resolve).
    expect(await get('https://kube.invalid:6443', proxy)).toBe('ECONNREFUSED');
    expect(await get('https://kube.invalid:6443', { ...proxy, NO_PROXY: '.invalid' })).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
  });

  it('reads a loopback server directly', async () => {
    expect(await get(demo.url, { HTTPS_PROXY: `http://127.0.0.1:${closedPort}` })).toBe(200);
  });
});
