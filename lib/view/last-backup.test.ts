import { describe, expect, it } from 'vitest';
import { buildPvcPodIndex } from '../index/pvc-pod-index';
import type { ClusterSnapshot, Pod } from '../model/kube';
import type { Backup, PodVolumeBackup } from '../model/velero';
import type { DataUpload } from '../model/storage';
import { BACKUP, claimVolume, pod, snapshot } from '../rules/fixtures';
import { bound, options, protect, storage } from '../rules/protection/test-fixtures';
import { decideVolumes } from '../rules/verdict';
import { slimPodVolumeBackup } from '../k8s/slim-velero';
import { labelNamesBackup, lastBackupOf, newestFinishedBackup } from './last-backup';

const BACKUP_UID = '5b0c2d1e-7f3a-4e2b-9c1d-2a6f8e9b0c11';
function backupObject(name: string, status: Backup['status'] = {}, schedule = 'nightly'): Backup {
  return {
    metadata: { name, namespace: 'velero', uid: name === 'nightly-20261130020012' ? BACKUP_UID : `uid-${name}`, labels: { 'velero.io/schedule-name': schedule }, creationTimestamp: '2026-11-30T02:00:12Z' },
    spec: { defaultVolumesToFsBackup: false },
    status: { phase: 'PartiallyFailed', startTimestamp: '2026-11-30T02:00:13Z', completionTimestamp: '2026-11-30T02:07:41Z', errors: 0, ...status },
  };
}
const B = backupObject('nightly-20261130020012');

function pvb(p: Pod, volume: string, phase: string, extra: { message?: string; pvcUid?: string; created?: string; podUid?: string } = {}): PodVolumeBackup {
  return {
    metadata: { name: `${B.metadata?.name}-${p.metadata?.name}`, namespace: 'velero', creationTimestamp: extra.created ?? '2026-11-30T02:01:00Z',
      labels: { 'velero.io/backup-name': B.metadata?.name ?? '', 'velero.io/backup-uid': BACKUP_UID, ...(extra.pvcUid ? { 'velero.io/pvc-uid': extra.pvcUid } : {}) } },
    spec: { node: 'node-a', pod: { kind: 'Pod', namespace: p.metadata?.namespace, name: p.metadata?.name, uid: extra.podUid ?? p.metadata?.uid }, volume, uploaderType: 'kopia' },
    status: { phase, ...(extra.message ? { message: extra.message } : {}) },
  };
}

const optIn = (name: string, claim: string, extra: Parameters<typeof pod>[2] = {}) => pod('app', name, { volumes: [claimVolume('data', claim)], annotations: { [BACKUP]: 'data' }, ...extra });

function run(snap: ClusterSnapshot, pvbs: PodVolumeBackup[] | null, backup: Backup = B, dataUploads: DataUpload[] | null = [], moveData = false) {
  const index = buildPvcPodIndex(snap);
  const decided = decideVolumes({ snapshot: snap, options: { defaultVolumesToFsBackup: false, backupExcludePVC: false }, index });
  const protections = protect(snap, options(snap, { snapshotMoveData: moveData })).claims;
  return lastBackupOf({ backup, podVolumeBackups: pvbs, dataUploads, verdicts: decided.verdicts, protections, index, defaultVolumesToFsBackup: false });
}
const cluster = (pods: Pod[], names: string[]) => {
  const claims = names.map((n) => bound('app', n));
  return { ...snapshot({ pods, pvcs: claims.map((c) => c.claim), pvs: claims.map((c) => c.pv) }), storage: storage() };
};

