import { describe, expect, it } from 'vitest';
import { BACKUP, EXCLUDES, OPT_IN, OPT_OUT, claimVolume, decide, emptyDir, pod, pv, pvc, reasonOf, rules, snapshot, verdictOf } from './fixtures';

describe('pod runtime (stage D)', () => {
  it('skips the admitted volumes of a Pending pod as podNotRunning', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { phase: 'Pending', node: '', annotations: { [BACKUP]: 'data' }, volumes: [emptyDir('data'), emptyDir('tmp')] })] });
    const v = verdictOf(snap, OPT_IN, 'shop/web-0/data');
    expect(v).toMatchObject({ reason: 'podNotRunning', check: 'D1', backupError: false });
    expect(v.explanation).toContain('not scheduled to a node');
    expect(reasonOf(snap, OPT_IN, 'shop/web-0/tmp')).toBe('notOptedIn');
  });

  it('skips a Succeeded job pod as podNotRunning with its phase', () => {
    const snap = snapshot({ pods: [pod('batch', 'report-x1', { phase: 'Succeeded', volumes: [emptyDir('out')] })] });
    const v = verdictOf(snap, OPT_OUT, 'batch/report-x1/out');
    expect(v.reason).toBe('podNotRunning');
    expect(v.explanation).toContain('Succeeded');
  });

  it('skips a pod on a node without a running node-agent as nodeAgentMissing', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { node: 'node-c', volumes: [emptyDir('data')] })] });
    const v = verdictOf(snap, OPT_OUT, 'shop/web-0/data');
    expect(v).toMatchObject({ reason: 'nodeAgentMissing', check: 'D2', backupError: true });
    expect(v.evidence.node).toBe('node-c');
  });

  it('does not count a node-agent pod that is not Running', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { node: 'node-a', volumes: [emptyDir('data')] })], nodeAgents: [] });
    snap.pods.push(pod('velero', 'node-agent-a', { labels: { role: 'node-agent' }, node: 'node-a', phase: 'Pending' }));
    expect(reasonOf(snap, OPT_OUT, 'shop/web-0/data')).toBe('nodeAgentMissing');
  });

  it('assumes a node-agent on every node when the Velero namespace was not seen', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { node: 'node-z', volumes: [emptyDir('data')] })], nodeAgents: [] });
    const result = decide(snap, OPT_OUT);
    expect(result.assumptions.nodeAgentAssumed).toBe(true);
    expect(result.verdicts[0]?.reason).toBe('defaultFsBackup');
  });

  it('assumes a node-agent on every node when the Velero namespace exists but its pods could not be read', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { node: 'node-a', volumes: [emptyDir('data')] })], nodeAgents: [] });
    snap.namespaces.push({ metadata: { name: 'velero' } });
    snap.incomplete.push({ resource: 'pods', namespace: 'velero', status: 403, message: 'pods is forbidden' });
    const result = decide(snap, OPT_OUT);
    expect(result.assumptions.nodeAgentAssumed).toBe(true);
    expect(result.verdicts[0]?.reason).toBe('defaultFsBackup');
  });

  it('lets type and annotation checks win over podNotRunning', () => {
    const snap = snapshot({ pods: [pod('shop', 'web-0', { phase: 'Failed', annotations: { [EXCLUDES]: 'data' }, volumes: [emptyDir('data'), { name: 'conf', configMap: { name: 'x' } }] })] });
    expect(reasonOf(snap, OPT_OUT, 'shop/web-0/data')).toBe('optedOut');
    expect(reasonOf(snap, OPT_OUT, 'shop/web-0/conf')).toBe('configMap');
  });
});

