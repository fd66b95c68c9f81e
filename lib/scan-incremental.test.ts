// A watch event re-decides only what it can affect: after random churn of pods, claims and node-agents, the
// scan updated namespace by namespace answers exactly what a scan of the same snapshot made from scratch answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, PersistentVolumeClaim, Pod } from './model/kube';
import { BACKUP, EXCLUDES, claimVolume, emptyDir, nodeAgent, pod, pv, pvc } from './rules/fixtures';
import { makeScan, type Scan, type SnapshotChanges } from './scan';
import { resolveSelection } from './server/selection';
import { namespaceSummaries } from './view/cluster-view';
import type { WhatIfInput } from './api/params';

const NAMESPACES = ['ns-a', 'ns-b', 'ns-c', 'ns-d'];
const NODES = ['node-a', 'node-b', 'node-c'];
const CLAIMS = ['c-0', 'c-1', 'c-2'];
const cluster = { context: 'test', server: 'https://127.0.0.1', demo: false };
const keyOf = (o: { metadata?: { namespace?: string; name?: string } }) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

const podArb = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  name: fc.constantFrom('p-0', 'p-1', 'p-2', 'p-3'),
  node: fc.constantFrom(...NODES),
  phase: fc.constantFrom('Running', 'Running', 'Pending'),
  claim: fc.option(fc.constantFrom(...CLAIMS)),
  annotation: fc.constantFrom('none', 'backup', 'exclude'),
  excluded: fc.boolean(),
}).map((p): Pod => pod(p.namespace, p.name, {
  node: p.node,
  phase: p.phase,
  volumes: [emptyDir('tmp'), ...(p.claim ? [claimVolume('data', p.claim)] : [])],
  ...(p.annotation === 'backup' ? { annotations: { [BACKUP]: 'data,tmp' } } : p.annotation === 'exclude' ? { annotations: { [EXCLUDES]: 'data' } } : {}),
  ...(p.excluded ? { labels: { 'velero.io/exclude-from-backup': 'true' } } : {}),
}));

const claimArb = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  name: fc.constantFrom(...CLAIMS),
  phase: fc.constantFrom('Bound', 'Bound', 'Pending'),
  group: fc.boolean(),
}).map((c): PersistentVolumeClaim => pvc(c.namespace, c.name, { phase: c.phase, ...(c.group ? { labels: { 'velero.io/volume-group': 'g' } } : {}) }));

type Op =
  | { kind: 'pod'; pod: Pod }
  | { kind: 'deletePod'; pod: Pod }
  | { kind: 'claim'; claim: PersistentVolumeClaim }
  | { kind: 'deleteClaim'; claim: PersistentVolumeClaim }
  | { kind: 'agent'; node: string; state: 'running' | 'pending' | 'gone' };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  podArb.map((p): Op => ({ kind: 'pod', pod: p })),
  podArb.map((p): Op => ({ kind: 'deletePod', pod: p })),
  claimArb.map((c): Op => ({ kind: 'claim', claim: c })),
  claimArb.map((c): Op => ({ kind: 'deleteClaim', claim: c })),
  fc.record({ node: fc.constantFrom(...NODES), state: fc.constantFrom('running', 'pending', 'gone') }).map((a): Op => ({ kind: 'agent', ...a } as Op)),
);
const whatIfArb: fc.Arbitrary<WhatIfInput> = fc.record({
  defaultVolumesToFsBackup: fc.boolean(),
  backupExcludePVC: fc.boolean(),
  includedNamespaces: fc.constantFrom(['*'], ['ns-a', 'ns-c'], ['ns-b']),
});

class World {
  pods = new Map<string, Pod>();
  claims = new Map<string, PersistentVolumeClaim>();
  changes: SnapshotChanges = { all: false, namespaces: new Set() };

  apply(op: Op): void {
    if (op.kind === 'agent') {
      const agent = nodeAgent(op.node);
      if (op.state === 'gone') this.pods.delete(keyOf(agent));
      else this.pods.set(keyOf(agent), op.state === 'running' ? agent : { ...agent, status: { phase: 'Pending' } });
      this.changes.namespaces.add('velero');
      return;
    }
    const object = op.kind === 'pod' || op.kind === 'deletePod' ? op.pod : op.claim;
    const map = (op.kind === 'pod' || op.kind === 'deletePod' ? this.pods : this.claims) as Map<string, unknown>;
    if (op.kind === 'deletePod' || op.kind === 'deleteClaim') map.delete(keyOf(object));
    else map.set(keyOf(object), object);
    this.changes.namespaces.add(object.metadata?.namespace ?? '');
  }

  snapshot(): ClusterSnapshot {
    const namespaces = [...NAMESPACES, 'velero'].map((name) => ({ metadata: { name } }));
    const pvcs = [...this.claims.values()];
    // Every claim has its PV, unchanging: a PV change re-decides everything and is not what is tested here.
    const pvs = NAMESPACES.flatMap((ns) => CLAIMS.map((c) => pv(`pvc-${ns}-${c}`)));
    return { namespaces, pods: [...this.pods.values()], pvcs, pvs, veleroNamespace: 'velero', incomplete: [] };
  }

  take(): SnapshotChanges {
    const changes = this.changes;
    this.changes = { all: false, namespaces: new Set() };
    return changes;
  }
}

