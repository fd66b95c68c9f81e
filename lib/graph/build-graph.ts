// Namespace → PVC → pod graph as plain JSON; non-PVC volumes hang under their pod. A namespace with more pods
// than can be drawn one by one is aggregated: pods grouped by controller (counts by verdict), each group
// expandable, shared and missing claims kept as their own nodes. Drawing is the browser's job.
import type { ClaimInfo, GraphEdge, GraphNode, GraphResponse, PodInfo } from '../api/types';
import type { Action, VolumeVerdict } from '../rules/types';
import { groupBy } from '../util/group-by';
import { naturalCompare } from '../view/words';
import { controllerKey, controllerOf } from './controller';

/** Above this many pods a namespace graph groups pods by controller; the table still lists every volume. */
export const MAX_GRAPH_PODS = 60;
/** An expanded group draws at most this many of its pods (skipped claims first). */
export const MAX_EXPANDED_PODS = 40;

type GraphPart = Pick<GraphResponse, 'nodes' | 'edges' | 'truncated'>;

export interface GraphChoices {
  /** Group refs ("StatefulSet/shard") drawn pod by pod. */
  expanded?: ReadonlySet<string>;
}

const statusOf = (verdicts: readonly VolumeVerdict[]): GraphNode['status'] => {
  if (verdicts.length === 0) return 'none';
  const backed = verdicts.filter((v) => v.action === 'fs-backup').length;
  return backed === verdicts.length ? 'fs-backup' : backed === 0 ? 'skip' : 'mixed';
};

const countsOf = (verdicts: readonly VolumeVerdict[]): Record<Action, number> => ({
  'fs-backup': verdicts.filter((v) => v.action === 'fs-backup').length,
  skip: verdicts.filter((v) => v.action === 'skip').length,
});

const UNOWNED = 'Pod/(no controller)';

/** Pods worth drawing first: those with a skipped claim, then with any claim, then the rest (natural order within). */
function byRelevance(pods: readonly PodInfo[], byPod: Map<string, VolumeVerdict[]>): PodInfo[] {
  const rankOf = (p: PodInfo) => {
    const vs = byPod.get(p.name) ?? [];
    if (vs.some((v) => v.pvc !== null && v.action === 'skip')) return 0;
    return vs.some((v) => v.pvc !== null) ? 1 : 2;
  };
  return pods
    .map((pod) => ({ pod, rank: rankOf(pod) }))
    .sort((a, b) => a.rank - b.rank || naturalCompare(a.pod.name, b.pod.name))
    .map(({ pod }) => pod);
}