describe('the newest finished backup of a schedule', () => {
  it('takes the newest Completed/PartiallyFailed/Failed by startTimestamp and ignores InProgress and FailedValidation', () => {
    const list = [
      backupObject('nightly-a', { phase: 'Completed', startTimestamp: '2026-11-28T02:00:00Z' }),
      backupObject('nightly-b', { phase: 'Failed', startTimestamp: '2026-11-29T02:00:00Z' }),
      backupObject('nightly-c', { phase: 'InProgress', startTimestamp: '2026-11-30T02:00:00Z' }),
      backupObject('nightly-d', { phase: 'FailedValidation', startTimestamp: '' }),
      backupObject('other-e', { phase: 'Completed', startTimestamp: '2026-12-01T02:00:00Z' }, 'other'),
    ];
    expect(newestFinishedBackup(list, 'nightly')?.metadata?.name).toBe('nightly-b');
    expect(newestFinishedBackup(list, 'weekly')).toBeNull();
  });

  it('breaks a tie of start times by creation time, then by name, whatever the list order', () => {
    const at = (name: string, created: string) => {
      const b = backupObject(name, { phase: 'Completed', startTimestamp: '2026-11-30T02:00:13Z' });
      (b.metadata as { creationTimestamp: string }).creationTimestamp = created;
      return b;
    };
    const list = [at('nightly-20261130020013', '2026-11-30T02:00:13Z'), at('nightly-20261130020012', '2026-11-30T02:00:12Z'), at('nightly-20261130020014', '2026-11-30T02:00:13Z')];
    expect(newestFinishedBackup(list, 'nightly')?.metadata?.name).toBe('nightly-20261130020014');
    expect(newestFinishedBackup([...list].reverse(), 'nightly')?.metadata?.name).toBe('nightly-20261130020014');
  });

  it('recognises a backup-name label Velero shortened (57 characters plus 6 hex of the sha256)', () => {
    const long = `${'a'.repeat(60)}-20261130020012`;
    // The 6 hex characters are not recomputed (no hashing in pure code): any 6 hex characters after the prefix match.
    expect(labelNamesBackup(`${long.slice(0, 57)}3f9a0c`, long)).toBe(true);
    expect(labelNamesBackup(`${long.slice(0, 57)}zz9a0c`, long)).toBe(false);
    expect(labelNamesBackup('nightly-20261130020012', 'nightly-20261130020012')).toBe(true);
    expect(labelNamesBackup('nightly-2026113002001', 'nightly-20261130020012')).toBe(false);
  });

  it('finds PodVolumeBackups by backup name when they carry no backup-uid label', () => {
    const db = optIn('db-0', 'data-db-0');
    const byName = pvb(db, 'data', 'Completed');
    delete byName.metadata?.labels?.['velero.io/backup-uid'];
    expect(run(cluster([db], ['data-db-0']), [byName]).byVolume.get('app/db-0/data')?.outcome).toBe('completed');
  });
});

describe('outcomes per pod volume', () => {
  const db = optIn('db-0', 'data-db-0');
  const web = pod('app', 'web-0', { volumes: [claimVolume('data', 'web-data')] });
  const snap = cluster([db, web], ['data-db-0', 'web-data']);

  it('completed: predicted fs-backup and the PodVolumeBackup Completed', () => {
    expect(run(snap, [pvb(db, 'data', 'Completed')]).byVolume.get('app/db-0/data')).toMatchObject({ outcome: 'completed', pvbPhase: 'Completed', backup: 'nightly-20261130020012' });
  });

  it('failed: predicted fs-backup, the PodVolumeBackup Failed, with its message', () => {
    const result = run(snap, [pvb(db, 'data', 'Failed', { message: 'data path backup failed: input/output error' })]);
    expect(result.byVolume.get('app/db-0/data')).toMatchObject({ outcome: 'failed', message: 'data path backup failed: input/output error' });
  });

  it('failed: a Canceled PodVolumeBackup counts as failed', () => {
    expect(run(snap, [pvb(db, 'data', 'Canceled', { message: 'timeout on preparing PVB' })]).byVolume.get('app/db-0/data')?.outcome).toBe('failed');
  });

  it('notFinal: a PodVolumeBackup still InProgress, whatever the prediction', () => {
    expect(run(snap, [pvb(db, 'data', 'InProgress'), pvb(web, 'data', 'Accepted')]).summary.outcomes.notFinal).toBe(2);
  });

  it('agrees: predicted skip and no PodVolumeBackup', () => {
    expect(run(snap, []).byVolume.get('app/web-0/data')).toMatchObject({ outcome: 'agrees', pvbPhase: null });
  });

  it('the newest of several PodVolumeBackups under one key counts', () => {
    const result = run(snap, [pvb(db, 'data', 'Failed', { created: '2026-11-30T02:01:00Z' }), pvb(db, 'data', 'Completed', { created: '2026-11-30T02:05:00Z' })]);
    expect(result.byVolume.get('app/db-0/data')?.outcome).toBe('completed');
  });

  it('the newest of several counts after slimming too (by the PodVolumeBackup\'s start time)', () => {
    const started = (phase: string, at: string) => slimPodVolumeBackup({ ...pvb(db, 'data', phase), status: { phase, startTimestamp: at } });
    const result = run(snap, [started('Completed', '2026-11-30T02:05:00Z'), started('Failed', '2026-11-30T02:01:00Z')]);
    expect(result.byVolume.get('app/db-0/data')?.outcome).toBe('completed');
    expect(run(snap, [started('Failed', '2026-11-30T02:01:00Z'), started('Completed', '2026-11-30T02:05:00Z')]).byVolume.get('app/db-0/data')?.outcome).toBe('completed');
  });

  it('compares nothing when the PodVolumeBackups could not be read, and says so', () => {
    const result = run(snap, null);
    expect(result.byVolume.size).toBe(0);
    expect(result.summary.podVolumeBackupsRead).toBe(false);
    expect(Object.values(result.summary.outcomes).every((n) => n === 0)).toBe(true);
    expect(run(snap, []).summary.podVolumeBackupsRead).toBe(true);
  });

  it('the data mover\'s totals are unknown (null), not 0, when the DataUploads could not be read', () => {
    expect(run(snap, [], B, null).summary.snapshots.dataMover).toMatchObject({ attempted: null, completed: null });
    expect(run(snap, [], B, []).summary.snapshots.dataMover).toMatchObject({ attempted: 0, completed: 0 });
  });

  it('ignores PodVolumeBackups of another backup', () => {
    const other = { ...pvb(db, 'data', 'Completed'), metadata: { labels: { 'velero.io/backup-uid': 'someone-else', 'velero.io/backup-name': 'nightly-20261129020011' } } };
    expect(run(snap, [other]).byVolume.get('app/db-0/data')?.outcome).toBe('missing');
  });
});

