'use client';
// The namespace page's client part: graph, Volumes table and detail panel, with every choice in the URL
// (selection pushes a history entry, filters replace it). Data volumes first; one click shows all.
import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { GraphEdge, GraphNode } from '@/lib/api/types';
import { ApiFailure, REFETCH_MS, fetchGraph, queryKeys } from '@/lib/client/api';
import { navigateParams, useNarrow, useSlashFocus, type HistoryMode } from '@/lib/client/history';
import { selectionFrom, selectionQuery } from '@/lib/client/view-state';
import { switchModeParams } from '@/lib/client/selection';
import { buildGraph } from '@/lib/graph/build-graph';
import type { VolumeVerdict } from '@/lib/rules/types';
import { inScope, scopeFrom } from '@/lib/view/volume-class';
import { volumeFiltersFrom, volumeFiltersKey, type VolumeFilters } from '@/lib/view/volume-rows';
import { claimsPhrase, count, formatNumber } from '@/lib/view/words';
import { AppHeader } from './app-header';
import { ClusterProblem } from './cluster-problem';
import { DetailPanel } from './detail-panel';
import { GraphLegend } from './graph/graph-legend';
import { ProtectionDetail } from './protection-detail';
import { ScanNotices } from './scan-notices';
import { ValidationErrors } from './validation-errors';
import { SkipLink } from './skip-link';
import { VolumesTable } from './volumes-table';

const VolumeGraph = dynamic(() => import('./volume-graph'), { ssr: false, loading: () => <p role="status" className="p-4 text-sm">Loading the graph…</p> });

/** The groups drawn pod by pod, from the `expand` parameter ("StatefulSet/a,Deployment/b"). */
const expandedGroups = (value: string): Set<string> => new Set(value.split(',').filter(Boolean));

/** `value`, one commit later, in a transition of its own: work that depends on it runs in a later task. */
function useAfterCommit<T>(value: T): T | null {
  const [settled, setSettled] = useState<T | null>(null);
  useEffect(() => { startTransition(() => setSettled(value)); }, [value]);
  return settled;
}