describe('volume runtime (stage E)', () => {
  it('reports a claim that does not exist as pvcMissing after the pod checks', () => {
    const snap = snapshot({ pods: [pod('analytics', 'etl-0', { volumes: [claimVolume('data', 'gone')] })] });
    expect(verdictOf(snap, OPT_OUT, 'analytics/etl-0/data')).toMatchObject({ reason: 'pvcMissing', check: 'E1', backupError: true });
    snap.pods[0]!.status = { phase: 'Pending' };
    expect(reasonOf(snap, OPT_OUT, 'analytics/etl-0/data')).toBe('podNotRunning');
  });

  it('reports a claim bound to a PV that does not exist as pvUnavailable', () => {
    const snap = snapshot({ pods: [pod('analytics', 'etl-0', { volumes: [claimVolume('data', 'orphan')] })], pvcs: [pvc('analytics', 'orphan', { volumeName: 'pv-deleted' })], pvs: [] });
    const v = verdictOf(snap, OPT_OUT, 'analytics/etl-0/data');
    expect(v).toMatchObject({ reason: 'pvUnavailable', check: 'E3' });
    expect(v.explanation).toContain('pv-deleted');
  });

  it('does not check the PV of a claim without spec.volumeName and backs it up', () => {
    const snap = snapshot({ pods: [pod('analytics', 'etl-0', { volumes: [claimVolume('data', 'unbound')] })], pvcs: [pvc('analytics', 'unbound', { volumeName: '', phase: 'Pending' })], pvs: [] });
    expect(reasonOf(snap, OPT_OUT, 'analytics/etl-0/data')).toBe('defaultFsBackup');
  });

  it('skips a claim bound to a hostPath PV as hostPathPv but backs up a local PV', () => {
    const snap = snapshot({
      pods: [pod('analytics', 'etl-0', { volumes: [claimVolume('hp', 'hp-claim'), claimVolume('loc', 'local-claim')] })],
      pvcs: [pvc('analytics', 'hp-claim', { volumeName: 'pv-hp' }), pvc('analytics', 'local-claim', { volumeName: 'pv-local' })],
      pvs: [pv('pv-hp', { hostPath: { path: '/data/hp' } }), pv('pv-local', { local: { path: '/mnt/disks/ssd1' } })],
    });
    expect(verdictOf(snap, OPT_OUT, 'analytics/etl-0/hp')).toMatchObject({ reason: 'hostPathPv', evidence: { pv: 'pv-hp' } });
    expect(reasonOf(snap, OPT_OUT, 'analytics/etl-0/loc')).toBe('defaultFsBackup');
  });

  it('skips a volume a regular container attaches as a block device as blockVolume', () => {
    const snap = snapshot({ pods: [pod('analytics', 'raw-0', { volumes: [claimVolume('disk', 'raw')], devices: ['disk'] })], pvcs: [pvc('analytics', 'raw')] });
    expect(verdictOf(snap, OPT_OUT, 'analytics/raw-0/disk')).toMatchObject({ reason: 'blockVolume', evidence: { container: 'app' } });
  });

  it('skips a volume mounted only by an init container or a native sidecar as notMounted', () => {
    const snap = snapshot({
      pods: [
        pod('batch', 'migrate-0', {
          volumes: [emptyDir('seed'), emptyDir('logs')],
          mounts: [],
          initContainers: [
            { name: 'seed', volumeMounts: [{ name: 'seed', mountPath: '/seed' }] },
            { name: 'shipper', restartPolicy: 'Always', volumeMounts: [{ name: 'logs', mountPath: '/logs' }] },
          ],
        }),
      ],
    });
    expect(verdictOf(snap, OPT_OUT, 'batch/migrate-0/seed')).toMatchObject({ reason: 'notMounted', evidence: { initContainers: ['seed'] } });
    expect(verdictOf(snap, OPT_OUT, 'batch/migrate-0/logs')).toMatchObject({ reason: 'notMounted', evidence: { initContainers: ['shipper'] } });
  });
});

