import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seededCluster } from '../demo/scenarios';
import { startDemoCluster } from '../demo/server';
import type { DemoCluster } from '../demo/types';
import { loadAccess } from './kubeconfig';
import { readSnapshot } from './snapshot';
import { createTransport } from './transport';
import { veleroNotices } from '../view/velero-notices';

const seed = seededCluster();
const VELERO_PATHS = ['schedules', 'backups', 'backupstoragelocations', 'volumesnapshotlocations', 'podvolumebackups'].map((r) => `/apis/velero.io/v1/namespaces/velero/${r}`);
const DATA_MOVER_PATHS = ['/apis/velero.io/v2alpha1/namespaces/velero/datauploads'];
const STORAGE_PATHS = ['/apis/storage.k8s.io/v1/storageclasses', '/apis/snapshot.storage.k8s.io/v1/volumesnapshotclasses'];
const OTHER_PATHS = ['/api/v1/namespaces/velero/configmaps', '/apis/apps/v1/namespaces/velero/deployments', '/apis/apps/v1/namespaces/velero/daemonsets'];
const CORE_PATHS = ['/api/v1/namespaces', '/api/v1/pods', '/api/v1/persistentvolumeclaims', '/api/v1/persistentvolumes'];

async function start(velero = true) {
  const demo = await startDemoCluster({ objects: seed, kubeconfigPath: null, velero });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backup-lens-velero-')), 'config');
  writeFileSync(file, demo.kubeconfigYaml);
  const access = loadAccess({ env: { KUBECONFIG: file } });
  if (access.kind !== 'access') throw new Error(access.message);
  return { demo, read: async () => readSnapshot(await createTransport(access.kc), { backoffMs: 5 }) };
}
const paths = (demo: DemoCluster) => demo.requests.map((r) => r.url.split('?')[0] ?? '');

