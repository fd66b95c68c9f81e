import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, PersistentVolume, PersistentVolumeClaim, Pod } from '../../model/kube';
import { BACKUP, EXCLUDES, claimVolume, pod, pvc, snapshot } from '../fixtures';
import { explainProtection } from './reasons';
import { bound, claimOf, options, policyFrom, protect, storage, vsc } from './test-fixtures';
import type { ProtectionOptions } from './types';

/** A snapshot of one namespace `app` with the given pods and bound claims, and the storage side. */
function cluster(pods: Pod[], claims: Array<{ claim: PersistentVolumeClaim; pv: PersistentVolume }>, extra: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  const snap = snapshot({ pods, pvcs: claims.map((c) => c.claim), pvs: claims.map((c) => c.pv) });
  const names = new Set([...snap.namespaces.map((n) => n.metadata?.name ?? ''), ...claims.map((c) => c.claim.metadata?.namespace ?? '')]);
  return { ...snap, namespaces: [...names].map((name) => ({ metadata: { name } })), storage: storage(), ...extra };
}

const run = (snap: ClusterSnapshot, ref: string, extra: Partial<ProtectionOptions> = {}) => claimOf(protect(snap, options(snap, extra)), ref);
const user = (name: string, claim: string, extra: Parameters<typeof pod>[2] = {}) => pod('app', name, { volumes: [claimVolume('data', claim)], ...extra });

describe('protection kinds', () => {
  it('a claim an opted-in pod copies is fs-backup, via that pod volume', () => {
    const snap = cluster([user('db-0', 'data-db-0', { annotations: { [BACKUP]: 'data' } })], [bound('app', 'data-db-0')]);
    expect(run(snap, 'app/data-db-0')).toMatchObject({ protection: 'fs-backup', reason: 'optedIn', via: { pod: 'db-0', volume: 'data' } });
  });

  it('in opt-out mode the claim is fs-backup by default', () => {
    const snap = cluster([user('db-0', 'data-db-0')], [bound('app', 'data-db-0')]);
    expect(run(snap, 'app/data-db-0', { defaultVolumesToFsBackup: true })).toMatchObject({ protection: 'fs-backup', reason: 'defaultFsBackup' });
  });

  it('a volume policy with fs-backup makes the claim fs-backup with the policy named', () => {
    const snap = cluster([user('db-0', 'data-db-0')], [bound('app', 'data-db-0')]);
    const policy = policyFrom('version: v1\nvolumePolicies:\n- conditions:\n    csi:\n      driver: ebs.csi.aws.com\n  action:\n    type: fs-backup\n');
    expect(run(snap, 'app/data-db-0', { policy })).toMatchObject({ protection: 'fs-backup', reason: 'policyFsBackup', policyIndex: 1 });
  });

  it('a shared claim is fs-backup via the first pod in Velero\'s processing order', () => {
    const snap = cluster([user('a-0', 'shared', { annotations: { [BACKUP]: 'data' } }), user('b-0', 'shared', { annotations: { [BACKUP]: 'data' } })], [bound('app', 'shared')]);
    expect(run(snap, 'app/shared').via).toEqual({ pod: 'a-0', volume: 'data' });
  });

  it('a CSI claim fs-backup does not take gets a CSI snapshot with the labelled class', () => {
    const snap = cluster([user('web-0', 'web-data')], [bound('app', 'web-data')]);
    expect(run(snap, 'app/web-data')).toMatchObject({ protection: 'csi-snapshot', reason: 'snapshotDefault', snapshotClass: 'ebs-vsc', driver: 'ebs.csi.aws.com' });
  });

  it('a volume policy with snapshot gives the CSI snapshot the reason policySnapshot', () => {
    const snap = cluster([user('web-0', 'web-data', { annotations: { [BACKUP]: 'data' } })], [bound('app', 'web-data')]);
    const policy = policyFrom('version: v1\nvolumePolicies:\n- conditions:\n    capacity: "1Gi,"\n  action:\n    type: snapshot\n');
    expect(run(snap, 'app/web-data', { policy })).toMatchObject({ protection: 'csi-snapshot', reason: 'policySnapshot', policyIndex: 1 });
  });

  it('with snapshotMoveData the CSI snapshot is moved by the data mover', () => {
    const snap = cluster([user('web-0', 'web-data')], [bound('app', 'web-data')]);
    expect(run(snap, 'app/web-data', { snapshotMoveData: true })).toMatchObject({ protection: 'csi-snapshot-data-mover', reason: 'snapshotDefault' });
  });

  it('an in-tree EBS PV goes to the native path and the aws VolumeSnapshotLocation takes it', () => {
    const snap = cluster([], [bound('app', 'old-disk', { awsElasticBlockStore: { volumeID: 'vol-0abc', fsType: 'ext4' } })]);
    expect(run(snap, 'app/old-disk')).toMatchObject({ protection: 'native-snapshot', reason: 'snapshotDefault', snapshotLocation: 'default' });
  });

  it('without EnableCSI a CSI PV of ebs.csi.aws.com is taken natively by the aws plugin (assumed)', () => {
    const snap = cluster([], [bound('app', 'web-data')]);
    const result = protect(snap, options(snap, { enableCSI: false }));
    expect(claimOf(result, 'app/web-data')).toMatchObject({ protection: 'native-snapshot' });
    expect(result.assumptions.join(' ')).toMatch(/provider aws is assumed/);
  });

  it('a volume policy with custom makes the claim custom', () => {
    const snap = cluster([], [bound('app', 'pg', undefined, { labels: { app: 'postgres' } })]);
    const policy = policyFrom('version: v1\nvolumePolicies:\n- conditions:\n    pvcLabels:\n      app: postgres\n  action:\n    type: custom\n    parameters:\n      tool: pg-dump\n');
    expect(run(snap, 'app/pg', { policy })).toMatchObject({ protection: 'custom', reason: 'policyCustom', policyIndex: 1 });
  });
});