describe('claims shared by several pods (stage C and the processing order)', () => {
  it('backs a shared claim up once, through the first pod by name', () => {
    const snap = snapshot({
      pods: [pod('shop', 'web-b', { volumes: [claimVolume('assets', 'assets')] }), pod('shop', 'web-a', { volumes: [claimVolume('assets', 'assets')] })],
      pvcs: [pvc('shop', 'assets')],
    });
    expect(reasonOf(snap, OPT_OUT, 'shop/web-a/assets')).toBe('defaultFsBackup');
    expect(verdictOf(snap, OPT_OUT, 'shop/web-b/assets')).toMatchObject({ reason: 'sharedPvcOtherPod', check: 'C1', evidence: { otherPod: 'web-a', claim: 'assets' } });
  });

  it('follows item blocks: wiki-api-0 pulls in wiki-indexer-0 before wiki-editor-0', () => {
    const snap = snapshot({
      pods: [
        pod('wiki', 'wiki-editor-0', { volumes: [claimVolume('media', 'wiki-media')] }),
        pod('wiki', 'wiki-api-0', { volumes: [claimVolume('pages', 'wiki-pages')] }),
        pod('wiki', 'wiki-indexer-0', { volumes: [claimVolume('pages', 'wiki-pages'), claimVolume('media', 'wiki-media')] }),
      ],
      pvcs: [pvc('wiki', 'wiki-pages'), pvc('wiki', 'wiki-media')],
    });
    const result = decide(snap, OPT_OUT);
    expect(result.processingOrder.filter((p) => p.startsWith('wiki/'))).toEqual(['wiki/wiki-api-0', 'wiki/wiki-indexer-0', 'wiki/wiki-editor-0']);
    expect(reasonOf(snap, OPT_OUT, 'wiki/wiki-indexer-0/pages')).toBe('sharedPvcOtherPod');
    expect(reasonOf(snap, OPT_OUT, 'wiki/wiki-indexer-0/media')).toBe('defaultFsBackup');
    expect(verdictOf(snap, OPT_OUT, 'wiki/wiki-editor-0/media')).toMatchObject({ reason: 'sharedPvcOtherPod', evidence: { otherPod: 'wiki-indexer-0' } });
  });

  it('lets every later pod copy a claim the first pod opted out (Velero duplicates it)', () => {
    const snap = snapshot({
      pods: [
        pod('shop', 'a-0', { annotations: { [EXCLUDES]: 'shared' }, volumes: [claimVolume('shared', 'files')] }),
        pod('shop', 'b-0', { volumes: [claimVolume('shared', 'files')] }),
        pod('shop', 'c-0', { volumes: [claimVolume('shared', 'files')] }),
      ],
      pvcs: [pvc('shop', 'files')],
    });
    expect(['a-0', 'b-0', 'c-0'].map((p) => reasonOf(snap, OPT_OUT, `shop/${p}/shared`))).toEqual(['optedOut', 'defaultFsBackup', 'defaultFsBackup']);
  });

  it('hands a claim to the next pod when the first admitting pod is not running', () => {
    const snap = snapshot({
      pods: [pod('shop', 'a-0', { phase: 'Pending', volumes: [claimVolume('shared', 'files')] }), pod('shop', 'b-0', { volumes: [claimVolume('shared', 'files')] })],
      pvcs: [pvc('shop', 'files')],
    });
    // a-0 comes first by name and pulls in the running b-0 through the bound claim; a-0 cannot copy, b-0 does.
    expect(decide(snap, OPT_OUT).processingOrder.slice(0, 2)).toEqual(['shop/a-0', 'shop/b-0']);
    expect(reasonOf(snap, OPT_OUT, 'shop/a-0/shared')).toBe('podNotRunning');
    expect(reasonOf(snap, OPT_OUT, 'shop/b-0/shared')).toBe('defaultFsBackup');
  });

  it('backs up both volumes of one pod that name the same claim', () => {
    const snap = snapshot({ pods: [pod('shop', 'a-0', { volumes: [claimVolume('one', 'files'), claimVolume('two', 'files')] })], pvcs: [pvc('shop', 'files')] });
    expect(decide(snap, OPT_OUT).verdicts.filter((v) => v.pod === 'a-0').map((v) => v.reason)).toEqual(['defaultFsBackup', 'defaultFsBackup']);
  });

  it('reports sharedPvcOtherPod before podNotRunning', () => {
    const snap = snapshot({
      pods: [pod('shop', 'a-0', { volumes: [claimVolume('shared', 'files')] }), pod('shop', 'b-0', { phase: 'Pending', volumes: [claimVolume('shared', 'files')] })],
      pvcs: [pvc('shop', 'files')],
    });
    expect(reasonOf(snap, OPT_OUT, 'shop/b-0/shared')).toBe('sharedPvcOtherPod');
  });

  it('sorts pods by name itself, whatever order the API returned', () => {
    const pods = ['z-0', 'B-0', 'a-0'].map((n) => pod('shop', n, { volumes: [claimVolume('shared', 'files')] }));
    const snap = snapshot({ pods, pvcs: [pvc('shop', 'files')] });
    expect(reasonOf(snap, OPT_OUT, 'shop/B-0/shared')).toBe('defaultFsBackup');
    expect(verdictOf(snap, OPT_OUT, 'shop/a-0/shared').evidence.otherPod).toBe('B-0');
  });

  it('pulls in pods of claims in the same volume group', () => {
    const group = { 'velero.io/volume-group': 'g1' };
    const snap = snapshot({
      pods: [
        pod('db', 'a-0', { volumes: [claimVolume('wal', 'wal')] }),
        pod('db', 'b-0', { volumes: [emptyDir('tmp')] }),
        pod('db', 'm-0', { volumes: [claimVolume('data', 'data')] }),
      ],
      pvcs: [pvc('db', 'wal', { labels: group }), pvc('db', 'data', { labels: group })],
    });
    expect(decide(snap, OPT_OUT).processingOrder.filter((p) => p.startsWith('db/'))).toEqual(['db/a-0', 'db/m-0', 'db/b-0']);
  });
});

