import { describe, expect, it } from 'vitest';
import { BACKUP, EXCLUDES, OPT_IN, OPT_OUT, claimVolume, emptyDir, pod, pv, pvc, rules, snapshot, verdictOf } from './fixtures';
import type { PolicyTarget } from './policy';
import { filterDataFor, getVolumeTypeFromVolume, parseResourcePolicy, policyMatcher } from './policy/index';

function matcher(text: string) {
  const result = parseResourcePolicy(text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return policyMatcher(result.policy);
}
const FS_BACKUP_ALL = matcher('version: v1\nvolumePolicies:\n- action: {type: fs-backup}\n');
const SKIP_EMPTYDIR = matcher('version: v1\nvolumePolicies:\n- conditions: {volumeTypes: [emptyDir]}\n  action: {type: skip}\n');
const NO_POLICIES = matcher('version: v1\n');

describe('verdicts with a volume policy', () => {
  it('fs-backup overrides a missing opt-in annotation (opt-in mode), with the policy index in evidence and text', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { volumes: [emptyDir('cache')] })] });
    const v = verdictOf(snap, OPT_IN, 'shop/web-0/cache', FS_BACKUP_ALL);
    expect(v).toMatchObject({ action: 'fs-backup', reason: 'policyFsBackup', check: 'B9', evidence: { policy: { index: 1, action: 'fs-backup', conditions: 'any volume' } } });
    expect(v.explanation).toContain('Volume policy #1 matches cache');
  });

  it('fs-backup overrides an opt-out exclude annotation', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { annotations: { [EXCLUDES]: 'cache' }, volumes: [emptyDir('cache')] })] });
    expect(verdictOf(snap, OPT_OUT, 'shop/web-0/cache', FS_BACKUP_ALL).reason).toBe('policyFsBackup');
  });

  it('skip beats an opt-in annotation', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { annotations: { [BACKUP]: 'cache' }, volumes: [emptyDir('cache')] })] });
    expect(verdictOf(snap, OPT_IN, 'shop/web-0/cache', SKIP_EMPTYDIR)).toMatchObject({ action: 'skip', reason: 'policySkip', check: 'B9' });
  });

  it('B1–B7 still win over a fs-backup policy', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { volumes: [{ name: 'conf', configMap: { name: 'c' } }, emptyDir('default-token-x'), claimVolume('data', 'data')] })], pvcs: [pvc('shop', 'data')] });
    const excludePvc = { ...OPT_OUT, backupExcludePVC: true };
    expect(verdictOf(snap, OPT_OUT, 'shop/web-0/conf', FS_BACKUP_ALL).reason).toBe('configMap');
    expect(verdictOf(snap, OPT_OUT, 'shop/web-0/default-token-x', FS_BACKUP_ALL).reason).toBe('defaultToken');
    expect(verdictOf(snap, excludePvc, 'shop/web-0/data', FS_BACKUP_ALL).reason).toBe('pvcExcluded');
  });

  it('a PVC volume whose claim is missing is pvcMissing at B8 when a policy is set (E1 without one)', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { volumes: [claimVolume('data', 'gone')] })] });
    expect(verdictOf(snap, OPT_OUT, 'shop/web-0/data', FS_BACKUP_ALL)).toMatchObject({ reason: 'pvcMissing', check: 'B8', backupError: true });
    expect(verdictOf(snap, OPT_OUT, 'shop/web-0/data')).toMatchObject({ reason: 'pvcMissing', check: 'E1' });
  });

  it('where claims could not be read (403), a claim not found is unknown, not pvcMissing at B8', () => {
    const base = snapshot({ pods: [pod('shop', 'web-0', { volumes: [claimVolume('data', 'data')] })] });
    const snap = { ...base, incomplete: [{ resource: 'persistentvolumeclaims' as const, namespace: 'shop', status: 403, message: 'forbidden' }] };
    expect(verdictOf(snap, OPT_OUT, 'shop/web-0/data', FS_BACKUP_ALL)).toMatchObject({ reason: 'policyFsBackup', check: 'B9' });
    expect(verdictOf(snap, OPT_OUT, 'shop/web-0/data', SKIP_EMPTYDIR).reason).toBe('defaultFsBackup');
  });

  it('an unresolvable PV with no matching policy is pvUnavailable at B10; a document without volumePolicies still switches B8/B10 on', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { phase: 'Pending', node: '', volumes: [claimVolume('data', 'data')] })], pvcs: [pvc('shop', 'data', { volumeName: '', phase: 'Pending' })] });
    expect(verdictOf(snap, OPT_OUT, 'shop/web-0/data', SKIP_EMPTYDIR)).toMatchObject({ reason: 'pvUnavailable', check: 'B10' });
    expect(verdictOf(snap, OPT_OUT, 'shop/web-0/data', NO_POLICIES)).toMatchObject({ reason: 'pvUnavailable', check: 'B10' });
    expect(verdictOf(snap, OPT_OUT, 'shop/web-0/data').reason).toBe('podNotRunning');
  });

  it('a policy matching an unresolvable claim by its phase decides before B10', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { volumes: [claimVolume('data', 'data')] })], pvcs: [pvc('shop', 'data', { phase: 'Lost' })], pvs: [] });
    const policy = matcher('version: v1\nvolumePolicies:\n- conditions: {pvcPhase: [Lost]}\n  action: {type: snapshot}\n');
    expect(verdictOf(snap, OPT_OUT, 'shop/web-0/data', policy)).toMatchObject({ reason: 'policySnapshot', evidence: { policy: { index: 1, action: 'snapshot' } } });
  });

  it('a fs-backup policy admits a claim whose PV is gone; E3 then reports pvUnavailable', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { volumes: [claimVolume('data', 'data')] })], pvcs: [pvc('shop', 'data')], pvs: [] });
    expect(verdictOf(snap, OPT_OUT, 'shop/web-0/data', FS_BACKUP_ALL)).toMatchObject({ reason: 'pvUnavailable', check: 'E3' });
  });

  it('E2 re-checks with the PV when it resolves and reports a skip as policySkip at E2', () => {
    const seen: PolicyTarget[] = [];
    const policy = rules([(t) => (seen.push(t), t.stage === 'E2'), 'skip']);
    const snap = snapshot({ pods: [pod('shop', 'web-0', { volumes: [claimVolume('data', 'data')] })], pvcs: [pvc('shop', 'data')] });
    expect(verdictOf(snap, OPT_OUT, 'shop/web-0/data', policy)).toMatchObject({ reason: 'policySkip', check: 'E2', evidence: { policy: { index: 1, action: 'skip' } } });
    expect(seen.map((t) => [t.stage, t.pv?.metadata?.name ?? null])).toEqual([['B9', 'pvc-shop-data'], ['E2', 'pvc-shop-data']]);
  });
});