describe('likely causes', () => {
  it('missing: the pod was created after the backup started', () => {
    const late = optIn('db-0', 'data-db-0');
    (late.metadata as { creationTimestamp: string }).creationTimestamp = '2026-11-30T07:00:00Z';
    expect(run(cluster([late], ['data-db-0']), []).byVolume.get('app/db-0/data')).toMatchObject({ outcome: 'missing', cause: { code: 'podCreatedAfterBackup' } });
  });

  it('missing: the claim was copied through a pod that no longer exists (pvc-uid rule)', () => {
    const snap = cluster([optIn('db-7f9c-x2k4p', 'data-db')], ['data-db']);
    const uid = snap.pvcs[0]?.metadata?.uid ?? '';
    const gone = pod('app', 'db-7f9c-q8w2x', { volumes: [claimVolume('data', 'data-db')] });
    expect(run(snap, [pvb(gone, 'data', 'Completed', { pvcUid: uid })]).byVolume.get('app/db-7f9c-x2k4p/data')).toMatchObject({ outcome: 'missing', cause: { code: 'podRecreated' } });
  });

  it('missing: the claim was taken through another existing pod, which is fine', () => {
    const a = optIn('a-0', 'shared');
    const snap = cluster([a, optIn('b-0', 'shared', { node: 'node-c' })], ['shared']);
    const uid = snap.pvcs[0]?.metadata?.uid ?? '';
    // The prediction: a-0 takes the claim; suppose b-0 took it in the real run.
    const b = snap.pods.find((p) => p.metadata?.name === 'b-0') as Pod;
    expect(run(snap, [pvb(b, 'data', 'Completed', { pvcUid: uid })]).byVolume.get('app/a-0/data')).toMatchObject({ outcome: 'missing', cause: { code: 'claimTakenByOtherPod' } });
  });

  it('missing: the PodVolumeBackup under the key copied an earlier claim of the same name (pvc-uid differs)', () => {
    const snap = cluster([optIn('db-0', 'data-db-0')], ['data-db-0']);
    const db = snap.pods[0] as Pod;
    const entry = run(snap, [pvb(db, 'data', 'Completed', { pvcUid: 'uid-of-the-deleted-claim' })]).byVolume.get('app/db-0/data');
    expect(entry).toMatchObject({ outcome: 'missing', pvbPhase: null, cause: { code: 'podRecreated' } });
    expect(entry?.cause?.text).toContain('uid-of-the-deleted-claim');
  });

  it('completed: a StatefulSet pod recreated on the same claim (pod uid differs, pvc-uid equal) still counts', () => {
    const snap = cluster([optIn('db-0', 'data-db-0')], ['data-db-0']);
    const db = snap.pods[0] as Pod;
    const uid = snap.pvcs[0]?.metadata?.uid ?? '';
    expect(run(snap, [pvb(db, 'data', 'Completed', { pvcUid: uid, podUid: 'uid-of-the-old-pod' })]).byVolume.get('app/db-0/data')?.outcome).toBe('completed');
  });

  it('missing: an emptyDir PodVolumeBackup of an earlier pod of the same name (spec.pod.uid differs)', () => {
    const cache = pod('app', 'cache-0', { volumes: [{ name: 'scratch', emptyDir: {} }], annotations: { [BACKUP]: 'scratch' } });
    const snap = cluster([cache], []);
    expect(run(snap, [pvb(cache, 'scratch', 'Completed', { podUid: 'uid-of-the-old-pod' })]).byVolume.get('app/cache-0/scratch'))
      .toMatchObject({ outcome: 'missing', cause: { code: 'podRecreated' } });
    expect(run(snap, [pvb(cache, 'scratch', 'Completed')]).byVolume.get('app/cache-0/scratch')?.outcome).toBe('completed');
  });

  it('missing: the backup ran with another defaultVolumesToFsBackup (checked before the runtime causes)', () => {
    const snap = cluster([optIn('db-0', 'data-db-0')], ['data-db-0']);
    const ranOptOut = { ...backupObject('nightly-20261130020012', { errors: 2 }), spec: { defaultVolumesToFsBackup: true } };
    expect(run(snap, [], ranOptOut).byVolume.get('app/db-0/data')?.cause?.code).toBe('optionsChanged');
  });

  it('missing: the backup had errors, or failed hooks', () => {
    const snap = cluster([optIn('db-0', 'data-db-0')], ['data-db-0']);
    expect(run(snap, [], backupObject('nightly-20261130020012', { errors: 2 })).byVolume.get('app/db-0/data')?.cause?.code).toBe('backupErrors');
    expect(run(snap, [], backupObject('nightly-20261130020012', { hookStatus: { hooksAttempted: 1, hooksFailed: 1 } })).byVolume.get('app/db-0/data')?.cause?.code).toBe('hooksFailed');
    expect(run(snap, [], backupObject('nightly-20261130020012', { errors: 0 })).byVolume.get('app/db-0/data')?.cause?.code).toBe('unexplained');
  });

  it('unexpected: predicted skip (another pod takes the shared claim first) but this pod copied it too', () => {
    const a = optIn('a-0', 'shared');
    const b = optIn('b-0', 'shared');
    const result = run(cluster([a, b], ['shared']), [pvb(a, 'data', 'Completed'), pvb(b, 'data', 'Completed')]);
    expect(result.byVolume.get('app/b-0/data')).toMatchObject({ outcome: 'unexpected', cause: { code: 'duplicateThroughOtherPod' } });
    expect(result.summary.outcomes).toMatchObject({ completed: 1, unexpected: 1 });
  });

  it('unexpected: the PodVolumeBackup belongs to an earlier pod of the same name', () => {
    const web = pod('app', 'web-0', { volumes: [claimVolume('data', 'web-data')] });
    expect(run(cluster([web], ['web-data']), [pvb(web, 'data', 'Completed', { podUid: 'older-uid' })]).byVolume.get('app/web-0/data')?.cause?.code).toBe('podRecreated');
  });
});

