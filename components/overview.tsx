'use client';
// The overview page's client part: totals, the namespaces table and cluster-wide search, kept fresh by polling.
// Counts are of data volumes unless the user asks for all (volumes=all); filter and sort live in the URL.
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { ApiFailure, REFETCH_MS, fetchNamespaces, queryKeys } from '@/lib/client/api';
import { navigateParams } from '@/lib/client/history';
import { selectionFrom, selectionQuery } from '@/lib/client/view-state';
import { scopeFrom } from '@/lib/view/volume-class';
import { claimsPhrase, count, formatNumber } from '@/lib/view/words';
import { AppHeader } from './app-header';
import { ClusterProblem } from './cluster-problem';
import { NAMESPACE_SORTS, NamespaceTable, type NamespaceSortKey } from './namespace-table';
import { ProtectionSummary } from './protection-summary';
import { ScanNotices } from './scan-notices';
import { ValidationErrors } from './validation-errors';
import { SkipLink } from './skip-link';
import { VolumeSearch } from './volume-search';

export function Overview() {
  const search = useSearchParams();
  const options = selectionFrom(search);
  const scope = scopeFrom(search.get('volumes'));
  const sortKey = search.get('sort') as NamespaceSortKey | null;
  const sort = { key: sortKey && NAMESPACE_SORTS.includes(sortKey) ? sortKey : null, desc: search.get('desc') === 'true' };
  const query = useQuery({ queryKey: queryKeys.namespaces(options), queryFn: () => fetchNamespaces(options), refetchInterval: REFETCH_MS });
  const data = query.data;
  const links = selectionQuery(options);
  const t = data?.totals;
  const counts = t ? (scope === 'data' ? t.data : t) : null;
  return (
    <>
      <SkipLink target="namespaces" label="Skip to the namespaces" />
      <AppHeader header={data ?? null} />
      {data && <ScanNotices header={data} />}
      {data && <ValidationErrors header={data} />}
      <main className="mx-auto max-w-[1600px] px-4 py-4">
        {query.error instanceof ApiFailure && !data && <ClusterProblem error={query.error.error} onRetry={() => void query.refetch()} />}
        {!data && query.isPending && <p role="status">Reading the cluster…</p>}
        {data && t && counts && (
          <>
            <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
              <div>
                <h1 className="text-xl font-semibold">Will Velero&apos;s fs-backup take these volumes?</h1>
                <p className="text-sm text-slate-700 dark:text-slate-300" aria-label="Totals">
                  {count(t.pods, 'pod')} · {claimsPhrase(t.pvcs, t.missingPvcs)} · {count(counts.volumes, scope === 'data' ? 'data volume' : 'volume')} ·{' '}
                  <strong>{formatNumber(counts.actions['fs-backup'])} fs-backup</strong> · <strong>{formatNumber(counts.actions.skip)} skip</strong> ·{' '}
                  {data.backup.label}: mode {data.options.defaultVolumesToFsBackup ? 'opt-out' : 'opt-in'}{data.options.backupExcludePVC ? ', PVCs excluded' : ''}
                </p>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
                  {scope === 'data'
                    ? <span>Not counted: {count(t.volumes - t.data.volumes, 'volume')} Velero never copies by design (projected, configMap, secret, downwardAPI, default-token).</span>
                    : <span>Counting every volume, including {count(t.volumes - t.data.volumes, 'volume')} Velero never copies by design.</span>}
                  <button type="button" aria-pressed={scope === 'all'} onClick={() => navigateParams({ volumes: scope === 'all' ? null : 'all' }, 'replace')}
                    className="rounded border border-slate-400 px-2 py-0.5 font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">{scope === 'all' ? 'Count data volumes only' : 'Count all volumes'}</button>
                </p>
              </div>
              <VolumeSearch options={options} optionQuery={links} />
            </div>
            <ProtectionSummary selection={options} />
            <NamespaceTable rows={data.namespaces} optionQuery={links} scope={scope} filter={search.get('filter') ?? ''} sort={sort} />
          </>
        )}
      </main>
    </>
  );
}