export function buildGraph(namespace: string, verdicts: readonly VolumeVerdict[], pods: readonly PodInfo[], claims: readonly ClaimInfo[], choices: GraphChoices = {}): GraphPart {
  const byPod = groupBy(verdicts, (v) => v.pod);
  const byClaim = groupBy(verdicts.filter((v) => v.pvc !== null), (v) => v.pvc ?? '');
  const aggregate = pods.length > MAX_GRAPH_PODS;
  // Which graph node stands for each pod: itself, or its controller's group.
  const holder = new Map<string, string>();
  const groups = new Map<string, PodInfo[]>();
  if (aggregate) {
    for (const pod of pods) {
      const c = controllerOf(pod.owner);
      const key = c ? controllerKey(c) : UNOWNED;
      const members = groups.get(key);
      if (members) members.push(pod);
      else groups.set(key, [pod]);
    }
  }
  const drawn: PodInfo[] = [];
  for (const [key, members] of groups) {
    if (members.length === 1 || choices.expanded?.has(key)) {
      const shown = byRelevance(members, byPod).slice(0, MAX_EXPANDED_PODS);
      for (const p of shown) { holder.set(p.name, `pod:${p.name}`); drawn.push(p); }
      for (const p of members) if (!holder.has(p.name)) holder.set(p.name, `group:${key}`);
      if (shown.length < members.length) groups.set(key, members.filter((p) => holder.get(p.name) === `group:${key}`));
      else groups.delete(key);
    } else {
      for (const p of members) holder.set(p.name, `group:${key}`);
    }
  }
  if (!aggregate) for (const p of pods) { holder.set(p.name, `pod:${p.name}`); drawn.push(p); }

  const nsId = `ns:${namespace}`;
  const nodes: GraphNode[] = [{ id: nsId, kind: 'namespace', label: namespace, ref: namespace, status: statusOf(verdicts) }];
  const edges: GraphEdge[] = [];

  // A claim is its own node unless all its users sit in one group (then the group counts it).
  const claimNodes = new Set<string>();
  const folded = new Map<string, number>();
  for (const claim of claims) {
    const users = new Set((byClaim.get(claim.name) ?? []).map((v) => holder.get(v.pod) ?? ''));
    const only = users.size === 1 ? [...users][0] ?? '' : '';
    if (only.startsWith('group:') && claim.exists && claim.pods.length < 2) {
      folded.set(only, (folded.get(only) ?? 0) + 1);
      continue;
    }
    const id = `pvc:${claim.name}`;
    claimNodes.add(claim.name);
    nodes.push({ id, kind: 'pvc', label: claim.name, ref: claim.name, status: statusOf(byClaim.get(claim.name) ?? []), sharedBy: new Set(claim.pods).size, ...(claim.exists ? {} : { missing: true }) });
    edges.push({ id: `${nsId}->${id}`, source: nsId, target: id, kind: 'contains' });
  }

  for (const [key, members] of [...groups].sort(([a], [b]) => naturalCompare(a, b))) {
    const id = `group:${key}`;
    const groupVerdicts = members.flatMap((p) => byPod.get(p.name) ?? []);
    const [kind, ...rest] = key.split('/');
    nodes.push({ id, kind: 'group', label: key === UNOWNED ? 'pods without a controller' : `${kind} ${rest.join('/')}`, ref: key, status: statusOf(groupVerdicts), pods: members.length, claims: folded.get(id) ?? 0, counts: countsOf(groupVerdicts) });
    edges.push({ id: `${nsId}->${id}`, source: nsId, target: id, kind: 'contains' });
    for (const [claim, onClaim] of groupBy(groupVerdicts.filter((v) => v.pvc !== null && claimNodes.has(v.pvc)), (v) => v.pvc ?? '')) {
      edges.push({ id: `pvc:${claim}->${id}`, source: `pvc:${claim}`, target: id, kind: 'volume', volume: [...new Set(onClaim.map((v) => v.volume))].join(', '), counts: countsOf(onClaim), ...(statusOf(onClaim) === 'mixed' ? {} : { action: onClaim[0]?.action }) });
    }
  }

  for (const pod of drawn) {
    const podVerdicts = byPod.get(pod.name) ?? [];
    const podId = `pod:${pod.name}`;
    nodes.push({ id: podId, kind: 'pod', label: pod.name, ref: pod.name, status: statusOf(podVerdicts) });
    if (!podVerdicts.some((v) => v.pvc !== null && claimNodes.has(v.pvc))) edges.push({ id: `${nsId}->${podId}`, source: nsId, target: podId, kind: 'contains' });
    for (const v of podVerdicts) {
      const verdict = { volume: v.volume, action: v.action, reason: v.reason };
      if (v.pvc !== null && claimNodes.has(v.pvc)) {
        edges.push({ id: `pvc:${v.pvc}->${podId}:${v.volume}`, source: `pvc:${v.pvc}`, target: podId, kind: 'volume', ...verdict });
      } else {
        const volumeId = `vol:${pod.name}/${v.volume}`;
        nodes.push({ id: volumeId, kind: 'volume', label: v.pvc !== null ? `${v.volume} → ${v.pvc}` : v.volume, ref: `${pod.name}/${v.volume}`, status: v.action });
        edges.push({ id: `${podId}->${volumeId}`, source: podId, target: volumeId, kind: 'volume', ...verdict });
      }
    }
  }

  const truncated = aggregate
    ? { pods: pods.length, shownPods: drawn.length, note: `This namespace has ${pods.length.toLocaleString('en-US')} pods, so pods are grouped by their controller (expand a group to draw its pods); shared and missing claims keep their own nodes. The Volumes table lists every volume.` }
    : null;
  return { nodes, edges, truncated };
}
