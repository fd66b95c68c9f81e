import { describe, expect, it } from 'vitest';
import { buildPvcPodIndex } from '../index/pvc-pod-index';
import { BACKUP, EXCLUDES, OPT_IN, OPT_OUT, claimVolume, decide, emptyDir, kubeApiAccess, pod, pvc, snapshot } from './fixtures';
import { lintPod, lintVerdicts } from './lint';

const api = (annotations: Record<string, string>) =>
  pod('mistakes', 'api-0', { annotations, volumes: [claimVolume('data', 'api-data'), emptyDir('cache'), kubeApiAccess()] });

const ids = (findings: { id: string }[]) => findings.map((f) => f.id);

describe('annotation lint (L1–L7)', () => {
  it('L1: flags a token that names no volume, with a hint on a case-only mismatch', () => {
    const [finding] = lintPod(api({ [BACKUP]: 'Cache' }), OPT_IN);
    expect(finding).toMatchObject({ id: 'L1', severity: 'warning', token: 'Cache', annotation: BACKUP, value: 'Cache' });
    expect(finding?.message).toContain("did you mean 'cache'");
  });

  it('L1: reports an empty token from a trailing comma as info only', () => {
    expect(lintPod(api({ [BACKUP]: 'data,' }), OPT_IN)).toEqual([expect.objectContaining({ id: 'L1', severity: 'info', token: '' })]);
  });

  it('L2: flags the claim name used instead of the volume name', () => {
    const [finding] = lintPod(api({ [BACKUP]: 'api-data' }), OPT_IN);
    expect(finding).toMatchObject({ id: 'L2', claim: 'api-data', volume: 'data' });
    expect(finding?.message).toContain("use volume name 'data'");
  });

  it('L3: flags whitespace around a token and offers the fixed value', () => {
    const [finding] = lintPod(api({ [BACKUP]: 'data, cache' }), OPT_IN);
    expect(finding).toMatchObject({ id: 'L3', token: ' cache', volume: 'cache', fix: 'data,cache' });
    expect(lintPod(api({ [BACKUP]: 'data ' }), OPT_IN)[0]?.message).toContain("'data ' keeps its whitespace, so Velero will not match volume 'data'");
  });

  it('L4: says which annotation the mode reads when both are present', () => {
    const pod0 = api({ [BACKUP]: 'data', [EXCLUDES]: 'cache' });
    expect(lintPod(pod0, OPT_IN).find((f) => f.id === 'L4')).toMatchObject({ annotation: BACKUP });
    expect(lintPod(pod0, OPT_OUT).find((f) => f.id === 'L4')?.message).toContain(`reads only ${EXCLUDES}`);
  });

  it('L5: flags an opt-in of a volume Velero always skips', () => {
    const findings = lintPod(api({ [BACKUP]: 'kube-api-access-x7k2p,data' }), { defaultVolumesToFsBackup: false, backupExcludePVC: true });
    expect(findings.filter((f) => f.id === 'L5').map((f) => f.volume)).toEqual(['data', 'kube-api-access-x7k2p']);
  });

  it('L6: reports duplicate tokens as info', () => {
    expect(lintPod(api({ [EXCLUDES]: 'cache,cache' }), OPT_OUT)).toEqual([expect.objectContaining({ id: 'L6', severity: 'info', token: 'cache' })]);
  });

  it('L7: flags a selected volume mounted only by an init container', () => {
    const migrate = pod('batch', 'migrate-0', {
      annotations: { [BACKUP]: 'seed' },
      volumes: [emptyDir('seed')],
      mounts: [],
      initContainers: [{ name: 'loader', volumeMounts: [{ name: 'seed', mountPath: '/seed' }] }],
    });
    expect(lintPod(migrate, OPT_IN)).toEqual([expect.objectContaining({ id: 'L7', volume: 'seed' })]);
    expect(ids(lintPod(migrate, OPT_OUT))).toEqual(['L7']);
  });

  it('finds nothing on a correct annotation', () => {
    expect(lintPod(api({ [BACKUP]: 'data,cache' }), OPT_IN)).toEqual([]);
  });
});

describe('cluster lint (L9–L11)', () => {
  it('L9: flags a claim labelled exclude-from-backup whose files are still copied', () => {
    const snap = snapshot({ pods: [pod('shop', 'a-0', { volumes: [claimVolume('d', 'files')] })], pvcs: [pvc('shop', 'files', { labels: { 'velero.io/exclude-from-backup': 'true' } })] });
    const findings = lintVerdicts(decide(snap, OPT_OUT).verdicts, buildPvcPodIndex(snap));
    expect(findings).toEqual([expect.objectContaining({ id: 'L9', claim: 'files', pod: 'a-0' })]);
  });

  it('L10: flags a shared claim copied more than once', () => {
    const snap = snapshot({
      pods: [
        pod('shop', 'a-0', { annotations: { [EXCLUDES]: 'd' }, volumes: [claimVolume('d', 'files')] }),
        pod('shop', 'b-0', { volumes: [claimVolume('d', 'files')] }),
        pod('shop', 'c-0', { volumes: [claimVolume('d', 'files')] }),
      ],
      pvcs: [pvc('shop', 'files')],
    });
    const [finding] = lintVerdicts(decide(snap, OPT_OUT).verdicts, buildPvcPodIndex(snap));
    expect(finding).toMatchObject({ id: 'L10', claim: 'files' });
    expect(finding?.message).toContain('2 times');
  });

  it('L11: flags a claim selected only on a pod that is not running', () => {
    const snap = snapshot({ pods: [pod('shop', 'a-0', { phase: 'Pending', annotations: { [BACKUP]: 'd' }, volumes: [claimVolume('d', 'files')] })], pvcs: [pvc('shop', 'files')] });
    expect(ids(lintVerdicts(decide(snap, OPT_IN).verdicts, buildPvcPodIndex(snap)))).toEqual(['L11']);
  });
});
