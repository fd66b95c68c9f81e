// Namespace → PVC → pod graph as plain JSON; non-PVC volumes hang under their pod. Drawing is the browser's job.
import type { ClaimInfo, GraphEdge, GraphNode, GraphResponse, PodInfo } from '../api/types';
import type { VolumeVerdict } from '../rules/types';
import { groupBy } from '../util/group-by';

/** Above this many pods a namespace graph shows the most relevant pods only; the table still lists all. */
export const MAX_GRAPH_PODS = 60;

type GraphPart = Pick<GraphResponse, 'nodes' | 'edges' | 'truncated'>;

const statusOf = (verdicts: readonly VolumeVerdict[]): GraphNode['status'] => {
  if (verdicts.length === 0) return 'none';
  const backed = verdicts.filter((v) => v.action === 'fs-backup').length;
  return backed === verdicts.length ? 'fs-backup' : backed === 0 ? 'skip' : 'mixed';
};

/** Pods worth drawing first: those with a skipped claim, then with any claim, then the rest (name order within). */
function pickPods(pods: readonly PodInfo[], byPod: Map<string, VolumeVerdict[]>): Set<string> {
  const rank = (p: PodInfo) => {
    const vs = byPod.get(p.name) ?? [];
    if (vs.some((v) => v.pvc !== null && v.action === 'skip')) return 0;
    return vs.some((v) => v.pvc !== null) ? 1 : 2;
  };
  return new Set([...pods].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_GRAPH_PODS).map((p) => p.name));
}

export function buildGraph(namespace: string, verdicts: readonly VolumeVerdict[], pods: readonly PodInfo[], claims: readonly ClaimInfo[]): GraphPart {
  const byPod = groupBy(verdicts, (v) => v.pod);
  const byClaim = groupBy(verdicts.filter((v) => v.pvc !== null), (v) => v.pvc ?? '');
  const shown = pods.length > MAX_GRAPH_PODS ? pickPods(pods, byPod) : new Set(pods.map((p) => p.name));
  const nsId = `ns:${namespace}`;
  const nodes: GraphNode[] = [{ id: nsId, kind: 'namespace', label: namespace, ref: namespace, status: statusOf(verdicts) }];
  const edges: GraphEdge[] = [];

  for (const claim of claims) {
    const users = (byClaim.get(claim.name) ?? []).filter((v) => shown.has(v.pod));
    if (users.length === 0 && shown.size < pods.length) continue;
    const id = `pvc:${claim.name}`;
    nodes.push({ id, kind: 'pvc', label: claim.name, ref: claim.name, status: statusOf(byClaim.get(claim.name) ?? []), sharedBy: new Set(claim.pods).size, ...(claim.exists ? {} : { missing: true }) });
    edges.push({ id: `${nsId}->${id}`, source: nsId, target: id, kind: 'contains' });
  }

  for (const pod of pods) {
    if (!shown.has(pod.name)) continue;
    const podVerdicts = byPod.get(pod.name) ?? [];
    const podId = `pod:${pod.name}`;
    nodes.push({ id: podId, kind: 'pod', label: pod.name, ref: pod.name, status: statusOf(podVerdicts) });
    if (!podVerdicts.some((v) => v.pvc !== null)) edges.push({ id: `${nsId}->${podId}`, source: nsId, target: podId, kind: 'contains' });
    for (const v of podVerdicts) {
      const verdict = { volume: v.volume, action: v.action, reason: v.reason };
      if (v.pvc !== null) {
        edges.push({ id: `pvc:${v.pvc}->${podId}:${v.volume}`, source: `pvc:${v.pvc}`, target: podId, kind: 'volume', ...verdict });
      } else {
        const volumeId = `vol:${pod.name}/${v.volume}`;
        nodes.push({ id: volumeId, kind: 'volume', label: v.volume, ref: `${pod.name}/${v.volume}`, status: v.action });
        edges.push({ id: `${podId}->${volumeId}`, source: podId, target: volumeId, kind: 'volume', ...verdict });
      }
    }
  }

  const truncated = shown.size < pods.length
    ? { pods: pods.length, shownPods: shown.size, note: `This namespace has ${pods.length} pods; the graph shows ${shown.size} of them (pods with skipped claims first). The Volumes table lists every volume.` }
    : null;
  return { nodes, edges, truncated };
}
