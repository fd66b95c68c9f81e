import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededCluster } from './scenarios';
import { startDemoCluster } from './server';
import type { DemoCluster } from './types';

let demo: DemoCluster;

function get(pathAndQuery: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; json: Record<string, unknown>; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const url = new URL(pathAndQuery, demo.url);
    const req = https.request(url, { method, ca: demo.caPem, headers: { authorization: `Bearer ${demo.token}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: body ? (JSON.parse(body) as Record<string, unknown>) : {}, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a watch and collects its events until `count` arrived. */
function watch(pathAndQuery: string, count: number): { events: Promise<Array<{ type: string; object: Record<string, unknown> }>> } {
  const events: Array<{ type: string; object: Record<string, unknown> }> = [];
  return {
    events: new Promise((resolve, reject) => {
      const req = https.request(new URL(pathAndQuery, demo.url), { ca: demo.caPem, headers: { authorization: `Bearer ${demo.token}` } }, (res) => {
        let buffer = '';
        res.on('data', (chunk) => {
          buffer += chunk;
          let nl;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            events.push(JSON.parse(buffer.slice(0, nl)));
            buffer = buffer.slice(nl + 1);
            if (events.length >= count) {
              req.destroy();
              resolve(events);
            }
          }
        });
        res.on('end', () => resolve(events));
      });
      req.on('error', (e) => (events.length >= count ? undefined : reject(e)));
      req.end();
    }),
  };
}

beforeAll(async () => {
  demo = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: null });
});
afterAll(() => demo.close());

describe('demo cluster API', () => {
  it('serves discovery like an API server', async () => {
    expect((await get('/version')).json.gitVersion).toMatch(/^v1\./);
    expect((await get('/api')).json.versions).toEqual(['v1']);
    const resources = (await get('/api/v1')).json.resources as Array<{ name: string; verbs: string[] }>;
    expect(resources.map((r) => r.name)).toEqual(['namespaces', 'pods', 'persistentvolumeclaims', 'persistentvolumes', 'configmaps']);
  });

  it('pages lists with opaque continue tokens, in namespace/name order', async () => {
    const names: string[] = [];
    let token = '';
    let pages = 0;
    do {
      const page = await get(`/api/v1/pods?limit=10${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
      const items = page.json.items as Array<{ metadata: { namespace: string; name: string } }>;
      names.push(...items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
      token = (page.json.metadata as { continue?: string }).continue ?? '';
      pages++;
    } while (token);
    const all = (await get('/api/v1/pods')).json.items as unknown[];
    expect(names).toHaveLength(all.length);
    expect(pages).toBe(Math.ceil(all.length / 10));
    expect([...names].sort()).toEqual(names);
  });

  it('filters by label and field selectors and lists one namespace', async () => {
    const agents = (await get('/api/v1/namespaces/velero/pods?labelSelector=role%3Dnode-agent')).json.items as unknown[];
    expect(agents).toHaveLength(2);
    const onC = (await get('/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-c')).json.items as Array<{ metadata: { name: string } }>;
    expect(onC.map((p) => p.metadata.name).sort()).toEqual(['node-exporter-c7x2k', 'sensor-gateway-0']);
    const notIn = (await get('/api/v1/namespaces/velero/pods?labelSelector=role%20notin%20(node-agent)')).json.items as unknown[];
    expect(notIn).toHaveLength(1);
  });

  it('refuses writes, tokens it does not know and Secrets', async () => {
    expect((await get('/api/v1/pods', {}, 'DELETE')).status).toBe(405);
    expect((await get('/api/v1/pods', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get('/api/v1/secrets')).status).toBe(404);
    expect((await get('/api/v1/namespaces/shop/secrets/db')).status).toBe(404);
  });

  it('answers each switched-on fault, then stops', async () => {
    demo.setFaults({ tooManyRequests: 1, retryAfterSeconds: 3 });
    const throttled = await get('/api/v1/pods?limit=5');
    expect([throttled.status, throttled.headers['retry-after']]).toEqual([429, '3']);
    expect((await get('/api/v1/pods?limit=5')).status).toBe(200);
    demo.setFaults({ forbidNamespaces: ['locked'] });
    const forbidden = await get('/api/v1/namespaces/locked/pods');
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.message).toBe('pods is forbidden: User "demo" cannot list resource "pods" in API group "" in the namespace "locked"');
    demo.setFaults({});
  });

  it('streams watch events for changes and answers 410 for a compacted resourceVersion', async () => {
    const list = await get('/api/v1/pods?limit=1');
    const rv = (list.json.metadata as { resourceVersion: string }).resourceVersion;
    const stream = watch(`/api/v1/pods?watch=1&resourceVersion=${rv}`, 1);
    await new Promise((r) => setTimeout(r, 50));
    demo.upsert('pods', { metadata: { name: 'new-pod', namespace: 'shop' }, spec: { volumes: [] }, status: { phase: 'Running' } });
    const [event] = await stream.events;
    expect(event).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'new-pod', namespace: 'shop' } } });
    demo.remove('pods', 'shop', 'new-pod');
    const [expired] = await watch('/api/v1/pods?watch=1&resourceVersion=5', 1).events;
    expect(expired).toMatchObject({ type: 'ERROR', object: { code: 410, reason: 'Expired' } });
  });
});

const kubectl = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));

describe('kubectl against the demo cluster', () => {
  // Asynchronous: the server runs in this process, so a blocking exec would starve it.
  it.skipIf(!kubectl)('lists pods, claims, volumes and namespaces (skipped when kubectl is not installed)', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backup-lens-kubectl-')), 'config');
    writeFileSync(file, demo.kubeconfigYaml);
    const run = async (...args: string[]) => (await promisify(execFile)(kubectl as string, ['--kubeconfig', file, ...args], { encoding: 'utf8' })).stdout;
    const pods = JSON.parse(await run('get', 'pods', '-A', '-o', 'json')) as { items: unknown[] };
    expect(pods.items.length).toBe(seededCluster().pods.length);
    expect(await run('get', 'pvc', '-n', 'wiki')).toMatch(/wiki-media\s+Bound/);
    expect(await run('get', 'pv')).toContain('wiki/wiki-pages');
    expect(await run('get', 'ns')).toMatch(/velero\s+Active/);
    expect((await run('get', 'pods', '-n', 'velero', '-l', 'role=node-agent', '-o', 'name')).trim().split('\n')).toHaveLength(2);
  });
});
