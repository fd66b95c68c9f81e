// Velero v1.18.1's own resource-policy tests as vectors (testdata/cases.json, 184 cases): every validation case
// accepted or rejected as Velero does; every matching case gives Velero's first matching policy and, through
// decideVolumes on a snapshot built from the vector's objects, the verdict of extract.md (opt-out mode).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, PersistentVolume, PersistentVolumeClaim, Pod, Volume } from '../../model/kube';
import type { PolicyActionType } from '../policy';
import { decideVolumes } from '../verdict';
import { matchingPolicy, policyMatcher } from './match';
import { parseResourcePolicy } from './parse';

interface Vector {
  id: string;
  kind: 'validation' | 'match';
  go: { test: string; case: string };
  policy: string;
  volume?: Volume;
  pvc?: PersistentVolumeClaim | null;
  pv?: PersistentVolume | null;
  podPhase?: string;
  extra?: { pvc?: PersistentVolumeClaim; pv?: PersistentVolume };
  expect: { valid?: boolean; match?: { index: number; action: PolicyActionType } | null };
}

const read = (name: string) => JSON.parse(readFileSync(join(__dirname, 'testdata', name), 'utf8'));
const vectors: Vector[] = read('cases.json').cases;
const verdicts: Record<string, { action: string; reason: string }> = read('expected-verdicts.json').verdicts;
const OPT_OUT = { defaultVolumesToFsBackup: true, backupExcludePVC: false };

/** The vector's namespace vp-NNN: pod `app` mounting the one volume, its claim and PV, a node-agent on node-1. */
function snapshotOf(v: Vector): ClusterSnapshot {
  const namespace = v.id;
  const volume = v.volume as Volume;
  const pending = v.podPhase === 'Pending';
  const app: Pod = {
    metadata: { name: 'app', namespace, uid: `${v.id}-app` },
    spec: {
      ...(pending ? {} : { nodeName: 'node-1' }),
      containers: [{ name: 'app', volumeMounts: [{ name: volume.name ?? '', mountPath: '/data' }] }],
      volumes: [volume],
    },
    status: { phase: v.podPhase ?? 'Running' },
  };
  const agent: Pod = {
    metadata: { name: 'node-agent-x1', namespace: 'velero', labels: { name: 'node-agent', role: 'node-agent' } },
    spec: { nodeName: 'node-1', containers: [{ name: 'node-agent' }] },
    status: { phase: 'Running' },
  };
  const claims = [v.pvc, v.extra?.pvc].filter((c): c is PersistentVolumeClaim => !!c);
  const pvs = [v.pv, v.extra?.pv].filter((p): p is PersistentVolume => !!p);
  return {
    namespaces: [{ metadata: { name: namespace } }, { metadata: { name: 'velero' } }],
    pods: [app, agent],
    pvcs: claims.map((c) => ({ ...c, metadata: { ...c.metadata, namespace } })),
    pvs,
    veleroNamespace: 'velero',
    incomplete: [],
  };
}

describe('Velero v1.18.1 resource-policy vectors', () => {
  it('holds the 184 vectors: 58 validation, 126 matching', () => {
    expect(vectors.filter((v) => v.kind === 'validation')).toHaveLength(58);
    expect(vectors.filter((v) => v.kind === 'match')).toHaveLength(126);
    expect(Object.keys(verdicts)).toHaveLength(126);
  });

  describe.each(vectors.filter((v) => v.kind === 'validation'))('$id $go.test / $go.case', (v) => {
    it(v.expect.valid ? 'is accepted' : 'is rejected with errors naming what is wrong', () => {
      const result = parseResourcePolicy(v.policy);
      expect(result.ok, result.ok ? '' : result.errors.join('\n')).toBe(v.expect.valid);
      if (!result.ok) for (const error of result.errors) expect(error).toMatch(/\S+: .+/);
    });
  });

  describe.each(vectors.filter((v) => v.kind === 'match'))('$id $go.test / $go.case', (v) => {
    it('matches the policy Velero matches and gives the expected verdict in opt-out mode', () => {
      const parsed = parseResourcePolicy(v.policy);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const snapshot = snapshotOf(v);
      const volume = v.volume as Volume;
      const claim = snapshot.pvcs[0] && volume.persistentVolumeClaim ? snapshot.pvcs[0] : null;
      const bound = claim?.status?.phase === 'Bound' ? (snapshot.pvs.find((p) => p.metadata?.name === claim.spec?.volumeName) ?? null) : null;
      const hit = matchingPolicy(parsed.policy, { stage: 'B9', volume, claim, pv: bound });
      expect(hit ? { index: hit.policy.index, action: hit.policy.action.type } : null).toEqual(v.expect.match ?? null);

      const [verdict] = decideVolumes({ snapshot, options: OPT_OUT, policy: policyMatcher(parsed.policy) }).verdicts.filter((x) => x.namespace === v.id);
      expect({ action: verdict?.action, reason: verdict?.reason }).toEqual(verdicts[v.id]);
      const decidedByPolicy = verdict?.reason.startsWith('policy') ?? false;
      expect(verdict?.evidence.policy ? { index: verdict.evidence.policy.index, action: verdict.evidence.policy.action } : undefined)
        .toEqual(decidedByPolicy ? v.expect.match : undefined);
    });
  });
});
