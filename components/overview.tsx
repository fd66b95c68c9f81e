'use client';
// The overview page's client part: totals, the namespaces table and cluster-wide search, kept fresh by polling.
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { ApiFailure, REFETCH_MS, fetchNamespaces, queryKeys } from '@/lib/client/api';
import { selectionFrom, selectionQuery } from '@/lib/client/view-state';
import { AppHeader } from './app-header';
import { ClusterProblem } from './cluster-problem';
import { NamespaceTable } from './namespace-table';
import { ProtectionSummary } from './protection-summary';
import { ScanNotices } from './scan-notices';
import { ValidationErrors } from './validation-errors';
import { VolumeSearch } from './volume-search';

export function Overview() {
  const options = selectionFrom(useSearchParams());
  const query = useQuery({ queryKey: queryKeys.namespaces(options), queryFn: () => fetchNamespaces(options), refetchInterval: REFETCH_MS });
  const data = query.data;
  const links = selectionQuery(options);
  return (
    <>
      <AppHeader header={data ?? null} />
      {data && <ScanNotices header={data} />}
      {data && <ValidationErrors header={data} />}
      <main className="mx-auto max-w-[1600px] px-4 py-4">
        {query.error instanceof ApiFailure && !data && <ClusterProblem error={query.error.error} />}
        {!data && query.isPending && <p role="status">Reading the cluster…</p>}
        {data && (
          <>
            <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
              <div>
                <h1 className="text-xl font-semibold">Will Velero&apos;s fs-backup take these volumes?</h1>
                <p className="text-sm text-slate-600 dark:text-slate-300" aria-label="Totals">
                  {data.totals.pods} pods · {data.totals.volumes} volumes · {data.totals.pvcs} PVCs ·{' '}
                  <strong>{data.totals.actions['fs-backup']} fs-backup</strong> · <strong>{data.totals.actions.skip} skip</strong> ·{' '}
                  {data.backup.label}: mode {data.options.defaultVolumesToFsBackup ? 'opt-out' : 'opt-in'}{data.options.backupExcludePVC ? ', PVCs excluded' : ''}
                </p>
              </div>
              <VolumeSearch options={options} optionQuery={links} />
            </div>
            <ProtectionSummary selection={options} />
            <NamespaceTable rows={data.namespaces} optionQuery={links} />
          </>
        )}
      </main>
    </>
  );
}
