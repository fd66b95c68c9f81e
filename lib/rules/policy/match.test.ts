import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim, Volume } from '../../model/kube';
import { claimVolume, emptyDir, pv, pvc } from '../fixtures';
import type { PolicyTarget } from '../policy';
import { matchingPolicy, policyMatcher } from './match';
import { parseResourcePolicy } from './parse';
import type { ResourcePolicy } from './types';

function policyOf(text: string): ResourcePolicy {
  const result = parseResourcePolicy(text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.policy;
}

/** One skip policy with these conditions (flow YAML). */
const when = (conditions: string) => policyOf(`version: v1\nvolumePolicies:\n- conditions: ${conditions}\n  action: {type: skip}\n`);

function sized(storage: string, extra: Record<string, unknown> = {}): PersistentVolume {
  const base = pv('pv-data', extra.nfs || extra.local || extra.hostPath ? {} : undefined);
  return { ...base, spec: { ...base.spec, capacity: { storage }, ...extra } };
}

const claim = (labels?: Record<string, string>, phase = 'Bound'): PersistentVolumeClaim => pvc('shop', 'data', { volumeName: 'pv-data', phase, ...(labels ? { labels } : {}) });
const onPv = (volumePv: PersistentVolume, c: PersistentVolumeClaim = claim()): PolicyTarget => ({ stage: 'B9', volume: claimVolume('data', 'data'), claim: c, pv: volumePv });
const inline = (volume: Volume): PolicyTarget => ({ stage: 'B9', volume, claim: null, pv: null });
const matches = (policy: ResourcePolicy, target: PolicyTarget) => policyMatcher(policy).match(target) !== null;

describe('conditions', () => {
  it('capacity: in range by the PV size, with an empty side as 0', () => {
    expect(matches(when('{capacity: "0,10Gi"}'), onPv(sized('10Gi')))).toBe(true);
    expect(matches(when('{capacity: "0,10Gi"}'), onPv(sized('10737418241')))).toBe(false);
    expect(matches(when('{capacity: "5Gi,"}'), onPv(sized('5120Mi')))).toBe(true);
    expect(matches(when('{capacity: "5Gi,"}'), onPv(sized('4Gi')))).toBe(false);
    expect(matches(when('{capacity: "1Gi,2Gi"}'), onPv(sized('1.5Gi')))).toBe(true);
  });

  it('capacity: a non-PV volume has size 0, so "0,5Gi" matches it and "5Gi," never does', () => {
    expect(matches(when('{capacity: "0,5Gi"}'), inline(emptyDir('tmp')))).toBe(true);
    expect(matches(when('{capacity: "5Gi,"}'), inline(emptyDir('tmp')))).toBe(false);
  });

  it("capacity and storageClass read the PV, never the claim's request or class", () => {
    const c = claim();
    c.spec = { ...c.spec, storageClassName: 'gp3', resources: { requests: { storage: '1Gi' } } };
    const volumePv = sized('100Gi');
    expect(matches(when('{capacity: "0,10Gi"}'), onPv(volumePv, c))).toBe(false);
    expect(matches(when('{storageClass: [gp3]}'), onPv(volumePv, c))).toBe(false);
    expect(matches(when('{storageClass: [standard]}'), onPv(volumePv, c))).toBe(true);
  });

  it('storageClass: listed class matches; an empty list matches all; a volume without a class never matches a list', () => {
    expect(matches(when('{storageClass: [gp2, standard]}'), onPv(sized('1Gi')))).toBe(true);
    expect(matches(when('{storageClass: []}'), inline(emptyDir('tmp')))).toBe(true);
    expect(matches(when('{storageClass: [""]}'), inline(emptyDir('tmp')))).toBe(false);
  });

  it('nfs: {} any NFS; server only; path with and without server', () => {
    const nfsPv = sized('1Gi', { nfs: { server: '10.0.0.5', path: '/exports/a' } });
    expect(matches(when('{nfs: {}}'), onPv(nfsPv))).toBe(true);
    expect(matches(when('{nfs: {}}'), onPv(sized('1Gi')))).toBe(false);
    expect(matches(when('{nfs: {server: 10.0.0.5}}'), onPv(nfsPv))).toBe(true);
    expect(matches(when('{nfs: {server: 10.0.0.6}}'), onPv(nfsPv))).toBe(false);
    expect(matches(when('{nfs: {path: /exports/a}}'), onPv(nfsPv))).toBe(true);
    expect(matches(when('{nfs: {path: /exports/a, server: 10.0.0.6}}'), onPv(nfsPv))).toBe(false);
    expect(matches(when('{nfs: {server: 10.0.0.5}}'), inline({ name: 'share', nfs: { server: '10.0.0.5', path: '/x' } }))).toBe(true);
  });

  it('csi: {} any CSI; equal driver; every given attribute equal; no attributes on the volume fails', () => {
    const csiPv = (attrs?: Record<string, string>) => pv('pv-data', { csi: { driver: 'files.csi', volumeHandle: 'h', ...(attrs ? { volumeAttributes: attrs } : {}) } });
    expect(matches(when('{csi: {}}'), onPv(csiPv()))).toBe(true);
    expect(matches(when('{csi: {}}'), onPv(sized('1Gi', { local: { path: '/mnt' } })))).toBe(false);
    expect(matches(when('{csi: {driver: files.csi}}'), onPv(csiPv()))).toBe(true);
    expect(matches(when('{csi: {driver: disks.csi}}'), onPv(csiPv()))).toBe(false);
    expect(matches(when('{csi: {driver: files.csi, volumeAttributes: {protocol: nfs}}}'), onPv(csiPv({ protocol: 'nfs', sku: 'p' })))).toBe(true);
    expect(matches(when('{csi: {driver: files.csi, volumeAttributes: {protocol: nfs}}}'), onPv(csiPv({ protocol: 'smb' })))).toBe(false);
    expect(matches(when('{csi: {driver: files.csi, volumeAttributes: {protocol: nfs}}}'), onPv(csiPv()))).toBe(false);
    // Go's map lookup gives "" for a missing key: an empty value matches a volume that lacks the attribute, if it has any.
    expect(matches(when('{csi: {driver: files.csi, volumeAttributes: {tier: ""}}}'), onPv(csiPv({ protocol: 'nfs' })))).toBe(true);
    expect(matches(when('{csi: {driver: files.csi, volumeAttributes: {tier: ""}}}'), onPv(csiPv({ tier: 'gold' })))).toBe(false);
    expect(matches(when('{csi: {driver: files.csi, volumeAttributes: {tier: ""}}}'), onPv(csiPv()))).toBe(false);
  });

  it('volumeTypes: the PV source type or the pod volume type, case-sensitive', () => {
    expect(matches(when('{volumeTypes: [csi]}'), onPv(pv('pv-data')))).toBe(true);
    expect(matches(when('{volumeTypes: [emptyDir]}'), inline(emptyDir('tmp')))).toBe(true);
    expect(matches(when('{volumeTypes: [emptydir]}'), inline(emptyDir('tmp')))).toBe(false);
    expect(matches(when('{volumeTypes: [persistentVolumeClaim]}'), { stage: 'B9', volume: claimVolume('data', 'data'), claim: claim(undefined, 'Pending'), pv: null })).toBe(false);
  });

  it('pvcLabels: every pair present with the same value; a volume without a claim fails', () => {
    expect(matches(when('{pvcLabels: {app: db}}'), onPv(pv('pv-data'), claim({ app: 'db', tier: 'gold' })))).toBe(true);
    expect(matches(when('{pvcLabels: {app: db, tier: silver}}'), onPv(pv('pv-data'), claim({ app: 'db', tier: 'gold' })))).toBe(false);
    expect(matches(when('{pvcLabels: {app: db}}'), onPv(pv('pv-data'), claim()))).toBe(false);
    expect(matches(when('{pvcLabels: {app: db}}'), inline(emptyDir('tmp')))).toBe(false);
  });

  it("pvcPhase: the claim's phase must be listed; no claim fails", () => {
    const pending: PolicyTarget = { stage: 'B9', volume: claimVolume('data', 'data'), claim: claim(undefined, 'Pending'), pv: null };
    expect(matches(when('{pvcPhase: [Pending, Lost]}'), pending)).toBe(true);
    expect(matches(when('{pvcPhase: [Bound]}'), pending)).toBe(false);
    expect(matches(when('{pvcPhase: [Bound]}'), inline(emptyDir('tmp')))).toBe(false);
  });

  it('absent or empty conditions match every volume', () => {
    expect(matches(policyOf('version: v1\nvolumePolicies:\n- action: {type: skip}\n'), inline(emptyDir('tmp')))).toBe(true);
    expect(matches(when('{}'), onPv(pv('pv-data')))).toBe(true);
  });
});

describe('actions and first match', () => {
  it.each(['skip', 'snapshot', 'fs-backup', 'custom'] as const)('reports action %s with the 1-based index and a summary of the conditions', (action) => {
    const policy = policyOf(`version: v1\nvolumePolicies:\n- conditions: {volumeTypes: [nfs]}\n  action: {type: skip}\n- conditions: {storageClass: [standard], capacity: "0,20Gi"}\n  action: {type: ${action}}\n`);
    const match = policyMatcher(policy).match(onPv(pv('pv-data')));
    expect(match).toMatchObject({ index: 2, action, conditions: 'capacity 0,20Gi; storageClass standard' });
    expect(match?.data).toMatchObject({ from: 'pv', storageClass: 'standard' });
  });

  it('the first matching policy wins even when a later one also matches', () => {
    const policy = policyOf('version: v1\nvolumePolicies:\n- conditions: {csi: {}}\n  action: {type: snapshot}\n- action: {type: fs-backup}\n');
    expect(policyMatcher(policy).match(onPv(pv('pv-data')))).toMatchObject({ index: 1, action: 'snapshot' });
    expect(policyMatcher(policy).match(inline(emptyDir('tmp')))).toMatchObject({ index: 2, action: 'fs-backup' });
  });

  it('no policy matches → null; a document without volumePolicies never matches', () => {
    expect(policyMatcher(when('{volumeTypes: [nfs]}')).match(inline(emptyDir('tmp')))).toBeNull();
    expect(policyMatcher(policyOf('version: v1\n')).match(inline(emptyDir('tmp')))).toBeNull();
  });

  it('matchingPolicy returns the matched policy with the filter data it saw', () => {
    const hit = matchingPolicy(when('{storageClass: [standard]}'), onPv(sized('8Gi'), claim({ app: 'db' })));
    expect(hit?.policy.index).toBe(1);
    expect(hit?.data).toEqual({
      from: 'pv', capacity: '8Gi', storageClass: 'standard', nfs: null,
      csi: { driver: 'ebs.csi.aws.com', volumeAttributes: {} }, volumeType: 'csi', pvcLabels: { app: 'db' }, pvcPhase: 'Bound',
    });
  });
});
