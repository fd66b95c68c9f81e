// Verdicts of one snapshot under one set of backup options, grouped so that every per-namespace answer is a
// lookup. Built once per (snapshot, options) and cached by lib/scan.ts.
import type { ClaimInfo, NamespaceSummary, PodInfo, ReasonCounts } from '../api/types';
import type { PvcPodIndex } from '../index/pvc-pod-index';
import type { ClusterSnapshot, Pod } from '../model/kube';
import { lintPod, lintVerdicts, type LintFinding } from '../rules/lint';
import { podExcludedBy } from '../rules/processing-order';
import type { Action, BackupOptions, VolumeVerdict } from '../rules/types';
import { decideContext, decideNamespace, type DecideContext, type DecideResult } from '../rules/verdict';
import { pvSourceType } from '../rules/volume-type';
import { policyMatcher } from '../rules/policy/index';
import { engineInput } from '../velero/backup-options/engine-input';
import type { EffectiveOptions } from '../velero/backup-options/types';
import { isDataVolume } from './volume-class';
import { protectionDecider } from '../rules/protection/decide';
import type { ClaimProtection, ProtectionResult } from '../rules/protection/types';
import { protectionOptions } from './protection-view';
import { VOLUMES_TO_BACKUP_ANNOTATION, VOLUMES_TO_EXCLUDE_ANNOTATION } from '../velero/pod-volumes';

export interface ClusterView {
  /** The engine's mode switches for this backup. */
  options: BackupOptions;
  effective: EffectiveOptions;
  result: DecideResult;
  byNamespace: Map<string, VolumeVerdict[]>;
  /** "namespace/pod" → 1-based position in Velero's processing order within its namespace. */
  processingIndex: Pick<ReadonlyMap<string, number>, 'get'>;
  /** L9–L11 by namespace. */
  clusterLint: Map<string, LintFinding[]>;
  /** Every claim's protection under this backup (issue 10), computed on first use. */
  protection(): ProtectionResult;
  /** One namespace's claims' protection (the same objects as in protection()), computed on first use. */
  protectionIn(namespace: string): readonly ClaimProtection[];
  /** Per namespace: what the view holds of it (reused by the next view when the namespace did not change). */
  parts: ReadonlyMap<string, ViewPart>;
  /** D2's node-agent nodes this view was decided with (null: assumed on every node). */
  nodeAgents: ReadonlySet<string> | null;
}

export interface ViewPart {
  verdicts: VolumeVerdict[];
  /** Pod name → 1-based position in the namespace's processing order. */
  processingIndex: Map<string, number>;
  lint: LintFinding[];
  /** The overview's row, made on first use. */
  summary?: NamespaceSummary;
  /** The protection of the namespace's claims, made on first use (kept with the part when the next view reuses it). */
  claims?: ClaimProtection[];
}

/** The view of the previous snapshot under the same options, and the namespaces whose pods or claims changed since. */
export interface ViewUpdate {
  view: ClusterView;
  namespaces: ReadonlySet<string>;
}

function makePart(ctx: DecideContext, index: PvcPodIndex, namespace: string): ViewPart {
  const decision = decideNamespace(ctx, namespace);
  const processingIndex = new Map<string, number>();
  decision.processingOrder.forEach((key, i) => processingIndex.set(key.slice(key.indexOf('/') + 1), i + 1));
  return { verdicts: decision.verdicts, processingIndex, lint: lintVerdicts(decision.verdicts, index) };
}

/** Namespaces whose decisions can differ from `previous`: the changed ones, and those with pods on a node whose node-agent came or went. */
function affected(previous: ViewUpdate, index: PvcPodIndex, nodeAgents: ReadonlySet<string> | null): ReadonlySet<string> | 'all' {
  const before = previous.view.nodeAgents;
  if ((before === null) !== (nodeAgents === null)) return 'all';
  if (!before || !nodeAgents) return previous.namespaces;
  const nodes = new Set([...before, ...nodeAgents].filter((n) => before.has(n) !== nodeAgents.has(n)));
  if (nodes.size === 0) return previous.namespaces;
  const out = new Set(previous.namespaces);
  for (const ns of index.namespaces) if (index.podsIn(ns).some((p) => nodes.has(p.spec?.nodeName ?? ''))) out.add(ns);
  return out;
}

/**
 * The verdicts of one snapshot under one set of options. With `previous` (the last snapshot's view under the same
 * options, PVs, namespaces and Velero's objects unchanged) only the namespaces that can have changed are decided again.
 */