export function NamespaceView({ namespace }: { namespace: string }) {
  const search = useSearchParams();
  const options = selectionFrom(search);
  const query = useQuery({ queryKey: queryKeys.graph(namespace, options), queryFn: () => fetchGraph(namespace, options), refetchInterval: REFETCH_MS });
  // A big namespace's answer and an expanded group re-render thousands of elements: the deferred values let React
  // render them in the background in slices (the page stays responsive, no long task) while the old view stays.
  const data = useDeferredValue(query.data);
  const selectedPod = search.get('pod');
  const selectedVolume = search.get('volume');
  const scope = scopeFrom(search.get('volumes'));
  const filterKey = volumeFiltersKey(search);
  // One filters object per filter choice: a new one each render would re-sort 2,000 rows on every render.
  const filters = useMemo(() => volumeFiltersFrom(search), [filterKey]);
  const expandParam = useDeferredValue(search.get('expand') ?? '');
  const expanded = useMemo(() => expandedGroups(expandParam), [expandParam]);
  const narrow = useNarrow();
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const userSelected = useRef(false);
  const go = (changes: Record<string, string | null>, mode: HistoryMode) => navigateParams(changes, mode);
  useSlashFocus(useCallback(() => document.querySelector<HTMLElement>('[data-volume-filter]'), []));

  const volumes = useMemo(() => inScope(data?.volumes ?? [], scope), [data, scope]);
  const hidden = (data?.volumes.length ?? 0) - volumes.length;
  // The graph is built in a render of its own, after the table's is committed: each is one task, not both in one.
  const graphInput = useMemo(() => (data ? { volumes, pods: data.pods, claims: data.claims, expanded } : null), [data, volumes, expanded]);
  const settled = useAfterCommit(graphInput);
  const graph = useMemo(() => (settled ? buildGraph(namespace, settled.volumes, settled.pods, settled.claims, { expanded: settled.expanded }) : null), [settled, namespace]);

  const selection = useMemo(() => {
    if (!data || !selectedPod) return null;
    const pod = data.pods.find((p) => p.name === selectedPod) ?? null;
    const podVerdicts = data.volumes.filter((v) => v.pod === selectedPod);
    const verdict = selectedVolume ? (podVerdicts.find((v) => v.volume === selectedVolume) ?? null) : null;
    const claimName = verdict?.pvc ?? search.get('claim');
    const claim = claimName ? (data.claims.find((c) => c.name === claimName) ?? null) : null;
    const lint = data.lint.filter((f) => f.pod === selectedPod || (claimName !== null && f.claim === claimName));
    return { pod, podVerdicts, verdict, claim, lint };
  }, [data, selectedPod, selectedVolume, search]);

  const selectedIds = useMemo(() => {
    const ids = new Set<string>();
    if (!selectedPod) return ids;
    ids.add(`pod:${selectedPod}`);
    const v = selection?.verdict;
    if (v) {
      ids.add(`vol:${v.pod}/${v.volume}`);
      ids.add(v.pvc !== null ? `pvc:${v.pvc}->pod:${v.pod}:${v.volume}` : `pod:${v.pod}->vol:${v.pod}/${v.volume}`);
    }
    return ids;
  }, [selectedPod, selection]);

  // After a selection by the user on a narrow screen, the drawer takes focus; closing gives it back.
  const open = Boolean(selection?.pod);
  useEffect(() => {
    if (open && narrow && userSelected.current) panelHeading.current?.focus();
    userSelected.current = false;
  }, [open, narrow, selectedPod, selectedVolume]);
  const choose = (changes: Record<string, string | null>) => {
    userSelected.current = true;
    if (!open) returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    go(changes, 'push');
  };
  const close = () => {
    go({ pod: null, volume: null, claim: null }, 'push');
    requestAnimationFrame(() => returnFocus.current?.focus());
  };

  const selectVolume = (v: VolumeVerdict) => choose({ pod: v.pod, volume: v.volume, claim: null });
  const selectFromGraph = (node: GraphNode | null, edge: GraphEdge | null) => {
    if (edge?.kind === 'volume' && edge.volume && !edge.counts) {
      const pod = edge.target.startsWith('pod:') ? edge.target.slice(4) : edge.source.slice(4);
      choose({ pod, volume: edge.volume, claim: null });
    } else if (edge?.counts) toggleGroup(edge.target.slice('group:'.length));
    else if (node?.kind === 'pod') choose({ pod: node.ref, volume: null, claim: null });
    else if (node?.kind === 'volume') choose({ pod: node.ref.split('/')[0] ?? null, volume: node.ref.split('/').slice(1).join('/'), claim: null });
    else if (node?.kind === 'pvc') {
      const user = data?.claims.find((c) => c.name === node.ref)?.pods[0] ?? null;
      const volume = data?.volumes.find((v) => v.pod === user && v.pvc === node.ref)?.volume ?? null;
      choose({ pod: user, volume, claim: node.ref });
    } else if (!node && !edge && open) go({ pod: null, volume: null, claim: null }, 'push');
  };
  const toggleGroup = (ref: string) => {
    const next = expandedGroups(search.get('expand') ?? '');
    if (next.has(ref)) next.delete(ref);
    else next.add(ref);
    go({ expand: [...next].join(',') || null }, 'push');
  };
  const onFilters = (change: Partial<VolumeFilters>) =>
    go(Object.fromEntries(Object.entries(change).map(([k, v]) => [k, v === false || v === '' ? null : String(v)])), 'replace');

  const backed = volumes.filter((v) => v.action === 'fs-backup').length;
  const missing = data?.claims.filter((c) => !c.exists).length ?? 0;
  return (
    <>
      <SkipLink target="volumes" label="Skip to the volumes" />
      <AppHeader header={data ?? null} />
      {data && <ScanNotices header={data} />}
      {data && <ValidationErrors header={data} />}
      <main className="mx-auto max-w-[1600px] px-4 py-4">
        <nav aria-label="Breadcrumb" className="text-sm"><Link href={`/${selectionQuery(options)}`} className="text-blue-800 hover:underline dark:text-sky-300">All namespaces</Link> / <span className="font-mono">{namespace}</span></nav>
        {query.error instanceof ApiFailure && !data && <ClusterProblem error={query.error.error} onRetry={() => void query.refetch()} />}
        {!data && !query.error && <p role="status">Reading the cluster…</p>}
        {data && (
          <>
            <h1 className="mt-1 text-xl font-semibold">Namespace <span className="font-mono">{namespace}</span></h1>
            <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-700 dark:text-slate-300" aria-label="Namespace counts">
              <span>{count(data.pods.length, 'pod')} · {claimsPhrase(data.claims.length - missing, missing)} · {count(volumes.length, scope === 'data' ? 'data volume' : 'volume')}: {formatNumber(backed)} fs-backup, {formatNumber(volumes.length - backed)} skipped · {data.backup.label}: mode {data.options.defaultVolumesToFsBackup ? 'opt-out' : 'opt-in'}{data.options.backupExcludePVC ? ', PVCs excluded' : ''}</span>
              {scope === 'data' && hidden > 0 && <span>· {count(hidden, 'volume')} Velero never copies by design (projected, configMap, secret, downwardAPI, default-token) hidden</span>}
              {(hidden > 0 || scope === 'all') && (
                <button type="button" className="rounded border border-slate-400 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800" aria-pressed={scope === 'all'}
                  onClick={() => go({ volumes: scope === 'all' ? null : 'all' }, 'replace')}>{scope === 'all' ? 'Show data volumes only' : 'Show all volumes'}</button>
              )}
            </p>
            <div className="mt-3 grid gap-4 xl:grid-cols-[minmax(0,1fr)_26rem]">
              <div className="min-w-0 space-y-4">
                <figure className="rounded border border-slate-200 dark:border-slate-800" aria-labelledby="graph-caption">
                  {graph ? <VolumeGraph nodes={graph.nodes} edges={graph.edges} selectedIds={selectedIds} expanded={expanded} onSelect={selectFromGraph} onToggleGroup={toggleGroup} />
                    : <p role="status" className="p-4 text-sm" style={{ minHeight: 180 }}>Laying out the graph…</p>}
                  <figcaption id="graph-caption" className="space-y-1 border-t border-slate-200 px-2 py-1 text-xs text-slate-700 dark:border-slate-800 dark:text-slate-300">
                    <span className="block">Namespace → PVC → pod. Edges are volumes, labelled with their verdict and reason. Tab into the graph, move with the arrow keys, select with Enter. The Volumes table below lists the same verdicts as text.{graph?.truncated ? ` ${graph.truncated.note}` : ''}</span>
                    <GraphLegend />
                  </figcaption>
                </figure>
                <VolumesTable volumes={volumes} filters={filters} selected={selectedPod && selectedVolume ? { pod: selectedPod, volume: selectedVolume } : null}
                  revealSelected onFilters={onFilters} onSelect={selectVolume}
                  emptyText={hidden > 0 ? `No data volumes here; ${count(hidden, 'volume')} Velero never copies by design ${hidden === 1 ? 'is' : 'are'} hidden (Show all volumes).` : 'This namespace has no pod volumes.'} />
              </div>
              <DetailPanel pod={selection?.pod ?? null} verdict={selection?.verdict ?? null} podVerdicts={selection?.podVerdicts ?? []} claim={selection?.claim ?? null} lint={selection?.lint ?? []}
                drawer={narrow} headingRef={panelHeading} onClose={close}
                mode={data.options.defaultVolumesToFsBackup ? 'opt-out' : 'opt-in'} onSwitchMode={() => go(switchModeParams(data.backup, !data.options.defaultVolumesToFsBackup), 'push')}
                policy={data.backup.effective.resourcePolicy}
                extra={selection?.pod ? <ProtectionDetail namespace={namespace} selection={options} claim={selection.claim?.name ?? null} pod={selection.pod.name} volume={selection.verdict?.volume ?? null} /> : null} />
            </div>
          </>
        )}
      </main>
    </>
  );
}