describe('reading Velero from a cluster where it is installed', () => {
  let demo: DemoCluster;
  let read: () => ReturnType<typeof readSnapshot>;
  beforeAll(async () => ({ demo, read } = await start()));
  afterAll(() => demo.close());
  beforeEach(() => {
    demo.setFaults({});
    demo.requests.length = 0;
  });

  it('reads every Velero list of the Velero namespace, slimmed, in 16 requests (with DataUploads, StorageClasses and VolumeSnapshotClasses) with nothing incomplete', async () => {
    const snapshot = await read();
    const velero = snapshot.velero;
    expect(velero?.installed).toBe(true);
    expect(velero?.schedules?.map((s) => s.metadata?.name).sort()).toEqual(seed.schedules?.map((s) => (s.metadata as { name: string }).name).sort());
    expect(velero?.backups).toHaveLength(seed.backups?.length ?? -1);
    expect(velero?.podVolumeBackups).toHaveLength(seed.podVolumeBackups?.length ?? -1);
    expect(velero?.backupStorageLocations?.map((b) => [b.metadata?.name, b.spec?.default, b.status?.phase])).toEqual([['default', true, 'Available']]);
    expect(velero?.volumeSnapshotLocations?.map((v) => v.spec?.provider)).toEqual(['aws']);
    expect(velero?.deployments?.[0]?.spec?.template?.spec?.containers?.[0]?.args).toContain('--features=EnableCSI');
    expect(velero?.daemonSets?.[0]?.spec?.selector).toEqual({ matchLabels: { name: 'node-agent' } });
    expect(snapshot.incomplete).toEqual([]);
    expect(snapshot.requests).toBe(16);
    expect(paths(demo).sort()).toEqual(['/apis', ...CORE_PATHS, ...VELERO_PATHS, ...DATA_MOVER_PATHS, ...STORAGE_PATHS, ...OTHER_PATHS].sort());
    expect(demo.requests.every((r) => r.method === 'GET' && !r.url.includes('secrets'))).toBe(true);
    expect(snapshot.veleroResourceVersions.schedules).toMatch(/^\d+$/);
  });

  it('reads ConfigMaps of the Velero namespace only, policies whole and binaryData by its keys', async () => {
    const snapshot = await read();
    const configMaps = snapshot.velero?.configMaps ?? [];
    expect(configMaps.map((c) => `${c.metadata?.namespace}/${c.metadata?.name}`)).toEqual(['velero/backup-policy', 'velero/broken-policy', 'velero/velero-ca-bundle']);
    expect(configMaps[0]?.data?.['policy.yaml']).toContain('volumePolicies:');
    expect(configMaps[2]).toMatchObject({ data: null, binaryDataKeys: ['ca.der'] });
    expect(paths(demo).filter((p) => p.endsWith('/configmaps'))).toEqual(['/api/v1/namespaces/velero/configmaps']);
  });

  it('turns a 403 on Deployments into a null list, an incomplete entry and a notice, and reads the rest', async () => {
    demo.setFaults({ forbidResources: ['deployments'] });
    const snapshot = await read();
    expect(snapshot.velero?.deployments).toBeNull();
    expect(snapshot.velero?.daemonSets).toHaveLength(1);
    expect(snapshot.velero?.schedules).toHaveLength(10);
    expect(snapshot.pods).toHaveLength(seed.pods.length);
    expect(snapshot.incomplete).toEqual([{ resource: 'deployments', namespace: 'velero', status: 403,
      message: 'deployments is forbidden: User "demo" cannot list resource "deployments" in API group "apps" in the namespace "velero"' }]);
    expect(veleroNotices(snapshot)).toEqual([expect.objectContaining({ kind: 'unreadable', resource: 'deployments', status: 403,
      assumption: expect.stringContaining("Velero's server flags are assumed at Velero's defaults") })]);
  });

  it('records every forbidden velero.io list without failing the scan', async () => {
    demo.setFaults({ forbidResources: ['schedules', 'backups', 'podvolumebackups', 'configmaps'] });
    const snapshot = await read();
    expect([snapshot.velero?.schedules, snapshot.velero?.backups, snapshot.velero?.podVolumeBackups, snapshot.velero?.configMaps]).toEqual([null, null, null, null]);
    expect(snapshot.velero?.backupStorageLocations).toHaveLength(1);
    expect(snapshot.incomplete.map((i) => `${i.resource}:${i.status}`)).toEqual(['backups:403', 'configmaps:403', 'podvolumebackups:403', 'schedules:403']);
    expect(veleroNotices(snapshot).map((n) => n.kind)).toEqual(['unreadable', 'unreadable', 'unreadable', 'unreadable']);
  });

  it('tries the lists anyway when discovery is forbidden, and says so', async () => {
    demo.setFaults({ forbidDiscovery: true });
    const snapshot = await read();
    expect(snapshot.velero).toMatchObject({ installed: true, discoveryError: { status: 403 } });
    expect(snapshot.velero?.schedules).toHaveLength(10);
    expect(veleroNotices(snapshot)).toEqual([expect.objectContaining({ kind: 'discoveryFailed', status: 403 })]);
  });

  it('fails the whole scan, with no partial Velero result, when the API server keeps answering 500', async () => {
    demo.setFaults({ serverErrors: 100 });
    await expect(read()).rejects.toMatchObject({ status: 500 });
  });
});

describe('reading Velero from a cluster where it is not installed', () => {
  let demo: DemoCluster;
  let read: () => ReturnType<typeof readSnapshot>;
  beforeAll(async () => ({ demo, read } = await start(false)));
  afterAll(() => demo.close());
  beforeEach(() => {
    demo.setFaults({});
    demo.requests.length = 0;
  });

  it('says installed: false, leaves the velero.io lists empty and never requests them', async () => {
    const snapshot = await read();
    expect(snapshot.velero).toMatchObject({ installed: false, schedules: [], backups: [], backupStorageLocations: [], volumeSnapshotLocations: [], podVolumeBackups: [] });
    expect(snapshot.velero?.deployments).toHaveLength(1);
    expect(demo.requests.some((r) => r.url.includes('velero.io'))).toBe(false);
    expect(snapshot.requests).toBe(10);
    expect(snapshot.incomplete).toEqual([]);
    expect(veleroNotices(snapshot)).toEqual([{ kind: 'notInstalled', assumption: expect.any(String),
      message: 'Velero is not installed in this cluster (the API server does not serve velero.io); predictions use what-if options.' }]);
  });

  it('concludes not installed from 404s when discovery is forbidden', async () => {
    demo.setFaults({ forbidDiscovery: true });
    const snapshot = await read();
    expect(snapshot.velero).toMatchObject({ installed: false, schedules: [], discoveryError: { status: 403 } });
    expect(demo.requests.filter((r) => r.url.includes('velero.io')).map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(snapshot.incomplete).toEqual([]);
    expect(veleroNotices(snapshot).map((n) => n.kind)).toEqual(['discoveryFailed', 'notInstalled']);
  });
});