export function buildClusterView(snapshot: ClusterSnapshot, index: PvcPodIndex, effective: EffectiveOptions, previous?: ViewUpdate): ClusterView {
  const { options, scope } = engineInput(effective);
  // A backup Velero would refuse, or whose policy cannot be read, has no verdicts to show.
  const blocked = effective.validationErrors.length > 0 || effective.resourcePolicy.state === 'unreadable' || effective.resourcePolicy.state === 'invalid';
  const policy = effective.resourcePolicy.state === 'ok' ? policyMatcher(effective.resourcePolicy.policy) : null;
  const ctx = decideContext({ snapshot, options, index, policy, scope: blocked ? { ...scope, namespaces: new Set() } : scope });
  const nodeAgents = ctx.runtime.nodeAgents;
  const redo = previous ? affected(previous, index, nodeAgents) : 'all';
  const parts = new Map<string, ViewPart>();
  for (const ns of index.namespaces) {
    const reused = redo !== 'all' && !redo.has(ns) ? previous?.view.parts.get(ns) : undefined;
    parts.set(ns, reused ?? makePart(ctx, index, ns));
  }
  let verdicts: VolumeVerdict[] | null = null;
  let processingOrder: string[] | null = null;
  const result: DecideResult = {
    get verdicts() {
      return (verdicts ??= [...parts.values()].flatMap((p) => p.verdicts));
    },
    get processingOrder() {
      return (processingOrder ??= [...parts].flatMap(([ns, p]) => [...p.processingIndex.keys()].map((pod) => `${ns}/${pod}`)));
    },
    assumptions: ctx.assumptions,
  };
  const byNamespace = new Map<string, VolumeVerdict[]>();
  const clusterLint = new Map<string, LintFinding[]>();
  for (const [ns, part] of parts) {
    if (part.verdicts.length) byNamespace.set(ns, part.verdicts);
    if (part.lint.length) clusterLint.set(ns, part.lint);
  }
  const processingIndex = {
    get: (key: string) => parts.get(key.slice(0, key.indexOf('/')))?.processingIndex.get(key.slice(key.indexOf('/') + 1)),
  };
  // Protection per namespace, on the part: a reused part keeps its claims' protection (a claim's protection
  // depends on its namespace's verdicts and on cluster-wide objects, which a reused part's view shares).
  let decider: ReturnType<typeof protectionDecider> | null = null;
  const decide = () => (decider ??= protectionDecider({ snapshot, index, options: protectionOptions(snapshot, effective) }));
  const claimsOf = (ns: string, part: ViewPart) =>
    (part.claims ??= decide().claimsIn(ns, part.verdicts, [...part.processingIndex].sort((a, b) => a[1] - b[1]).map(([pod]) => `${ns}/${pod}`)));
  let protection: ProtectionResult | null = null;
  return {
    protectionIn: (ns: string) => {
      const part = parts.get(ns);
      return part ? claimsOf(ns, part) : [];
    },
    protection: () => {
      if (protection) return protection;
      const claims = [...parts].flatMap(([ns, part]) => claimsOf(ns, part));
      return (protection = { claims, assumptions: decide().assumptions(claims) });
    },
    options, effective, result, byNamespace, processingIndex, clusterLint, parts, nodeAgents,
  };
}

const emptyActions = (): Record<Action, number> => ({ 'fs-backup': 0, skip: 0 });

function count(verdicts: readonly VolumeVerdict[]): { actions: Record<Action, number>; reasons: ReasonCounts } {
  const actions = emptyActions();
  const reasons: ReasonCounts = {};
  for (const v of verdicts) {
    actions[v.action]++;
    reasons[v.reason] = (reasons[v.reason] ?? 0) + 1;
  }
  return { actions, reasons };
}

export function lintNamespace(view: ClusterView, index: PvcPodIndex, namespace: string): LintFinding[] {
  const perPod = index.podsIn(namespace).flatMap((pod) => lintPod(pod, view.options));
  return [...perPod, ...(view.clusterLint.get(namespace) ?? [])];
}