describe('reasons a claim in the backup gets nothing (none)', () => {
  it('fsSelectedNoPvb: opted in on a pod that is not running, so neither a PodVolumeBackup nor a snapshot', () => {
    const snap = cluster([user('worker-0', 'spool', { annotations: { [BACKUP]: 'data' }, phase: 'Pending' })], [bound('app', 'spool')]);
    expect(run(snap, 'app/spool')).toMatchObject({ protection: 'none', reason: 'fsSelectedNoPvb',
      selectedBy: { by: 'annotation', pod: 'worker-0', volume: 'data', verdictReason: 'podNotRunning' } });
  });

  it('fsSelectedNoPvb: a finished Job pod selecting the claim counts too, though another pod does not select it', () => {
    const snap = cluster([user('job-x', 'shared', { annotations: { [BACKUP]: 'data' }, phase: 'Succeeded' }), user('web-0', 'shared')], [bound('app', 'shared')]);
    expect(run(snap, 'app/shared')).toMatchObject({ protection: 'none', reason: 'fsSelectedNoPvb', selectedBy: { pod: 'job-x' } });
  });

  it('fsSelectedNoPvb: a policy selects fs-backup but the only pod runs on a node without a node-agent', () => {
    const snap = cluster([user('edge-0', 'buffer', { node: 'node-c' })], [bound('app', 'buffer')]);
    const policy = policyFrom('version: v1\nvolumePolicies:\n- conditions:\n    csi:\n      driver: ebs.csi.aws.com\n  action:\n    type: fs-backup\n');
    expect(run(snap, 'app/buffer', { policy })).toMatchObject({ protection: 'none', reason: 'fsSelectedNoPvb', selectedBy: { by: 'policy', policyIndex: 1 } });
  });

  it('policySkip: a volume policy skips the claim', () => {
    const snap = cluster([], [bound('app', 'scratch', { local: { path: '/mnt/ssd' } })]);
    const policy = policyFrom('version: v1\nvolumePolicies:\n- conditions:\n    volumeTypes: [local]\n  action:\n    type: skip\n');
    expect(run(snap, 'app/scratch', { policy })).toMatchObject({ protection: 'none', reason: 'policySkip', policyIndex: 1 });
  });

  it('snapshotVolumesDisabled: snapshotVolumes false and no fs-backup', () => {
    const snap = cluster([user('web-0', 'web-data')], [bound('app', 'web-data')]);
    expect(run(snap, 'app/web-data', { snapshotVolumes: false })).toMatchObject({ protection: 'none', reason: 'snapshotVolumesDisabled' });
  });

  it('pvUnresolvable: the claim names a PV that does not exist', () => {
    const { claim } = bound('app', 'orphan');
    const snap = cluster([], []);
    const withClaim = { ...snap, pvcs: [claim], namespaces: [{ metadata: { name: 'app' } }] };
    expect(run(withClaim, 'app/orphan')).toMatchObject({ protection: 'none', reason: 'pvUnresolvable' });
  });

  it('noStorageClass: a statically provisioned CSI claim without storageClassName', () => {
    const snap = cluster([], [bound('app', 'static', undefined, { storageClassName: null })]);
    expect(run(snap, 'app/static')).toMatchObject({ protection: 'none', reason: 'noStorageClass' });
  });

  it('storageClassMissing: the claim\'s StorageClass was deleted', () => {
    const snap = cluster([], [bound('app', 'old', undefined, { storageClassName: 'gp2-retired' })]);
    expect(run(snap, 'app/old')).toMatchObject({ protection: 'none', reason: 'storageClassMissing', storageClass: 'gp2-retired' });
  });

  it('noSnapshotClass: no VolumeSnapshotClass has the StorageClass provisioner as driver', () => {
    const snap = cluster([], [bound('app', 'files', { csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-1' } }, { storageClassName: 'efs-sc' })]);
    expect(run(snap, 'app/files')).toMatchObject({ protection: 'none', reason: 'noSnapshotClass', driver: 'efs.csi.aws.com' });
  });

  it('noSnapshotClass: the snapshot API is not served at all, which is a state and an assumption, not an error', () => {
    const snap = cluster([], [bound('app', 'web-data')], { storage: storage({ snapshotApi: 'notServed', volumeSnapshotClasses: [] }) });
    const result = protect(snap, options(snap));
    expect(claimOf(result, 'app/web-data')).toMatchObject({ protection: 'none', reason: 'noSnapshotClass' });
    expect(result.assumptions.join(' ')).toMatch(/not served/);
  });

  it('pvNotInBackup: a native PV while the backup leaves PersistentVolumes out', () => {
    const snap = cluster([], [bound('app', 'old-disk', { awsElasticBlockStore: { volumeID: 'vol-0abc' } })]);
    expect(run(snap, 'app/old-disk', { persistentVolumesIncluded: false })).toMatchObject({ protection: 'none', reason: 'pvNotInBackup' });
  });

  it('noSnapshotLocation: an NFS PV no VolumeSnapshotter plugin takes', () => {
    const snap = cluster([], [bound('app', 'share', { nfs: { server: '10.0.0.5', path: '/exports/share' } })]);
    expect(run(snap, 'app/share')).toMatchObject({ protection: 'none', reason: 'noSnapshotLocation' });
  });

  it('claimMissing: a processed pod names a claim that does not exist', () => {
    const snap = cluster([user('etl-0', 'etl-staging', { annotations: { [BACKUP]: 'data' } })], []);
    expect(run(snap, 'app/etl-staging')).toMatchObject({ protection: 'none', reason: 'claimMissing', exists: false });
  });
});

describe('reasons a claim is not in the backup', () => {
  const snap = cluster([user('web-0', 'web-data')], [bound('app', 'web-data')]);

  it('validationFailed: Velero refuses the backup', () => {
    expect(run(snap, 'app/web-data', { validationFailed: true })).toMatchObject({ protection: 'notInBackup', reason: 'validationFailed' });
  });

  it('namespaceExcluded: the namespace is not in the backup', () => {
    expect(run(snap, 'app/web-data', { namespacesInScope: new Set() })).toMatchObject({ protection: 'notInBackup', reason: 'namespaceExcluded' });
  });

  it('pvcExcluded: the resource filter excludes PVCs', () => {
    expect(run(snap, 'app/web-data', { backupExcludePVC: true })).toMatchObject({ protection: 'notInBackup', reason: 'pvcExcluded' });
  });

  it('claimExcludedByLabel: the exclude label drops the claim when fs-backup does not take it', () => {
    const s = cluster([], [bound('app', 'tmp', undefined, { labels: { 'velero.io/exclude-from-backup': 'true' } })]);
    expect(run(s, 'app/tmp')).toMatchObject({ protection: 'notInBackup', reason: 'claimExcludedByLabel' });
  });

  it('fs-backup wins over the exclude label: the label drops the PVC object, not the pod\'s files', () => {
    const s = cluster([user('store-0', 'sessions', { annotations: { [BACKUP]: 'data' } })], [bound('app', 'sessions', undefined, { labels: { 'velero.io/exclude-from-backup': 'true' } })]);
    expect(run(s, 'app/sessions')).toMatchObject({ protection: 'fs-backup', reason: 'optedIn' });
  });

  it('claimTerminating: a claim being deleted', () => {
    const s = cluster([], [bound('app', 'old', undefined, { deletionTimestamp: '2026-11-24T09:00:00Z' })]);
    expect(run(s, 'app/old')).toMatchObject({ protection: 'notInBackup', reason: 'claimTerminating' });
  });

  it('notSelected: the label selector selects neither the claim nor a pod using it', () => {
    expect(run(snap, 'app/web-data', { labelSelector: { matchLabels: { app: 'other' } } })).toMatchObject({ protection: 'notInBackup', reason: 'notSelected' });
  });

  it('a claim the selected pod uses is reached although the selector does not match the claim', () => {
    expect(run(snap, 'app/web-data', { labelSelector: { matchLabels: { app: 'web' } } })).toMatchObject({ protection: 'csi-snapshot' });
  });
});

describe('VolumeSnapshotClass choice', () => {
  const classes = [vsc('a-plain', 'ebs.csi.aws.com'), vsc('b-default', 'ebs.csi.aws.com', { annotations: { 'snapshot.storage.kubernetes.io/is-default-class': 'false' } })];
  it('the default-class annotation counts by presence, not value', () => {
    const snap = cluster([], [bound('app', 'web-data')], { storage: storage({ volumeSnapshotClasses: classes }) });
    expect(run(snap, 'app/web-data').snapshotClass).toBe('b-default');
  });
  it('the claim\'s annotation picks a class of the right driver, case-insensitively', () => {
    const snap = cluster([], [bound('app', 'web-data', undefined, { annotations: { 'velero.io/csi-volumesnapshot-class': 'A-PLAIN' } })], { storage: storage({ volumeSnapshotClasses: classes }) });
    expect(run(snap, 'app/web-data').snapshotClass).toBe('a-plain');
  });
  it('two classes of one driver with neither label nor default fail', () => {
    const snap = cluster([], [bound('app', 'web-data')], { storage: storage({ volumeSnapshotClasses: [vsc('x', 'ebs.csi.aws.com'), vsc('y', 'ebs.csi.aws.com')] }) });
    expect(run(snap, 'app/web-data').reason).toBe('noSnapshotClass');
  });
});

it('an opt-out exclude annotation does not select the claim, so it is snapshotted', () => {
  const snap = cluster([user('web-0', 'web-data', { annotations: { [EXCLUDES]: 'data' } })], [bound('app', 'web-data')]);
  expect(run(snap, 'app/web-data', { defaultVolumesToFsBackup: true })).toMatchObject({ protection: 'csi-snapshot' });
});

describe('ShouldPerformSnapshot\'s annotation rule (shouldPerformFSBackupLegacy, every volume of every pod)', () => {
  it('opt-out: a claim mounted as default-token-* switches the snapshot off, though fs-backup skips it (B7)', () => {
    const snap = cluster([pod('app', 'web-0', { volumes: [claimVolume('default-token-data', 'c1')] })], [bound('app', 'c1')]);
    expect(run(snap, 'app/c1', { defaultVolumesToFsBackup: true })).toMatchObject({ protection: 'none', reason: 'fsSelectedNoPvb',
      selectedBy: { by: 'annotation', pod: 'web-0', volume: 'default-token-data', verdictReason: 'defaultToken' } });
  });

  it('opt-out: a default-token-* volume listed in the excludes leaves the snapshot on', () => {
    const snap = cluster([pod('app', 'web-0', { volumes: [claimVolume('default-token-data', 'c1')], annotations: { [EXCLUDES]: 'default-token-data' } })], [bound('app', 'c1')]);
    expect(run(snap, 'app/c1', { defaultVolumesToFsBackup: true })).toMatchObject({ protection: 'csi-snapshot', reason: 'snapshotDefault' });
  });

  it('opt-in: a pod mounting the claim twice selects it through its second volume', () => {
    const snap = cluster([pod('app', 'worker-0', { volumes: [claimVolume('a', 'c2'), claimVolume('b', 'c2')], annotations: { [BACKUP]: 'b' }, phase: 'Pending' })], [bound('app', 'c2')]);
    expect(run(snap, 'app/c2')).toMatchObject({ protection: 'none', reason: 'fsSelectedNoPvb',
      selectedBy: { by: 'annotation', pod: 'worker-0', volume: 'b', verdictReason: 'podNotRunning' } });
  });
});


describe('getMatchAction fetches the PV by volumeName alone', () => {
  const custom = policyFrom('version: v1\nvolumePolicies:\n- conditions:\n    pvcLabels:\n      app: pg\n  action:\n    type: custom\n');
  const skipByClass = policyFrom('version: v1\nvolumePolicies:\n- conditions:\n    storageClass: [standard]\n  action:\n    type: skip\n');
  const orphan = () => {
    const { claim } = bound('app', 'orphan', undefined, { labels: { app: 'pg' } });
    return { ...cluster([], []), pvcs: [claim], namespaces: [{ metadata: { name: 'app' } }] };
  };

  it('a policy and a missing PV fail the PVC item, whatever the policy would match', () => {
    expect(run(orphan(), 'app/orphan', { policy: custom })).toMatchObject({ protection: 'none', reason: 'pvUnresolvable' });
    const skipByLabel = policyFrom('version: v1\nvolumePolicies:\n- conditions:\n    pvcLabels:\n      app: pg\n  action:\n    type: skip\n');
    expect(run(orphan(), 'app/orphan', { policy: skipByLabel, enableCSI: false })).toMatchObject({ protection: 'none', reason: 'pvUnresolvable' });
  });

  it('a Lost claim whose PV exists is matched with that PV, so a skip on its storage class holds', () => {
    const { claim, pv } = bound('app', 'lost');
    (claim.status as NonNullable<PersistentVolumeClaim['status']>).phase = 'Lost';
    expect(run(cluster([], [{ claim, pv }]), 'app/lost', { policy: skipByClass })).toMatchObject({ protection: 'none', reason: 'policySkip', policyIndex: 1 });
  });

  it('an unbound claim is matched on its own conditions (no PV to fetch)', () => {
    const claim = pvc('app', 'waiting', { volumeName: '', phase: 'Pending', labels: { app: 'pg' } });
    const skipByLabel = policyFrom('version: v1\nvolumePolicies:\n- conditions:\n    pvcLabels:\n      app: pg\n  action:\n    type: skip\n');
    const snap = { ...cluster([], []), pvcs: [claim], namespaces: [{ metadata: { name: 'app' } }] };
    expect(run(snap, 'app/waiting', { policy: skipByLabel })).toMatchObject({ protection: 'none', reason: 'policySkip' });
    expect(run(snap, 'app/waiting', { policy: skipByClass })).toMatchObject({ protection: 'none', reason: 'pvUnresolvable' });
  });
});

describe('a custom policy on claim-only conditions (getMatchAction acts on skip only; takePVSnapshot matches the PV alone)', () => {
  const custom = policyFrom('version: v1\nvolumePolicies:\n- conditions:\n    pvcLabels:\n      app: pg\n  action:\n    type: custom\n');
  it('an in-tree EBS PV is snapshotted natively', () => {
    const snap = cluster([], [bound('app', 'pg', { awsElasticBlockStore: { volumeID: 'vol-0abc' } }, { labels: { app: 'pg' } })]);
    expect(run(snap, 'app/pg', { policy: custom })).toMatchObject({ protection: 'native-snapshot', reason: 'snapshotDefault', snapshotLocation: 'default' });
  });

  it('an EBS CSI PV without EnableCSI is snapshotted natively', () => {
    const snap = cluster([], [bound('app', 'pg', undefined, { labels: { app: 'pg' } })]);
    expect(run(snap, 'app/pg', { policy: custom, enableCSI: false })).toMatchObject({ protection: 'native-snapshot', reason: 'snapshotDefault' });
  });

  it('on the CSI path the claim stays custom', () => {
    const snap = cluster([], [bound('app', 'pg', undefined, { labels: { app: 'pg' } })]);
    expect(run(snap, 'app/pg', { policy: custom })).toMatchObject({ protection: 'custom', reason: 'policyCustom', policyIndex: 1 });
  });

  it('a custom policy the PV alone matches keeps a native PV custom', () => {
    const byClass = policyFrom('version: v1\nvolumePolicies:\n- conditions:\n    storageClass: [standard]\n  action:\n    type: custom\n');
    const snap = cluster([], [bound('app', 'pg', { awsElasticBlockStore: { volumeID: 'vol-0abc' } })]);
    expect(run(snap, 'app/pg', { policy: byClass, enableCSI: false })).toMatchObject({ protection: 'custom', reason: 'policyCustom', policyIndex: 1 });
  });

  it('a native PV no VolumeSnapshotLocation takes is left to the custom plugin', () => {
    const snap = cluster([], [bound('app', 'pg', { nfs: { server: '10.0.0.5', path: '/exports/pg' } }, { labels: { app: 'pg' } })]);
    expect(run(snap, 'app/pg', { policy: custom })).toMatchObject({ protection: 'custom', reason: 'policyCustom', policyIndex: 1 });
  });
});

describe('the PV item\'s own inclusion checks (itemInclusionChecks) on the native path', () => {
  const ebs = { awsElasticBlockStore: { volumeID: 'vol-0abc' } };
  const withPv = (extra: Partial<NonNullable<PersistentVolume['metadata']>>, source: Record<string, unknown> = ebs) => {
    const b = bound('app', 'disk', source);
    b.pv.metadata = { ...b.pv.metadata, ...extra };
    return cluster([], [b]);
  };

  it('a PV labelled velero.io/exclude-from-backup=true is not backed up, so not snapshotted', () => {
    expect(run(withPv({ labels: { 'velero.io/exclude-from-backup': 'true' } }), 'app/disk')).toMatchObject({ protection: 'none', reason: 'pvNotInBackup' });
  });

  it('a PV being deleted is not backed up, so not snapshotted (EBS CSI PV without EnableCSI)', () => {
    const snap = withPv({ deletionTimestamp: '2026-11-24T09:00:00Z' }, { csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' } });
    expect(run(snap, 'app/disk', { enableCSI: false })).toMatchObject({ protection: 'none', reason: 'pvNotInBackup' });
  });

  it('the CSI path snapshots through the PVC, whatever the PV item\'s label', () => {
    const snap = withPv({ labels: { 'velero.io/exclude-from-backup': 'true' } }, { csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' } });
    expect(run(snap, 'app/disk')).toMatchObject({ protection: 'csi-snapshot' });
  });
});

describe('VolumeSnapshotClass names and drivers from annotations compare with strings.EqualFold', () => {
  it('the Backup annotation names the class in another case', () => {
    const snap = cluster([], [bound('app', 'web-data')], { storage: storage({ volumeSnapshotClasses: [vsc('a-vsc', 'ebs.csi.aws.com'), vsc('b-vsc', 'ebs.csi.aws.com')] }) });
    expect(run(snap, 'app/web-data', { backupAnnotations: { 'velero.io/csi-volumesnapshot-class_ebs.csi.aws.com': 'B-VSC' } })).toMatchObject({ protection: 'csi-snapshot', snapshotClass: 'b-vsc' });
  });

  it('the claim\'s annotation names a class whose driver differs from the provisioner only in case', () => {
    const snap = cluster([], [bound('app', 'web-data', undefined, { annotations: { 'velero.io/csi-volumesnapshot-class': 'ebs-upper' } })],
      { storage: storage({ volumeSnapshotClasses: [vsc('ebs-upper', 'EBS.csi.aws.com')] }) });
    expect(run(snap, 'app/web-data')).toMatchObject({ protection: 'csi-snapshot', snapshotClass: 'ebs-upper' });
  });

  it('the label, default and only-class steps still compare the driver exactly', () => {
    const snap = cluster([], [bound('app', 'web-data')], { storage: storage({ volumeSnapshotClasses: [vsc('ebs-upper', 'EBS.csi.aws.com')] }) });
    expect(run(snap, 'app/web-data')).toMatchObject({ protection: 'none', reason: 'noSnapshotClass' });
  });
});

describe('a backup that lists every PersistentVolume (item_collector.go:getResourceItems) snapshots PVs of claims left out', () => {
  const ebs = { awsElasticBlockStore: { volumeID: 'vol-0abc', fsType: 'ext4' } };
  const listing = { allPersistentVolumesListed: true };
  /** `app` is out of the backup; `other` (in it) keeps the PVC→pod cache built, for the in-scope namespaces only. */
  const elsewhere = { ...listing, namespacesInScope: new Set(['other']) };

  it('includeClusterResources true, claim in an excluded namespace, in-tree EBS PV, aws VSL: native snapshot, the claim still out', () => {
    const snap = cluster([], [bound('app', 'old-disk', ebs)]);
    expect(run(snap, 'app/old-disk', elsewhere)).toMatchObject({ protection: 'native-snapshot', reason: 'snapshotDefault', snapshotLocation: 'default', claimNotInBackup: 'namespaceExcluded' });
    expect(run(snap, 'app/old-disk', { namespacesInScope: new Set(['other']) })).toMatchObject({ protection: 'notInBackup', reason: 'namespaceExcluded' });
  });

  it('the explanation says the claim is out and its PV is in', () => {
    const snap = cluster([], [bound('app', 'old-disk', ebs)]);
    expect(explainProtection(run(snap, 'app/old-disk', elsewhere))).toMatch(/not in the backup \(its namespace is not in the backup\), but its PersistentVolume is/);
  });

  it('with EnableCSI a CSI PV is left to the CSI action of a claim that is not backed up: none', () => {
    const snap = cluster([], [bound('app', 'web-data')]);
    expect(run(snap, 'app/web-data', elsewhere)).toMatchObject({ protection: 'none', reason: 'csiClaimNotInBackup', driver: 'ebs.csi.aws.com', claimNotInBackup: 'namespaceExcluded' });
    expect(run(snap, 'app/web-data', { ...elsewhere, enableCSI: false })).toMatchObject({ protection: 'native-snapshot', claimNotInBackup: 'namespaceExcluded' });
  });

  it('no pod of an excluded namespace is in the PVC→pod cache, so an opted-in pod does not switch the snapshot off', () => {
    const snap = cluster([user('db-0', 'old-disk', { annotations: { [BACKUP]: 'data' } })], [bound('app', 'old-disk', ebs)]);
    expect(run(snap, 'app/old-disk', elsewhere)).toMatchObject({ protection: 'native-snapshot' });
  });

  it('with no namespace in scope no cache is built: the direct lookup finds the opted-in pod (the trap)', () => {
    const snap = cluster([user('db-0', 'old-disk', { annotations: { [BACKUP]: 'data' } })], [bound('app', 'old-disk', ebs)]);
    expect(run(snap, 'app/old-disk', { ...listing, namespacesInScope: new Set() })).toMatchObject({ protection: 'none', reason: 'fsSelectedNoPvb', selectedBy: { pod: 'db-0' } });
  });

  it('a label-excluded claim in an included namespace: native snapshot of its PV', () => {
    const snap = cluster([], [bound('app', 'tmp', ebs, { labels: { 'velero.io/exclude-from-backup': 'true' } })]);
    expect(run(snap, 'app/tmp', listing)).toMatchObject({ protection: 'native-snapshot', claimNotInBackup: 'claimExcludedByLabel' });
  });

  it('a label-excluded claim whose pod opts it in but is not running: the pods of an included namespace are in the cache (the trap)', () => {
    const snap = cluster([user('worker-0', 'tmp', { annotations: { [BACKUP]: 'data' }, phase: 'Pending' })],
      [bound('app', 'tmp', ebs, { labels: { 'velero.io/exclude-from-backup': 'true' } })]);
    expect(run(snap, 'app/tmp', listing)).toMatchObject({ protection: 'none', reason: 'fsSelectedNoPvb', selectedBy: { pod: 'worker-0', verdictReason: 'podNotRunning' }, claimNotInBackup: 'claimExcludedByLabel' });
  });

  it('a terminating claim: native snapshot of its PV', () => {
    const snap = cluster([], [bound('app', 'old', ebs, { deletionTimestamp: '2026-11-24T09:00:00Z' })]);
    expect(run(snap, 'app/old', listing)).toMatchObject({ protection: 'native-snapshot', claimNotInBackup: 'claimTerminating' });
  });

  it('claims left out by the resource filter (backupExcludePVC): native snapshot of their PVs', () => {
    const snap = cluster([], [bound('app', 'old-disk', ebs)]);
    expect(run(snap, 'app/old-disk', { ...listing, backupExcludePVC: true })).toMatchObject({ protection: 'native-snapshot', claimNotInBackup: 'pvcExcluded' });
  });

  it('a volume policy skipping the PV, or no VolumeSnapshotLocation, is takePVSnapshot\'s answer', () => {
    const snap = cluster([], [bound('app', 'old-disk', ebs)]);
    const policy = policyFrom('version: v1\nvolumePolicies:\n- conditions:\n    storageClass: [standard]\n  action:\n    type: skip\n');
    expect(run(snap, 'app/old-disk', { ...elsewhere, policy })).toMatchObject({ protection: 'none', reason: 'policySkip', claimNotInBackup: 'namespaceExcluded' });
    expect(run(snap, 'app/old-disk', { ...elsewhere, volumeSnapshotLocations: [] })).toMatchObject({ protection: 'none', reason: 'noSnapshotLocation' });
  });

  it('the PV item\'s own checks (exclude label, deletionTimestamp) keep the claim notInBackup', () => {
    const labelled = bound('app', 'old-disk', ebs);
    labelled.pv.metadata = { ...labelled.pv.metadata, labels: { 'velero.io/exclude-from-backup': 'true' } };
    expect(run(cluster([], [labelled]), 'app/old-disk', elsewhere)).toEqual(expect.objectContaining({ protection: 'notInBackup', reason: 'namespaceExcluded' }));
    const deleting = bound('app', 'old-disk', ebs);
    deleting.pv.metadata = { ...deleting.pv.metadata, deletionTimestamp: '2026-11-24T09:00:00Z' };
    expect(run(cluster([], [deleting]), 'app/old-disk', elsewhere)).toMatchObject({ protection: 'notInBackup', reason: 'namespaceExcluded' });
    expect(run(cluster([], [deleting]), 'app/old-disk', elsewhere).claimNotInBackup).toBeUndefined();
  });

  it('a PV bound to another claim is not this claim\'s', () => {
    const b = bound('app', 'old-disk', ebs);
    (b.pv.spec as NonNullable<PersistentVolume['spec']>).claimRef = { namespace: 'app', name: 'someone-else' };
    expect(run(cluster([], [b]), 'app/old-disk', elsewhere)).toMatchObject({ protection: 'notInBackup', reason: 'namespaceExcluded' });
  });

  it('the label selector applies to the listed PVs: a PV without matching labels is not listed', () => {
    const unlabelled = cluster([user('web-0', 'old-disk')], [bound('app', 'old-disk', ebs)]);
    const selector = { labelSelector: { matchLabels: { tier: 'gold' } } };
    expect(run(unlabelled, 'app/old-disk', { ...listing, ...selector })).toMatchObject({ protection: 'notInBackup', reason: 'notSelected' });
    const labelled = bound('app', 'old-disk', ebs);
    labelled.pv.metadata = { ...labelled.pv.metadata, labels: { tier: 'gold' } };
    const snap = cluster([user('web-0', 'old-disk')], [labelled]);
    expect(run(snap, 'app/old-disk', { ...listing, ...selector })).toMatchObject({ protection: 'native-snapshot', claimNotInBackup: 'notSelected' });
    expect(run(snap, 'app/old-disk', { ...elsewhere, orLabelSelectors: [{ matchLabels: { app: 'x' } }, { matchLabels: { tier: 'gold' } }] }))
      .toMatchObject({ protection: 'native-snapshot', claimNotInBackup: 'namespaceExcluded' });
    expect(run(snap, 'app/old-disk', { ...elsewhere, labelSelector: { matchLabels: { app: 'x' } } })).toMatchObject({ protection: 'notInBackup', reason: 'namespaceExcluded' });
  });

  it('claims in the backup, and fs-backup first, are unchanged', () => {
    const snap = cluster([user('store-0', 'sessions', { annotations: { [BACKUP]: 'data' } })], [bound('app', 'sessions', ebs, { labels: { 'velero.io/exclude-from-backup': 'true' } })]);
    expect(run(snap, 'app/sessions', listing)).toMatchObject({ protection: 'fs-backup', reason: 'optedIn' });
    expect(run(snap, 'app/sessions', listing).claimNotInBackup).toBeUndefined();
    expect(run(cluster([], [bound('app', 'web-data')]), 'app/web-data', listing)).toMatchObject({ protection: 'csi-snapshot' });
    expect(run(snap, 'app/sessions', { ...listing, validationFailed: true })).toMatchObject({ protection: 'notInBackup', reason: 'validationFailed' });
  });
});