describe('volume policy seam (B8–B10, E2)', () => {
  const snap = () =>
    snapshot({
      pods: [pod('shop', 'db-0', { annotations: { [BACKUP]: 'data' }, volumes: [claimVolume('data', 'data'), claimVolume('gone', 'missing'), claimVolume('orphan', 'orphan'), emptyDir('tmp')] })],
      pvcs: [pvc('shop', 'data'), pvc('shop', 'orphan', { volumeName: 'pv-missing' })],
      pvs: [pv('pvc-shop-data')],
    });

  it('admits a volume by a matching fs-backup policy whatever the annotation says', () => {
    const policy = rules([(t) => t.volume.name === 'tmp', 'fs-backup']);
    expect(verdictOf(snap(), OPT_IN, 'shop/db-0/tmp', policy)).toMatchObject({ reason: 'policyFsBackup', check: 'B9', evidence: { policy: { index: 1, action: 'fs-backup' } } });
  });

  it('maps skip, snapshot and custom actions to their own reasons', () => {
    for (const [action, reason] of [['skip', 'policySkip'], ['snapshot', 'policySnapshot'], ['custom', 'policyCustom']] as const) {
      expect(reasonOf(snap(), OPT_IN, 'shop/db-0/data', rules([(t) => t.pv !== null, action]))).toBe(reason);
    }
  });

  it('reports a missing claim at B8 and an unresolvable PV at B10 when no policy matches', () => {
    const none = rules();
    expect(verdictOf(snap(), OPT_IN, 'shop/db-0/gone', none)).toMatchObject({ reason: 'pvcMissing', check: 'B8' });
    expect(verdictOf(snap(), OPT_IN, 'shop/db-0/orphan', none)).toMatchObject({ reason: 'pvUnavailable', check: 'B10' });
    expect(reasonOf(snap(), OPT_IN, 'shop/db-0/data', none)).toBe('optedIn');
  });

  it('re-checks the policy at E2 with claim data only', () => {
    const policy = rules([(t) => t.stage === 'E2' && t.claim?.metadata?.name === 'data', 'skip']);
    expect(verdictOf(snap(), OPT_IN, 'shop/db-0/data', policy)).toMatchObject({ reason: 'policySkip', check: 'E2' });
  });
});

describe('engine output', () => {
  it('returns one verdict per volume of every pod, including Velero pods, in namespace/pod order', () => {
    const snap = snapshot({ pods: [pod('b', 'x', { volumes: [emptyDir('v1'), emptyDir('v2')] }), pod('a', 'y', { volumes: [emptyDir('v')] })] });
    const keys = decide(snap, OPT_OUT).verdicts.map((v) => `${v.namespace}/${v.pod}/${v.volume}`);
    expect(keys).toEqual(['a/y/v', 'b/x/v1', 'b/x/v2', 'velero/node-agent-node-a/host-pods', 'velero/node-agent-node-b/host-pods']);
  });

  it('does not apply PV checks when PersistentVolumes could not be read', () => {
    const snap = snapshot({ pods: [pod('a', 'y', { volumes: [claimVolume('d', 'c')] })], pvcs: [pvc('a', 'c', { volumeName: 'pv-x' })], pvs: [] });
    snap.incomplete.push({ resource: 'persistentvolumes', namespace: null, status: 403, message: 'forbidden' });
    const result = decide(snap, OPT_OUT);
    expect(result.assumptions.pvsUnknown).toBe(true);
    expect(result.verdicts[0]?.reason).toBe('defaultFsBackup');
  });
});
