import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { seededCluster } from './scenarios';
import { startDemoCluster } from './server';
import type { DemoCluster } from './types';

let demo: DemoCluster;
let bare: DemoCluster;

function get(cluster: DemoCluster, pathAndQuery: string, method = 'GET'): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(pathAndQuery, cluster.url), { method, ca: cluster.caPem, headers: { authorization: `Bearer ${cluster.token}` } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: body ? (JSON.parse(body) as Record<string, unknown>) : {} }));
    });
    req.on('error', reject);
    req.end();
  });
}
const names = (json: Record<string, unknown>) => (json.items as Array<{ metadata: { name: string } }>).map((o) => o.metadata.name);

beforeAll(async () => {
  demo = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: null });
  bare = await startDemoCluster({ objects: seededCluster(), kubeconfigPath: null, velero: false });
});
afterAll(async () => {
  await demo.close();
  await bare.close();
});

describe('the demo cluster serves Velero', () => {
  it('discovers the apps and velero.io groups with their versions and resources', async () => {
    const groups = (await get(demo, '/apis')).json.groups as Array<{ name: string; preferredVersion: { version: string } }>;
    expect(groups.map((g) => `${g.name}@${g.preferredVersion.version}`)).toEqual(['apps@v1', 'storage.k8s.io@v1', 'snapshot.storage.k8s.io@v1', 'velero.io@v1']);
    expect((await get(demo, '/apis/velero.io')).json).toMatchObject({ kind: 'APIGroup', versions: [{ version: 'v1' }, { version: 'v2alpha1' }] });
    const v1 = (await get(demo, '/apis/velero.io/v1')).json.resources as Array<{ name: string; kind: string; namespaced: boolean; verbs: string[]; shortNames?: string[] }>;
    expect(v1.map((r) => `${r.name}:${r.kind}:${r.shortNames?.join('/') ?? ''}`)).toEqual([
      'schedules:Schedule:', 'backups:Backup:', 'backupstoragelocations:BackupStorageLocation:bsl', 'volumesnapshotlocations:VolumeSnapshotLocation:vsl',
      'podvolumebackups:PodVolumeBackup:', 'backuprepositories:BackupRepository:',
    ]);
    expect(v1.every((r) => r.namespaced && r.verbs.join() === 'get,list,watch')).toBe(true);
    expect(((await get(demo, '/apis/velero.io/v2alpha1')).json.resources as Array<{ name: string }>).map((r) => r.name)).toEqual(['datauploads']);
    expect(((await get(demo, '/apis/apps/v1')).json.resources as Array<{ name: string }>).map((r) => r.name)).toEqual(['deployments', 'daemonsets']);
  });

  it('lists with label selectors and continue tokens, and gets one object with its apiVersion', async () => {
    expect(names((await get(demo, '/apis/velero.io/v1/namespaces/velero/backups?labelSelector=velero.io%2Fschedule-name%3Dnightly')).json))
      .toEqual(['nightly-20261123020009', 'nightly-20261124020012']);
    const seen: string[] = [];
    let token = '';
    do {
      const page = await get(demo, `/apis/velero.io/v1/namespaces/velero/podvolumebackups?limit=4${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
      seen.push(...names(page.json));
      token = (page.json.metadata as { continue?: string }).continue ?? '';
    } while (token);
    expect(seen).toHaveLength(38);
    expect(new Set(seen).size).toBe(38);
    expect((await get(demo, '/apis/velero.io/v1/namespaces/velero/schedules/nightly')).json).toMatchObject({ apiVersion: 'velero.io/v1', kind: 'Schedule', status: { phase: 'Enabled' } });
    expect((await get(demo, '/apis/apps/v1/namespaces/velero/daemonsets')).json).toMatchObject({ kind: 'DaemonSetList', apiVersion: 'apps/v1' });
  });

  it('stays read-only and forbids Velero resources on request, naming their API group', async () => {
    expect((await get(demo, '/apis/velero.io/v1/namespaces/velero/backups', 'POST')).status).toBe(405);
    demo.setFaults({ forbidResources: ['podvolumebackups'] });
    const forbidden = await get(demo, '/apis/velero.io/v1/namespaces/velero/podvolumebackups');
    demo.setFaults({});
    expect([forbidden.status, forbidden.json.message]).toEqual([403,
      'podvolumebackups is forbidden: User "demo" cannot list resource "podvolumebackups" in API group "velero.io" in the namespace "velero"']);
    expect((await get(demo, '/apis/velero.io/v1/namespaces/velero/secrets')).status).toBe(404);
  });

  it('serves no velero.io at all when started without Velero', async () => {
    expect(((await get(bare, '/apis')).json.groups as Array<{ name: string }>).map((g) => g.name)).toEqual(['apps', 'storage.k8s.io', 'snapshot.storage.k8s.io']);
    expect((await get(bare, '/apis/velero.io/v1')).status).toBe(404);
    expect((await get(bare, '/apis/velero.io/v1/namespaces/velero/schedules')).status).toBe(404);
    expect((await get(bare, '/apis/apps/v1/namespaces/velero/deployments')).status).toBe(200);
  });
});

const kubectl = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));

describe('kubectl against the demo cluster with Velero', () => {
  it.skipIf(!kubectl)('gets schedules, backups, workloads and YAML, and still finds no Secrets (skipped without kubectl)', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backup-lens-kubectl-velero-')), 'config');
    writeFileSync(file, demo.kubeconfigYaml);
    const run = async (...args: string[]) => (await promisify(execFile)(kubectl as string, ['--kubeconfig', file, ...args], { encoding: 'utf8' })).stdout;
    const schedules = await run('get', 'schedules.velero.io', '-n', 'velero');
    expect(schedules.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+SCHEDULE\s+LASTBACKUP\s+AGE\s+PAUSED$/);
    expect(schedules).toMatch(/paused-weekly\s+Enabled\s+0 3 \* \* 0\s+2026-11-16T03:00:05Z\s+\S+\s+true/);
    expect(await run('get', 'backups', '-n', 'velero')).toMatch(/broken-20261124040007\s+FailedValidation/);
    const workloads = await run('get', 'deploy,ds', '-n', 'velero');
    expect(workloads).toMatch(/deployment\.apps\/velero\s+1\/1/);
    expect(workloads).toMatch(/daemonset\.apps\/node-agent\s+2\s+2\s+2/);
    const nightly = parse(await run('get', 'schedule', 'nightly', '-n', 'velero', '-o', 'yaml')) as { spec: { template: { resourcePolicy: unknown } } };
    expect(nightly.spec.template.resourcePolicy).toEqual({ kind: 'configmap', name: 'backup-policy' });
    expect((await run('get', 'bsl', '-n', 'velero', '-o', 'name')).trim()).toBe('backupstoragelocation.velero.io/default');
    await expect(run('get', 'secrets', '-n', 'velero')).rejects.toThrow(/doesn't have a resource type "secrets"/);
  });

  it.skipIf(!kubectl)('gets StorageClasses, VolumeSnapshotClasses and DataUploads (skipped without kubectl)', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backup-lens-kubectl-storage-')), 'config');
    writeFileSync(file, demo.kubeconfigYaml);
    const run = async (...args: string[]) => (await promisify(execFile)(kubectl as string, ['--kubeconfig', file, ...args], { encoding: 'utf8' })).stdout;
    expect(await run('get', 'sc')).toMatch(/gp3\s+ebs\.csi\.aws\.com/);
    expect(await run('get', 'volumesnapshotclasses')).toMatch(/ebs-vsc\s+ebs\.csi\.aws\.com\s+Retain/);
    expect(await run('get', 'datauploads.velero.io', '-n', 'velero')).toMatch(/offsite-daily-20261124043000-\w+\s+Completed/);
  });
});
