// The order in which Velero's backup processes pods (velero-rules.md §4): namespaces and pods in name order,
// each pod pulling in, depth first, the running pods that share its bound claims (item blocks).
// A backup's scope (velero-objects.md a.3–a.5) limits the namespaces, can drop pods altogether, and with a label
// selector lists only the selected pods (per selector, in selector order), then the selected claims.
// Only the shared-claim tracker depends on the order; which pods are reached decides which are reported.
import type { PersistentVolumeClaim, Pod } from '../model/kube';
import { VOLUME_GROUP_LABEL, type PvcPodIndex } from '../index/pvc-pod-index';
import { compileLabelSelector } from './label-selector';
import type { BackupScope } from './types';
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

export interface ProcessingPlan {
  /** Pods Velero processes, in its processing order. Excluded pods (A2/A3) are left out. */
  order: Pod[];
  /** Every pod the backup meets (listed or pulled in through a claim), excluded ones included. */
  reached: ReadonlySet<Pod>;
}

type Selection = <T extends Pod | PersistentVolumeClaim>(items: readonly T[]) => readonly T[];

/**
 * item_collector.go:listResourceByLabelsPerNamespace: one LIST per orLabelSelector, concatenated in selector
 * order (a failing LIST drops the whole namespace's result); else one LIST with labelSelector; else everything.
 */
function selection(scope: BackupScope | undefined): Selection | null {
  const selectors = scope?.orLabelSelectors?.length ? scope.orLabelSelectors : scope?.labelSelector ? [scope.labelSelector] : null;
  if (!selectors) return null;
  const compiled = selectors.map(compileLabelSelector);
  const matchers: Array<(labels: Record<string, string> | null | undefined) => boolean> = [];
  for (const c of compiled) {
    if (!c.ok) return () => [];
    matchers.push(c.matches);
  }
  return (items) => matchers.flatMap((matches) => items.filter((item) => matches(item.metadata?.labels)));
}

/** Pods that Velero processes, in its processing order. Excluded pods (A2/A3) are left out. */
export function processingOrder(index: PvcPodIndex, options: OrderOptions, scope?: BackupScope): Pod[] {
  return processingPlan(index, options, scope).order;
}

export function processingPlan(index: PvcPodIndex, options: OrderOptions, scope?: BackupScope): ProcessingPlan {
  const placedPods = new Set<Pod>();
  if (scope && !scope.backupPods) return { order: [], reached: placedPods };
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

  const namespaces = scope?.namespaces ? index.namespaces.filter((ns) => scope.namespaces?.has(ns)) : index.namespaces;
  const select = selection(scope);
  // Pods are listed before claims (item_collector.go:sortCoreGroup), namespace by namespace.
  for (const namespace of namespaces) {
    for (const pod of select ? select(index.podsIn(namespace)) : index.podsIn(namespace)) run({ kind: 'pod', pod });
  }
  // A claim the selector matches on its own pulls in the running pods that use it (pvc_action.go).
  if (select) {
    for (const namespace of namespaces) {
      for (const claim of select(index.claimsIn(namespace))) run({ kind: 'claim', namespace, name: claim.metadata?.name ?? '' });
    }
  }
  return { order, reached: placedPods };
}