/** One row per namespace: skipped claims first, then by name. */
export function namespaceSummaries(view: ClusterView, index: PvcPodIndex, snapshot: ClusterSnapshot): NamespaceSummary[] {
  const incompleteNs = new Set(snapshot.incomplete.map((r) => r.namespace));
  const { effective } = view;
  const inScope = new Set(effective.validationErrors.length === 0 && effective.backupPods.value ? effective.namespacesInScope : []);
  const names = new Set([...index.namespaces, ...snapshot.namespaces.map((n) => n.metadata?.name ?? '')]);
  const rows = [...names].map((name): NamespaceSummary => {
    const part = view.parts.get(name);
    if (part?.summary) return part.summary;
    const summary = summaryOf(view, index, name, incompleteNs.has(name), inScope.has(name));
    if (part) part.summary = summary;
    return summary;
  });
  return rows.sort((a, b) => Number(b.skippedPvcVolumes > 0) - Number(a.skippedPvcVolumes > 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function summaryOf(view: ClusterView, index: PvcPodIndex, name: string, incomplete: boolean, inBackup: boolean): NamespaceSummary {
  const verdicts = view.byNamespace.get(name) ?? [];
  const { actions, reasons } = count(verdicts);
  const data = count(verdicts.filter(isDataVolume));
  const existing = new Set(index.claimsIn(name).map((c) => c.metadata?.name ?? ''));
  const missingPvcs = new Set(verdicts.filter((v) => v.pvc !== null && !existing.has(v.pvc)).map((v) => v.pvc)).size;
  return {
    name,
    pods: index.podsIn(name).length,
    volumes: verdicts.length,
    pvcs: existing.size,
    missingPvcs,
    actions,
    reasons,
    data: { volumes: data.actions['fs-backup'] + data.actions.skip, actions: data.actions, reasons: data.reasons },
    skippedPvcVolumes: verdicts.filter((v) => v.pvc !== null && v.action === 'skip').length,
    backupErrors: verdicts.filter((v) => v.backupError).length,
    warnings: lintNamespace(view, index, name).filter((f) => f.severity === 'warning').length,
    incomplete,
    inBackup,
  };
}

function addCounts(into: { actions: Record<Action, number>; reasons: ReasonCounts }, from: { actions: Record<Action, number>; reasons: ReasonCounts }) {
  into.actions['fs-backup'] += from.actions['fs-backup'];
  into.actions.skip += from.actions.skip;
  for (const [code, n] of Object.entries(from.reasons) as [keyof ReasonCounts, number][]) into.reasons[code] = (into.reasons[code] ?? 0) + n;
}

export function totals(rows: readonly NamespaceSummary[]) {
  const all = { actions: emptyActions(), reasons: {} as ReasonCounts };
  const data = { volumes: 0, actions: emptyActions(), reasons: {} as ReasonCounts };
  let pods = 0, volumes = 0, pvcs = 0, missingPvcs = 0;
  for (const row of rows) {
    pods += row.pods; volumes += row.volumes; pvcs += row.pvcs; missingPvcs += row.missingPvcs; data.volumes += row.data.volumes;
    addCounts(all, row);
    addCounts(data, row.data);
  }
  return { pods, volumes, pvcs, missingPvcs, actions: all.actions, reasons: all.reasons, data };
}

function ownerOf(pod: Pod): string | null {
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller) ?? pod.metadata?.ownerReferences?.[0];
  return owner ? `${owner.kind ?? ''}/${owner.name ?? ''}` : null;
}

export function podInfos(view: ClusterView, index: PvcPodIndex, namespace: string): PodInfo[] {
  return index.podsIn(namespace).map((pod) => {
    const annotations = pod.metadata?.annotations ?? {};
    const excluded = podExcludedBy(pod);
    const name = pod.metadata?.name ?? '';
    return {
      name,
      phase: pod.status?.phase ?? '',
      node: pod.spec?.nodeName || null,
      backupVolumes: annotations[VOLUMES_TO_BACKUP_ANNOTATION] ?? null,
      backupVolumesExcludes: annotations[VOLUMES_TO_EXCLUDE_ANNOTATION] ?? null,
      excludedByLabel: excluded === 'podExcludedByLabel',
      terminating: !!pod.metadata?.deletionTimestamp,
      owner: ownerOf(pod),
      volumeNames: (pod.spec?.volumes ?? []).map((v) => v?.name ?? ''),
      processingIndex: view.processingIndex.get(`${namespace}/${name}`) ?? null,
    };
  });
}

export function claimInfos(index: PvcPodIndex, namespace: string, verdicts: readonly VolumeVerdict[]): ClaimInfo[] {
  const named = new Set(verdicts.filter((v) => v.pvc !== null).map((v) => v.pvc as string));
  const infos: ClaimInfo[] = index.claimsIn(namespace).map((claim) => {
    const name = claim.metadata?.name ?? '';
    named.delete(name);
    const pv = claim.spec?.volumeName ? index.pv(claim.spec.volumeName) : undefined;
    const pvType = pvSourceType(pv?.spec);
    return {
      name,
      exists: true,
      phase: claim.status?.phase ?? null,
      volumeName: claim.spec?.volumeName || null,
      storageClass: claim.spec?.storageClassName ?? null,
      capacity: claim.status?.capacity?.storage ?? claim.spec?.resources?.requests?.storage ?? null,
      volumeMode: claim.spec?.volumeMode ?? null,
      pvType,
      pods: [...new Set(index.podsUsingClaim(namespace, name).map((p) => p.metadata?.name ?? ''))],
      excludedByLabel: claim.metadata?.labels?.['velero.io/exclude-from-backup'] === 'true',
    };
  });
  for (const name of [...named].sort()) {
    infos.push({ name, exists: false, phase: null, volumeName: null, storageClass: null, capacity: null, volumeMode: null, pvType: null,
      pods: [...new Set(index.podsUsingClaim(namespace, name).map((p) => p.metadata?.name ?? ''))], excludedByLabel: false });
  }
  return infos;
}
