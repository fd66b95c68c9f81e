import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededCluster } from './scenarios';
import { startDemoCluster } from './server';
import type { DemoCluster } from './types';

let demo: DemoCluster;
const LIMITED = 'limited-token-shop-wiki';

function get(path: string, token: string): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(path, demo.url), { ca: demo.caPem, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(body) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  demo = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: null, users: [{ name: 'alice', token: LIMITED, namespaces: ['shop', 'wiki'] }] });
});
afterAll(() => demo.close());

describe('a namespace-limited demo user', () => {
  it('lists pods in an allowed namespace', async () => {
    const answer = await get('/api/v1/namespaces/shop/pods', LIMITED);
    expect(answer.status).toBe(200);
    expect((answer.json.items as unknown[]).length).toBeGreaterThan(0);
  });

  it('is forbidden in other namespaces, naming the user', async () => {
    const answer = await get('/api/v1/namespaces/velero/pods', LIMITED);
    expect(answer.status).toBe(403);
    expect(answer.json.message).toContain('User "alice" cannot list resource "pods"');
  });

  it('is forbidden cluster-wide lists, namespaces and persistent volumes included', async () => {
    for (const path of ['/api/v1/pods', '/api/v1/namespaces', '/api/v1/persistentvolumes', '/api/v1/persistentvolumeclaims']) {
      expect((await get(path, LIMITED)).status, path).toBe(403);
    }
  });

  it('gets its own Namespace objects but not others, and reads discovery', async () => {
    expect((await get('/api/v1/namespaces/wiki', LIMITED)).status).toBe(200);
    expect((await get('/api/v1/namespaces/velero', LIMITED)).status).toBe(403);
    expect((await get('/api', LIMITED)).status).toBe(200);
  });

  it('leaves the full-access token unrestricted and unknown tokens unauthorized', async () => {
    expect((await get('/api/v1/pods', demo.token)).status).toBe(200);
    expect((await get('/api/v1/namespaces/shop/pods', 'not-a-token')).status).toBe(401);
  });
});
