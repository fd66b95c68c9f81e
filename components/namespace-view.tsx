'use client';
// The namespace page's client part: graph, Volumes table and detail panel, with every choice in the URL.
import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import type { GraphEdge, GraphNode } from '@/lib/api/types';
import { ApiFailure, REFETCH_MS, fetchGraph, queryKeys } from '@/lib/client/api';
import { selectionFrom, selectionQuery, withParams } from '@/lib/client/view-state';
import type { Action, ReasonCode, VolumeVerdict } from '@/lib/rules/types';
import { AppHeader } from './app-header';
import { ClusterProblem } from './cluster-problem';
import { DetailPanel } from './detail-panel';
import { ProtectionDetail } from './protection-detail';
import { ScanNotices } from './scan-notices';
import { ValidationErrors } from './validation-errors';
import { VolumesTable, type VolumeFilters, type VolumeSort } from './volumes-table';

const VolumeGraph = dynamic(() => import('./volume-graph'), { ssr: false, loading: () => <p role="status" className="p-4 text-sm">Loading the graph…</p> });

export function NamespaceView({ namespace }: { namespace: string }) {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const options = selectionFrom(search);
  const query = useQuery({ queryKey: queryKeys.graph(namespace, options), queryFn: () => fetchGraph(namespace, options), refetchInterval: REFETCH_MS });
  const data = query.data;
  const selectedPod = search.get('pod');
  const selectedVolume = search.get('volume');
  const filters: VolumeFilters = {
    verdict: (search.get('verdict') ?? '') as Action | '',
    reason: (search.get('reason') ?? '') as ReasonCode | '',
    sort: (search.get('sort') ?? '') as VolumeSort | '',
    desc: search.get('desc') === 'true',
  };
  const navigate = (changes: Record<string, string | null>) => router.replace(`${pathname}${withParams(search.toString(), changes)}`, { scroll: false });

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

  const selectedNodeId = selectedVolume && selection?.verdict && selection.verdict.pvc === null ? `vol:${selectedPod}/${selectedVolume}` : selectedPod ? `pod:${selectedPod}` : null;
  const selectVolume = (v: VolumeVerdict) => navigate({ pod: v.pod, volume: v.volume, claim: null });
  const selectFromGraph = (node: GraphNode | null, edge: GraphEdge | null) => {
    if (edge?.kind === 'volume' && edge.volume) {
      const pod = edge.target.startsWith('pod:') ? edge.target.slice(4) : edge.source.slice(4);
      navigate({ pod, volume: edge.volume, claim: null });
    }
    else if (node?.kind === 'pod') navigate({ pod: node.ref, volume: null, claim: null });
    else if (node?.kind === 'volume') navigate({ pod: node.ref.split('/')[0] ?? null, volume: node.ref.split('/').slice(1).join('/'), claim: null });
    else if (node?.kind === 'pvc') {
      const user = data?.claims.find((c) => c.name === node.ref)?.pods[0] ?? null;
      const volume = data?.volumes.find((v) => v.pod === user && v.pvc === node.ref)?.volume ?? null;
      navigate({ pod: user, volume, claim: node.ref });
    }
  };

  return (
    <>
      <AppHeader header={data ?? null} />
      {data && <ScanNotices header={data} />}
      {data && <ValidationErrors header={data} />}
      <main className="mx-auto max-w-[1600px] px-4 py-4">
        <nav aria-label="Breadcrumb" className="text-sm"><Link href={`/${selectionQuery(options)}`} className="text-blue-700 hover:underline dark:text-blue-300">All namespaces</Link> / <span className="font-mono">{namespace}</span></nav>
        {query.error instanceof ApiFailure && !data && <ClusterProblem error={query.error.error} />}
        {!data && query.isPending && <p role="status">Reading the cluster…</p>}
        {data && (
          <>
            <h1 className="mt-1 text-xl font-semibold">Namespace <span className="font-mono">{namespace}</span></h1>
            <p className="text-sm text-slate-600 dark:text-slate-300">
              {data.pods.length} pods · {data.claims.length} claims · {data.volumes.filter((v) => v.action === 'fs-backup').length} volumes taken by fs-backup · {data.volumes.filter((v) => v.action === 'skip').length} skipped · {data.backup.label}: mode {data.options.defaultVolumesToFsBackup ? 'opt-out' : 'opt-in'}{data.options.backupExcludePVC ? ', PVCs excluded' : ''}
            </p>
            <div className="mt-3 grid gap-4 xl:grid-cols-[1fr_26rem]">
              <div className="min-w-0 space-y-4">
                <figure className="rounded border border-slate-200 dark:border-slate-800">
                  <div className="h-[28rem] w-full">
                    <VolumeGraph nodes={data.nodes} edges={data.edges} selectedId={selectedNodeId} onSelect={selectFromGraph} />
                  </div>
                  <figcaption className="border-t border-slate-200 px-2 py-1 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
                    Namespace → PVC → pod. Edges are volumes, labelled with their verdict and reason (solid: fs-backup, dashed: skip). The Volumes table below lists the same verdicts as text.
                    {data.truncated ? ` ${data.truncated.note}` : ''}
                  </figcaption>
                </figure>
                <VolumesTable volumes={data.volumes} filters={filters} selected={selectedPod && selectedVolume ? { pod: selectedPod, volume: selectedVolume } : null}
                  onFilters={(change) => navigate(Object.fromEntries(Object.entries(change).map(([k, v]) => [k, v === false || v === '' ? null : String(v)])))}
                  onSelect={selectVolume} />
              </div>
              <DetailPanel pod={selection?.pod ?? null} verdict={selection?.verdict ?? null} podVerdicts={selection?.podVerdicts ?? []} claim={selection?.claim ?? null} lint={selection?.lint ?? []} policy={data.backup.effective.resourcePolicy}
                extra={selection?.pod ? <ProtectionDetail namespace={namespace} selection={options} claim={selection.claim?.name ?? null} pod={selection.pod.name} volume={selection.verdict?.volume ?? null} /> : null} />
            </div>
          </>
        )}
      </main>
    </>
  );
}
