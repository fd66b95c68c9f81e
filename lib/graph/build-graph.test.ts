import { describe, expect, it } from 'vitest';
import type { ClaimInfo, PodInfo } from '../api/types';
import type { VolumeVerdict } from '../rules/types';
import { MAX_GRAPH_PODS, buildGraph } from './build-graph';

const pod = (name: string): PodInfo => ({ name, phase: 'Running', node: 'node-a', backupVolumes: null, backupVolumesExcludes: null, excludedByLabel: false, terminating: false, owner: null, volumeNames: [], processingIndex: 1 });
const claimInfo = (name: string, pods: string[]): ClaimInfo => ({ name, exists: true, phase: 'Bound', volumeName: `pv-${name}`, storageClass: 'gp3', capacity: '1Gi', volumeMode: 'Filesystem', pvType: 'csi', pods, excludedByLabel: false });
const verdict = (podName: string, volume: string, pvc: string | null, action: 'fs-backup' | 'skip'): VolumeVerdict => ({
  namespace: 'ns', pod: podName, volume, type: pvc ? 'persistentVolumeClaim' : 'emptyDir', pvc, action, reason: action === 'skip' ? 'notOptedIn' : 'optedIn', check: 'B11', explanation: '', evidence: {}, backupError: false,
});

describe('namespace graph', () => {
  it('links namespace → claim → pod with verdict-carrying volume edges and hangs other volumes under their pod', () => {
    const graph = buildGraph('ns', [verdict('a', 'data', 'shared', 'fs-backup'), verdict('b', 'data', 'shared', 'skip'), verdict('b', 'tmp', null, 'skip')], [pod('a'), pod('b')], [claimInfo('shared', ['a', 'b'])]);
    expect(graph.nodes.find((n) => n.id === 'pvc:shared')).toMatchObject({ sharedBy: 2, status: 'mixed' });
    expect(graph.edges.filter((e) => e.kind === 'volume').map((e) => `${e.source}->${e.target}:${e.action}`)).toEqual([
      'pvc:shared->pod:a:fs-backup', 'pvc:shared->pod:b:skip', 'pod:b->vol:b/tmp:skip',
    ]);
    expect(graph.truncated).toBeNull();
  });

  it('caps a huge namespace, keeping pods with skipped claims first, and says so', () => {
    const pods = Array.from({ length: MAX_GRAPH_PODS + 40 }, (_, i) => pod(`p${i}`));
    const verdicts = pods.map((p, i) => verdict(p.name, 'data', `c${i}`, i >= 50 ? 'skip' : 'fs-backup'));
    const graph = buildGraph('ns', verdicts, pods, pods.map((p, i) => claimInfo(`c${i}`, [p.name])));
    expect(graph.truncated).toMatchObject({ pods: MAX_GRAPH_PODS + 40, shownPods: MAX_GRAPH_PODS });
    const shownPods = graph.nodes.filter((n) => n.kind === 'pod').map((n) => n.ref);
    expect(shownPods).toContain('p99');
    expect(graph.nodes.filter((n) => n.kind === 'pvc')).toHaveLength(MAX_GRAPH_PODS);
  });
});
