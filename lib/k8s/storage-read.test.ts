// The storage side read through the real client from the demo server: StorageClasses, VolumeSnapshotClasses and
// DataUploads; a snapshot API that is not served is a state; 403 is null + incomplete + a notice; watches follow.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoCluster } from '../demo/server';
import type { DemoCluster, DemoClusterOptions } from '../demo/types';
import { veleroNotices } from '../view/velero-notices';
import { loadAccess } from './kubeconfig';
import { LiveSnapshot } from './live-snapshot';
import { readSnapshot } from './snapshot';
import { createTransport } from './transport';

let demo: DemoCluster | null = null;
afterEach(async () => {
  await demo?.close();
  demo = null;
});

async function start(options: DemoClusterOptions = {}) {
  demo = await startDemoCluster({ kubeconfigPath: null, ...options });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'backup-lens-storage-')), 'config');
  writeFileSync(file, demo.kubeconfigYaml);
  const access = loadAccess({ env: { KUBECONFIG: file } });
  if (access.kind !== 'access') throw new Error(access.message);
  const transport = () => createTransport(access.kc);
  return { demo, transport, read: async () => readSnapshot(await transport(), { backoffMs: 5 }) };
}

describe('reading the storage side', () => {
  it('reads StorageClasses with their provisioners and VolumeSnapshotClasses with Velero\'s label', async () => {
    const { read } = await start();
    const snapshot = await read();
    expect(snapshot.storage?.snapshotApi).toBe('served');
    expect(snapshot.storage?.storageClasses?.map((c) => [c.metadata?.name, c.provisioner])).toEqual([
      ['efs-sc', 'efs.csi.aws.com'], ['gp3', 'ebs.csi.aws.com'], ['local-storage', 'kubernetes.io/no-provisioner'], ['manual', 'kubernetes.io/no-provisioner']]);
    expect(snapshot.storage?.volumeSnapshotClasses).toEqual([expect.objectContaining({ driver: 'ebs.csi.aws.com', metadata: expect.objectContaining({ name: 'ebs-vsc', labels: { 'velero.io/csi-volumesnapshot-class': 'true' } }) })]);
    expect(snapshot.velero?.dataUploads?.map((d) => [d.spec?.sourceNamespace, d.spec?.sourcePVC, d.status?.phase])).toEqual([['shop', 'catalog-images', 'Completed']]);
  });

  it('a cluster without the snapshot CRDs is a state: no classes, no request, nothing incomplete', async () => {
    const { read, demo: d } = await start({ snapshotApi: false });
    const snapshot = await read();
    expect(snapshot.storage).toMatchObject({ snapshotApi: 'notServed', volumeSnapshotClasses: [] });
    expect(d.requests.some((r) => r.url.includes('snapshot.storage.k8s.io'))).toBe(false);
    expect(snapshot.incomplete).toEqual([]);
  });

  it('forbidden VolumeSnapshotClasses are null, incomplete, and a notice with its assumption', async () => {
    const { read, demo: d } = await start();
    d.setFaults({ forbidResources: ['volumesnapshotclasses', 'datauploads'] });
    const snapshot = await read();
    expect(snapshot.storage?.volumeSnapshotClasses).toBeNull();
    expect(snapshot.velero?.dataUploads).toBeNull();
    expect(snapshot.incomplete.map((r) => [r.resource, r.namespace, r.status])).toEqual([['datauploads', 'velero', 403], ['volumesnapshotclasses', null, 403]]);
    const notices = veleroNotices(snapshot).filter((n) => n.kind === 'unreadable');
    expect(notices.map((n) => n.kind === 'unreadable' && n.resource)).toEqual(['datauploads', 'volumesnapshotclasses']);
    expect(notices[1]?.message).toMatch(/VolumeSnapshotClasses of the cluster could not be read \(HTTP 403/);
  });

  it('a watch follows a new VolumeSnapshotClass', async () => {
    const { read, transport, demo: d } = await start();
    const live = new LiveSnapshot(await read());
    live.follow(transport);
    d.upsert('volumesnapshotclasses', { apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: { name: 'efs-vsc' }, driver: 'efs.csi.aws.com', deletionPolicy: 'Delete' });
    await expect.poll(() => live.snapshot().storage?.volumeSnapshotClasses?.map((c) => c.metadata?.name).sort(), { timeout: 5000 }).toEqual(['ebs-vsc', 'efs-vsc']);
    await live.stop();
  });
});