describe('snapshots and the data mover', () => {
  const web = pod('app', 'web-0', { volumes: [claimVolume('data', 'web-data')] });
  const snap = cluster([web], ['web-data']);

  it('compares the backup\'s CSI totals with the predicted number of CSI snapshots', () => {
    const result = run(snap, [], backupObject('nightly-20261130020012', { csiVolumeSnapshotsAttempted: 2, csiVolumeSnapshotsCompleted: 1 }));
    expect(result.summary.snapshots.csi).toEqual({ predicted: 1, attempted: 2, completed: 1 });
  });

  it('shows the DataUpload phase of a claim the data mover moves, and null when none was made', () => {
    const uid = snap.pvcs[0]?.metadata?.uid ?? '';
    const upload: DataUpload = { metadata: { name: 'nightly-20261130020012-7cq4d', labels: { 'velero.io/backup-uid': BACKUP_UID, 'velero.io/pvc-uid': uid } },
      spec: { snapshotType: 'CSI', sourcePVC: 'web-data', sourceNamespace: 'app' }, status: { phase: 'Failed', message: 'snapshot not ready within 10m0s' } };
    expect(run(snap, [], B, [upload], true).byVolume.get('app/web-0/data')?.dataUpload).toEqual({ name: 'nightly-20261130020012-7cq4d', phase: 'Failed', message: 'snapshot not ready within 10m0s' });
    expect(run(snap, [], B, [], true).byVolume.get('app/web-0/data')?.dataUpload).toBeNull();
    expect(run(snap, [], B, [upload], true).summary.snapshots.dataMover).toEqual({ predicted: 1, attempted: 1, completed: 0 });
  });

  it('lists PodVolumeBackups of pod volumes without a verdict', () => {
    const gone = pod('app', 'old-0', { volumes: [claimVolume('data', 'web-data')] });
    expect(run(snap, [pvb(gone, 'data', 'Completed')]).summary.unmatched).toEqual([{ namespace: 'app', pod: 'old-0', volume: 'data', phase: 'Completed' }]);
  });
});