describe('filter data', () => {
  const volume = claimVolume('data', 'data');
  const claim = pvc('shop', 'data', { labels: { app: 'db' }, phase: 'Lost' });

  it('without a PV, B9 uses the PVC pod volume (no type) and E2 the claim alone; both carry the claim labels and phase', () => {
    expect(filterDataFor({ stage: 'B9', volume, claim, pv: null })).toMatchObject({ from: 'podVolume', volumeType: '', capacity: null, storageClass: '', pvcLabels: { app: 'db' }, pvcPhase: 'Lost' });
    expect(filterDataFor({ stage: 'E2', volume, claim, pv: null })).toMatchObject({ from: 'claim', volumeType: '', pvcPhase: 'Lost' });
  });

  it('an inline pod volume has its own NFS/CSI and type, no claim data', () => {
    expect(filterDataFor({ stage: 'B9', volume: { name: 'share', nfs: { server: 's', path: '/p' } }, claim: null, pv: null }))
      .toEqual({ from: 'podVolume', capacity: null, storageClass: '', nfs: { server: 's', path: '/p' }, csi: null, volumeType: 'nfs', pvcLabels: null, pvcPhase: '' });
  });

  it('maps the PV storageos source to storageOS and a pod ephemeral volume to ephemeral', () => {
    expect(filterDataFor({ stage: 'B9', volume, claim, pv: pv('p', { storageos: { volumeName: 'v' } }) }).volumeType).toBe('storageOS');
    expect(getVolumeTypeFromVolume({ name: 'e', ephemeral: { volumeClaimTemplate: {} } })).toBe('ephemeral');
    expect(getVolumeTypeFromVolume({ name: 'i', image: { reference: 'x' } })).toBe('');
  });
});