/** Everything the answers show of a scan under one option set. */
function answers(scan: Scan, whatIf: WhatIfInput) {
  const { effective } = resolveSelection(scan.snapshot, { kind: 'whatIf', whatIf });
  const view = scan.view(effective);
  const podKeys = scan.snapshot.pods.map(keyOf).sort();
  return {
    verdicts: view.result.verdicts,
    processing: podKeys.map((k) => [k, view.processingIndex.get(k) ?? null]),
    lint: [...view.clusterLint].sort(),
    summaries: namespaceSummaries(view, scan.index, scan.snapshot),
    // Protection is kept per namespace too: the reused namespaces' claims must stay right.
    protection: view.protection(),
    namespaces: scan.index.namespaces,
  };
}

describe('a scan updated by watch events', () => {
  it('answers what a scan from scratch answers, after random churn of pods, claims and node-agents', () => {
    fc.assert(
      fc.property(fc.array(podArb, { maxLength: 12 }), fc.array(claimArb, { maxLength: 8 }), fc.array(fc.array(opArb, { maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), whatIfArb,
        (pods, claims, steps, looks, whatIf) => {
          const world = new World();
          for (const p of pods) world.apply({ kind: 'pod', pod: p });
          for (const c of claims) world.apply({ kind: 'claim', claim: c });
          for (const node of NODES.slice(0, 2)) world.apply({ kind: 'agent', node, state: 'running' });
          world.take();
          let scan = makeScan(cluster, { snapshot: world.snapshot(), requests: 0 }, new Date(0), 0);
          answers(scan, whatIf);
          steps.forEach((ops, i) => {
            for (const op of ops) world.apply(op);
            scan = makeScan(cluster, { snapshot: world.snapshot(), requests: 0 }, new Date(0), 0, undefined, true, { scan, changes: world.take() }, i + 1);
            // Some versions are never asked for: their changes must carry over to the next view built.
            if (looks[i]) answers(scan, whatIf);
          });
          const fresh = makeScan(cluster, { snapshot: scan.snapshot, requests: 0 }, new Date(0), 0);
          expect(answers(scan, whatIf)).toEqual(answers(fresh, whatIf));
        }),
      { numRuns: 300 },
    );
  });

  it('decides again only the changed namespace, and the namespaces with pods on a node whose node-agent went away', () => {
    const world = new World();
    world.apply({ kind: 'pod', pod: pod('ns-a', 'web', { node: 'node-a', volumes: [emptyDir('tmp')], annotations: { [BACKUP]: 'tmp' } }) });
    world.apply({ kind: 'pod', pod: pod('ns-b', 'db', { node: 'node-b', volumes: [emptyDir('tmp')], annotations: { [BACKUP]: 'tmp' } }) });
    world.apply({ kind: 'pod', pod: pod('ns-c', 'cache', { node: 'node-a', volumes: [emptyDir('tmp')], annotations: { [BACKUP]: 'tmp' } }) });
    world.apply({ kind: 'pod', pod: pod('ns-a', 'store', { node: 'node-a', volumes: [claimVolume('data', 'c-0')] }) });
    world.apply({ kind: 'claim', claim: pvc('ns-a', 'c-0') });
    for (const node of ['node-a', 'node-b']) world.apply({ kind: 'agent', node, state: 'running' });
    world.take();
    const whatIf = { defaultVolumesToFsBackup: false };
    const effective = (s: Scan) => resolveSelection(s.snapshot, { kind: 'whatIf', whatIf }).effective;
    const first = makeScan(cluster, { snapshot: world.snapshot(), requests: 0 }, new Date(0), 0);
    const v1 = first.view(effective(first));
    expect(v1.result.verdicts.filter((v) => v.volume === 'tmp').map((v) => v.reason)).toEqual(['optedIn', 'optedIn', 'optedIn']);

    world.apply({ kind: 'pod', pod: pod('ns-b', 'db', { node: 'node-b', volumes: [emptyDir('tmp')] }) });
    const second = makeScan(cluster, { snapshot: world.snapshot(), requests: 0 }, new Date(0), 0, undefined, true, { scan: first, changes: world.take() }, 1);
    const v2 = second.view(effective(second));
    expect(v2.parts.get('ns-a')).toBe(v1.parts.get('ns-a'));
    expect(v2.parts.get('ns-c')).toBe(v1.parts.get('ns-c'));
    expect(v2.parts.get('ns-b')).not.toBe(v1.parts.get('ns-b'));
    // The unchanged namespaces' claims keep the protection decided for the first view.
    const before = v1.protection().claims.find((c) => c.namespace === 'ns-a');
    expect(before).toBeDefined();
    expect(v2.protection().claims.find((c) => c.namespace === 'ns-a')).toBe(before);
    expect(v2.byNamespace.get('ns-b')?.[0]?.reason).toBe('notOptedIn');

    world.apply({ kind: 'agent', node: 'node-a', state: 'gone' });
    const third = makeScan(cluster, { snapshot: world.snapshot(), requests: 0 }, new Date(0), 0, undefined, true, { scan: second, changes: world.take() }, 2);
    const v3 = third.view(effective(third));
    expect(v3.parts.get('ns-b')).toBe(v2.parts.get('ns-b'));
    expect(v3.byNamespace.get('ns-a')?.find((v) => v.volume === 'tmp')?.reason).toBe('nodeAgentMissing');
    expect(v3.byNamespace.get('ns-c')?.[0]?.reason).toBe('nodeAgentMissing');
  });
});
