// The order in which Velero's backup processes pods (velero-rules.md §4): namespaces and pods in name order,
// each pod pulling in, depth first, the running pods that share its bound claims (item blocks).
// Only the shared-claim tracker depends on it.
import type { Pod } from '../model/kube';
import { VOLUME_GROUP_LABEL, type PvcPodIndex } from '../index/pvc-pod-index';
import { present } from './volume-type';

export const EXCLUDE_FROM_BACKUP_LABEL = 'velero.io/exclude-from-backup';

/** A2/A3: Velero's item inclusion checks drop the pod before anything else. */
export function podExcludedBy(pod: { metadata?: { labels?: Record<string, string> | null; deletionTimestamp?: string | null } }):
  'podExcludedByLabel' | 'podTerminating' | null {
  if (pod.metadata?.labels?.[EXCLUDE_FROM_BACKUP_LABEL] === 'true') return 'podExcludedByLabel';
  if (present(pod.metadata?.deletionTimestamp)) return 'podTerminating';
  return null;
}

/** kube.IsPodRunning: scheduled, phase Running, not being deleted. */
export function isPodRunning(pod: Pod): boolean {
  return !!pod.spec?.nodeName && pod.status?.phase === 'Running' && !present(pod.metadata?.deletionTimestamp);
}

export interface OrderOptions {
  backupExcludePVC: boolean;
}

/** Pods that Velero processes, in its processing order. Excluded pods (A2/A3) are left out. */
export function processingOrder(index: PvcPodIndex, options: OrderOptions): Pod[] {
  const placedPods = new Set<Pod>();
  const placedClaims = new Set<string>();
  const order: Pod[] = [];

  // Explicit stack instead of recursion: a 2,000-pod claim chain must not overflow the call stack.
  type Step = { kind: 'pod'; pod: Pod } | { kind: 'claim'; namespace: string; name: string };
  const run = (first: Step) => {
    const stack: Step[] = [first];
    while (stack.length > 0) {
      const step = stack.pop() as Step;
      const next = step.kind === 'pod' ? placePod(step.pod) : placeClaim(step.namespace, step.name);
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i] as Step);
    }
  };

  const placePod = (pod: Pod): Step[] => {
    if (placedPods.has(pod)) return [];
    placedPods.add(pod);
    if (podExcludedBy(pod)) return [];
    order.push(pod);
    const namespace = pod.metadata?.namespace ?? '';
    const steps: Step[] = [];
    for (const volume of pod.spec?.volumes ?? []) {
      if (present(volume?.persistentVolumeClaim)) {
        steps.push({ kind: 'claim', namespace, name: volume.persistentVolumeClaim?.claimName ?? '' });
      }
    }
    return steps;
  };

  const placeClaim = (namespace: string, name: string): Step[] => {
    const key = `${namespace}/${name}`;
    if (placedClaims.has(key)) return [];
    const claim = index.claim(namespace, name);
    if (!claim) return [];
    placedClaims.add(key);
    if (options.backupExcludePVC || podExcludedBy(claim)) return [];
    if (claim.status?.phase !== 'Bound' || !claim.spec?.volumeName) return [];
    const steps: Step[] = [];
    for (const pod of index.podsUsingClaim(namespace, name)) {
      if (isPodRunning(pod)) steps.push({ kind: 'pod', pod });
    }
    const groupId = claim.metadata?.labels?.[VOLUME_GROUP_LABEL];
    if (groupId) {
      const group = index.claimGroup(namespace, groupId);
      if (group.length >= 2) {
        for (const member of group) if (member !== name) steps.push({ kind: 'claim', namespace, name: member });
      }
    }
    return steps;
  };

  for (const namespace of index.namespaces) {
    for (const pod of index.podsIn(namespace)) run({ kind: 'pod', pod });
  }
  return order;
}
