import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededCluster } from '../demo/scenarios';
import { startDemoCluster } from '../demo/server';
import type { DemoCluster } from '../demo/types';
import { Scanner } from '../scan';
import { loadAccess } from './kubeconfig';
import { slimNamespace } from './slim';
import { clusterSource } from './source';
import { createTransport } from './transport';
import { keepWatching } from './watch';
import { resolveSelection } from '../server/selection';

let demo: DemoCluster;
let scanner: Scanner;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  demo = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: null });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backup-lens-live-')), 'config');
  writeFileSync(file, demo.kubeconfigYaml);
  const access = loadAccess({ env: { KUBECONFIG: file } });
  if (access.kind !== 'access') throw new Error(access.message);
  scanner = new Scanner(clusterSource(access, { context: access.context, server: access.server, demo: true }, {}), 60_000);
});
afterAll(async () => {
  await scanner.stop();
  await demo.close();
});

const verdict = async (pod: string, volume: string) => {
  const scan = await scanner.get();
  return scan.view(resolveSelection(scan.snapshot, { kind: 'whatIf', whatIf: { defaultVolumesToFsBackup: false } }).effective).result.verdicts.find((v) => v.pod === pod && v.volume === volume);
};

describe('live updates through watches', () => {
  it('follows a changed annotation without listing again', async () => {
    expect((await verdict('redis-0', 'cache'))?.reason).toBe('notOptedIn');
    expect((await scanner.get()).live).toBe(true);
    const listsBefore = demo.requests.filter((r) => !r.url.includes('watch=')).length;
    const redis = seededCluster().pods.find((p) => p.metadata?.name === 'redis-0') as Record<string, unknown> & { metadata: { annotations: Record<string, string> } };
    redis.metadata.annotations = { 'backup.velero.io/backup-volumes': 'cache' };
    demo.upsert('pods', redis);
    const after = await until(() => verdict('redis-0', 'cache'), (v) => v?.reason === 'optedIn');
    expect(after?.reason).toBe('optedIn');
    expect(demo.requests.filter((r) => !r.url.includes('watch=')).length).toBe(listsBefore);
    expect(demo.requests.filter((r) => r.url.startsWith('/api/v1/pods?') && r.url.includes('watch=1'))).toHaveLength(1);
  });

  it('applies watch events off the request path: the held scan moves on without a request', async () => {
    const before = await scanner.get();
    const redis = structuredClone(before.snapshot.pods.find((p) => p.metadata?.name === 'redis-0')) as Record<string, unknown> & { metadata: { labels?: Record<string, string> } };
    redis.metadata.labels = { ...redis.metadata.labels, warmed: 'yes' };
    demo.upsert('pods', redis);
    const held = await until(async () => scanner.peek(), (scan) => scan !== before);
    expect(held).not.toBe(before);
    expect(held?.snapshot.pods.some((p) => p.metadata?.labels?.warmed === 'yes')).toBe(true);
  });

  it('sees a deleted claim as pvcMissing', async () => {
    demo.remove('persistentvolumeclaims', 'shop', 'data-postgres-1');
    const after = await until(() => verdict('postgres-1', 'data'), (v) => v?.reason === 'pvcMissing');
    expect(after?.reason).toBe('pvcMissing');
  });

  it('decides again only the namespace of a changed pod; a changed PV decides everything again', async () => {
    const viewOf = async () => {
      const scan = await scanner.get();
      return { scan, view: scan.view(resolveSelection(scan.snapshot, { kind: 'whatIf', whatIf: { defaultVolumesToFsBackup: false } }).effective) };
    };
    const before = await viewOf();
    const redis = structuredClone(before.scan.snapshot.pods.find((p) => p.metadata?.name === 'redis-0')) as Record<string, unknown> & { metadata: { namespace: string; labels?: Record<string, string> } };
    redis.metadata.labels = { ...redis.metadata.labels, touched: 'yes' };
    demo.upsert('pods', redis);
    const after = await until(viewOf, (v) => v.scan.snapshot.pods.some((p) => p.metadata?.labels?.touched === 'yes'));
    const others = [...before.view.parts.keys()].filter((ns) => ns !== redis.metadata.namespace);
    expect(others.length).toBeGreaterThan(2);
    for (const ns of others) expect(after.view.parts.get(ns)).toBe(before.view.parts.get(ns));
    expect(after.view.parts.get(redis.metadata.namespace)).not.toBe(before.view.parts.get(redis.metadata.namespace));

    const pv = structuredClone(after.scan.snapshot.pvs[0]) as Record<string, unknown> & { metadata: { labels?: Record<string, string> } };
    pv.metadata.labels = { touched: 'yes' };
    demo.upsert('persistentvolumes', pv);
    const third = await until(viewOf, (v) => v.scan.snapshot.pvs.some((p) => p.metadata?.labels?.touched === 'yes'));
    for (const ns of others) expect(third.view.parts.get(ns)).not.toBe(after.view.parts.get(ns));
  });
});

describe('live updates of Velero objects', () => {
  const schedules = async () => (await scanner.get()).snapshot.velero?.schedules ?? [];

  it('applies a changed, an added and a deleted Schedule from the velero.io watch', async () => {
    expect((await schedules()).find((s) => s.metadata?.name === 'nightly')?.spec?.paused).toBe(false);
    const nightly = structuredClone(seededCluster().schedules?.find((s) => (s.metadata as { name: string }).name === 'nightly')) as Record<string, unknown> & { spec: { paused: boolean } };
    nightly.spec.paused = true;
    demo.upsert('schedules', nightly);
    demo.upsert('schedules', { apiVersion: 'velero.io/v1', kind: 'Schedule', metadata: { name: 'hourly', namespace: 'velero' }, spec: { schedule: '@hourly', template: {} } });
    demo.remove('schedules', 'velero', 'broken');
    const after = await until(schedules, (list) => list.some((s) => s.metadata?.name === 'hourly') && !list.some((s) => s.metadata?.name === 'broken'));
    expect(after.find((s) => s.metadata?.name === 'nightly')?.spec?.paused).toBe(true);
    expect(after.map((s) => s.metadata?.name).sort()).toEqual(['all-but-scratch', 'files-only', 'hourly', 'nightly', 'no-claims', 'offsite-daily', 'opt-out-daily', 'paused-weekly', 'shop-and-wiki', 'wiki-editors']);
    expect(demo.requests.filter((r) => r.url.startsWith('/apis/velero.io/v1/namespaces/velero/schedules?') && r.url.includes('watch=1'))).toHaveLength(1);
  });
});

describe('watch restarts', () => {
  it('re-lists a resource when its watch version has expired (410), then watches on', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backup-lens-410-')), 'config');
    writeFileSync(file, demo.kubeconfigYaml);
    const access = loadAccess({ env: { KUBECONFIG: file } });
    if (access.kind !== 'access') throw new Error(access.message);
    let replaced: string[] = [];
    const applied: string[] = [];
    const handle = keepWatching(() => createTransport(access.kc), {
      path: '/api/v1/namespaces',
      slim: slimNamespace,
      apply: (type, ns) => applied.push(`${type} ${ns.metadata?.name}`),
      replace: (items) => (replaced = items.map((n) => n.metadata?.name ?? '')),
      changed: () => {},
    }, '5');
    await until(async () => replaced, (r) => r.length > 0);
    demo.upsert('namespaces', { metadata: { name: 'late-arrival' } });
    await until(async () => applied, (a) => a.length > 0);
    handle.stop();
    await handle.done;
    expect(replaced).toContain('wiki');
    expect(applied).toEqual(['ADDED late-arrival']);
  });
});
