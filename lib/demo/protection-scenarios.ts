// The demo's storage side (issue 10): StorageClasses and VolumeSnapshotClasses for the drivers its PVs use (EFS has
// none), and claims that land in every protection kind and reason a real cluster can show. Comments give the
// protection under all-but-scratch / nightly unless they say otherwise.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../model/kube';
import { claim, pod, pvFor, pvc, uid } from './objects';
import type { DemoJson } from './types';

const CREATED = '2026-10-01T12:00:00Z';
const sc = (name: string, provisioner: string, extra: DemoJson = {}): DemoJson => ({
  apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name, uid: uid(`sc/${name}`), creationTimestamp: CREATED, ...extra },
  provisioner, reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true,
});

/** gp3 (EBS CSI, the cluster default), efs-sc (EFS CSI), local-storage and manual (no provisioner). No gp2. */
export const STORAGE_CLASSES: DemoJson[] = [
  sc('gp3', 'ebs.csi.aws.com', { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }),
  sc('efs-sc', 'efs.csi.aws.com'),
  sc('local-storage', 'kubernetes.io/no-provisioner'),
  sc('manual', 'kubernetes.io/no-provisioner'),
];

/** One class for EBS, labelled for Velero; EFS (efs.csi.aws.com) has no VolumeSnapshotClass. */
export const VOLUME_SNAPSHOT_CLASSES: DemoJson[] = [{
  apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass',
  metadata: { name: 'ebs-vsc', uid: uid('vsc/ebs-vsc'), creationTimestamp: CREATED, labels: { 'velero.io/csi-volumesnapshot-class': 'true' } },
  driver: 'ebs.csi.aws.com', deletionPolicy: 'Retain',
}];

/** Claims (and the pods and PVs that go with them) for the kinds and reasons the older scenarios do not reach. */
export function protectionScenarios(): { pods: Pod[]; claims: PersistentVolumeClaim[]; pvs: PersistentVolume[] } {
  const claims: PersistentVolumeClaim[] = [];
  const pvs: PersistentVolume[] = [];
  const bound = (c: PersistentVolumeClaim, source?: Record<string, unknown>) => {
    claims.push(c);
    pvs.push(pvFor(c, source));
    return c;
  };
  // shop/catalog-images: used by catalog-0 without annotation → CSI snapshot; with offsite-daily's snapshotMoveData → data mover.
  bound(pvc({ namespace: 'shop', name: 'catalog-images', size: '20Gi' }));
  const catalog = pod({ namespace: 'shop', name: 'catalog-0', owner: { kind: 'StatefulSet', name: 'catalog' },
    volumes: [claim('images', 'catalog-images')], containers: [{ name: 'catalog', mounts: { images: '/srv/images' } }] });
  // shop/export-tmp: labelled exclude-from-backup and used by no pod → notInBackup / claimExcludedByLabel.
  bound(pvc({ namespace: 'shop', name: 'export-tmp', labels: { 'velero.io/exclude-from-backup': 'true' } }));
  // shop/old-exports: being deleted (held by the pvc-protection finalizer) → notInBackup / claimTerminating.
  const terminating = bound(pvc({ namespace: 'shop', name: 'old-exports' }));
  Object.assign(terminating.metadata as object, { deletionTimestamp: '2026-11-24T09:40:00Z', finalizers: ['kubernetes.io/pvc-protection'] });
  // legacy/billing-archive: an in-tree awsElasticBlockStore PV → native snapshot through the aws VSL.
  bound(pvc({ namespace: 'legacy', name: 'billing-archive', size: '30Gi', storageClass: 'manual' }),
    { awsElasticBlockStore: { volumeID: 'vol-0f3a9c2e7b1d40a55', fsType: 'ext4' } });
  // legacy/nfs-share: an NFS PV no VolumeSnapshotter takes → none / noSnapshotLocation.
  bound(pvc({ namespace: 'legacy', name: 'nfs-share', storageClass: 'manual' }), { nfs: { server: '10.20.0.9', path: '/exports/legacy' } });
  // legacy/static-data: statically provisioned EBS CSI volume with no storageClassName → none / noStorageClass.
  const statics = pvc({ namespace: 'legacy', name: 'static-data' });
  delete (statics.spec as { storageClassName?: string | null }).storageClassName;
  bound(statics);
  // legacy/ledger-gp2: its StorageClass gp2 was deleted → none / storageClassMissing.
  bound(pvc({ namespace: 'legacy', name: 'ledger-gp2', storageClass: 'gp2' }));
  // wiki/wiki-archive: EFS, used by no pod: no VolumeSnapshotClass for efs.csi.aws.com → none / noSnapshotClass;
  // under nightly, policy #3 (fs-backup for EFS) switches the snapshot off and no pod copies it → fsSelectedNoPvb.
  bound(pvc({ namespace: 'wiki', name: 'wiki-archive', size: '50Gi', storageClass: 'efs-sc' }), { csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0a1b2c3d::fsap-0456' } });
  return { pods: [catalog], claims, pvs };
}
