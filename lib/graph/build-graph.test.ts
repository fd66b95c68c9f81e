import { describe, expect, it } from 'vitest';
import type { ClaimInfo, PodInfo } from '../api/types';
import type { VolumeVerdict } from '../rules/types';
import { MAX_EXPANDED_PODS, MAX_GRAPH_PODS, buildGraph } from './build-graph';
import { controllerOf } from './controller';

const pod = (name: string, owner: string | null = null): PodInfo => ({ name, phase: 'Running', node: 'node-a', backupVolumes: null, backupVolumesExcludes: null, excludedByLabel: false, terminating: false, owner, volumeNames: [], processingIndex: 1 });
const claimInfo = (name: string, pods: string[], exists = true): ClaimInfo => ({ name, exists, phase: 'Bound', volumeName: `pv-${name}`, storageClass: 'gp3', capacity: '1Gi', volumeMode: 'Filesystem', pvType: 'csi', pods, excludedByLabel: false });
const verdict = (podName: string, volume: string, pvc: string | null, action: 'fs-backup' | 'skip'): VolumeVerdict => ({
  namespace: 'ns', pod: podName, volume, type: pvc ? 'persistentVolumeClaim' : 'emptyDir', pvc, action, reason: action === 'skip' ? 'notOptedIn' : 'optedIn', check: 'B11', explanation: '', evidence: {}, backupError: false,
});

/** A StatefulSet of `n` pods with one claim each, plus two web pods of a Deployment sharing one claim. */
function bigNamespace(n: number) {
  const shards = Array.from({ length: n }, (_, i) => pod(`shard-${i}`, 'StatefulSet/shard'));
  const web = [pod('web-7c9d8f-abcde', 'ReplicaSet/web-7c9d8f'), pod('web-7c9d8f-fghij', 'ReplicaSet/web-7c9d8f')];
  const verdicts = [...shards.map((p, i) => verdict(p.name, 'data', `${p.name}-data`, i % 3 === 0 ? 'skip' : 'fs-backup')), ...web.map((p, i) => verdict(p.name, 'uploads', 'uploads', i === 0 ? 'fs-backup' : 'skip'))];
  const claims = [...shards.map((p) => claimInfo(`${p.name}-data`, [p.name])), claimInfo('uploads', web.map((p) => p.name))];
  return { pods: [...shards, ...web], verdicts, claims };
}

describe('namespace graph', () => {
  it('links namespace → claim → pod with verdict-carrying volume edges and hangs other volumes under their pod', () => {
    const graph = buildGraph('ns', [verdict('a', 'data', 'shared', 'fs-backup'), verdict('b', 'data', 'shared', 'skip'), verdict('b', 'tmp', null, 'skip')], [pod('a'), pod('b')], [claimInfo('shared', ['a', 'b'])]);
    expect(graph.nodes.find((n) => n.id === 'pvc:shared')).toMatchObject({ sharedBy: 2, status: 'mixed' });
    expect(graph.edges.filter((e) => e.kind === 'volume').map((e) => `${e.source}->${e.target}:${e.action}`)).toEqual([
      'pvc:shared->pod:a:fs-backup', 'pvc:shared->pod:b:skip', 'pod:b->vol:b/tmp:skip',
    ]);
    expect(graph.truncated).toBeNull();
  });

  it('groups the pods of a big namespace by controller with counts by verdict, keeping the shared claim visible', () => {
    const { pods, verdicts, claims } = bigNamespace(2000);
    const graph = buildGraph('ns', verdicts, pods, claims);
    expect(graph.nodes.filter((n) => n.kind === 'pod')).toHaveLength(0);
    expect(graph.nodes.find((n) => n.id === 'group:StatefulSet/shard')).toMatchObject({ kind: 'group', label: 'StatefulSet shard', pods: 2000, claims: 2000, counts: { 'fs-backup': 1333, skip: 667 }, status: 'mixed' });
    expect(graph.nodes.find((n) => n.id === 'pvc:uploads')).toMatchObject({ sharedBy: 2 });
    expect(graph.edges.find((e) => e.id === 'pvc:uploads->group:Deployment/web')).toMatchObject({ counts: { 'fs-backup': 1, skip: 1 } });
    expect(graph.truncated).toMatchObject({ pods: 2002, shownPods: 0 });
    expect(graph.nodes.length).toBeLessThan(10);
  });

  it('draws an expanded group pod by pod, skipped claims first, up to its cap, and keeps the rest grouped', () => {
    const { pods, verdicts, claims } = bigNamespace(2000);
    const graph = buildGraph('ns', verdicts, pods, claims, { expanded: new Set(['StatefulSet/shard']) });
    const drawn = graph.nodes.filter((n) => n.kind === 'pod').map((n) => n.ref);
    expect(drawn).toHaveLength(MAX_EXPANDED_PODS);
    expect(drawn.slice(0, 3)).toEqual(['shard-0', 'shard-3', 'shard-6']);
    expect(graph.nodes.find((n) => n.id === 'group:StatefulSet/shard')).toMatchObject({ pods: 2000 - MAX_EXPANDED_PODS });
    expect(graph.edges.find((e) => e.target === 'pod:shard-0')).toMatchObject({ source: 'pvc:shard-0-data', action: 'skip', volume: 'data' });
  });

  it('draws a namespace at the threshold pod by pod', () => {
    const { pods, verdicts, claims } = bigNamespace(MAX_GRAPH_PODS - 2);
    expect(buildGraph('ns', verdicts, pods, claims).nodes.filter((n) => n.kind === 'pod')).toHaveLength(MAX_GRAPH_PODS);
  });
});

describe('controller of a pod', () => {
  it('takes a ReplicaSet for its Deployment by name and keeps other controllers', () => {
    expect(controllerOf('ReplicaSet/web-7c9d8f')).toEqual({ kind: 'Deployment', name: 'web' });
    expect(controllerOf('StatefulSet/shard')).toEqual({ kind: 'StatefulSet', name: 'shard' });
    expect(controllerOf('Job/nightly-report')).toEqual({ kind: 'Job', name: 'nightly-report' });
    expect(controllerOf(null)).toBeNull();
  });
});
