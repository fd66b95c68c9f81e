import { describe, expect, it } from 'vitest';
import { buildPvcPodIndex } from '../index/pvc-pod-index';
import type { ClusterSnapshot } from '../model/kube';
import { lintPod, lintVerdicts } from '../rules/lint';
import { REASON_CODES, type BackupOptions, type ReasonCode } from '../rules/types';
import { decideVolumes } from '../rules/verdict';
import { seededCluster } from './scenarios';

const snapshot = (): ClusterSnapshot => ({ ...seededCluster(), veleroNamespace: 'velero', incomplete: [] });
const MODES: BackupOptions[] = [
  { defaultVolumesToFsBackup: false, backupExcludePVC: false },
  { defaultVolumesToFsBackup: true, backupExcludePVC: false },
  { defaultVolumesToFsBackup: false, backupExcludePVC: true },
];
const POLICY_REASONS: ReasonCode[] = ['policyFsBackup', 'policySkip', 'policySnapshot', 'policyCustom'];

function reasonsOf(options: BackupOptions) {
  return decideVolumes({ snapshot: snapshot(), options }).verdicts;
}

describe('the seeded demo cluster', () => {
  it('reaches every reason code that needs no volume policy, across the three modes', () => {
    const seen = new Set(MODES.flatMap((options) => reasonsOf(options).map((v) => v.reason)));
    expect(REASON_CODES.filter((code) => !seen.has(code))).toEqual(POLICY_REASONS);
  });

  it('decides the wiki item-block scenario as velero-rules §4 describes', () => {
    const wiki = reasonsOf(MODES[0] as BackupOptions).filter((v) => v.namespace === 'wiki' && v.pvc !== null);
    expect(wiki.map((v) => `${v.pod}/${v.volume}:${v.reason}`)).toEqual([
      'wiki-api-0/pages:optedIn',
      'wiki-editor-0/media:sharedPvcOtherPod',
      'wiki-indexer-0/pages:sharedPvcOtherPod',
      'wiki-indexer-0/media:optedIn',
    ]);
  });

  it('shows the annotation mistakes and cluster findings as lint', () => {
    const snap = snapshot();
    const options = MODES[1] as BackupOptions;
    const ids = new Set([
      ...snap.pods.flatMap((pod) => lintPod(pod, options).map((f) => f.id)),
      ...lintVerdicts(decideVolumes({ snapshot: snap, options }).verdicts, buildPvcPodIndex(snap)).map((f) => f.id),
    ]);
    const optIn = lintVerdicts(reasonsOf(MODES[0] as BackupOptions), buildPvcPodIndex(snap)).map((f) => f.id);
    expect([...ids, ...optIn].filter((id, i, all) => all.indexOf(id) === i).sort()).toEqual(['L1', 'L10', 'L11', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L9']);
  });
});
