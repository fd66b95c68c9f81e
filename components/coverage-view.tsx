'use client';
// Claims × Schedules: each cell the Schedule's protection of the claim, its reason on hover and on focus; a filter
// (kept in the URL) to the claims no running Schedule protects.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { REFETCH_MS } from '@/lib/client/api';
import { fetchCoverage, protectionKeys } from '@/lib/client/protection-api';
import { withParams } from '@/lib/client/view-state';
import { AppHeader } from './app-header';
import { ProtectionBadge } from './protection-badge';
import { ScanNotices } from './scan-notices';
import type { CoverageResponse } from '@/lib/api/types';
import { count, formatNumber } from '@/lib/view/words';

type Cell = CoverageResponse['claims'][number]['cells'][string];

/** Rows drawn at first and added per "Show more": a cluster's claims × its Schedules is tens of thousands of cells. */
export const COVERAGE_PAGE = 200;

function CoverageCell({ cell, id }: { cell: Cell | undefined; id: string }) {
  if (!cell) return <span className="text-xs text-slate-500">—</span>;
  return (
    <span className="group relative inline-block">
      <span tabIndex={0} aria-describedby={id} className="rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600">
        <ProtectionBadge protection={cell.protection} />
      </span>
      <span id={id} role="tooltip"
        className="pointer-events-none invisible absolute left-0 top-full z-10 mt-1 w-72 rounded border border-slate-300 bg-white p-2 text-xs text-slate-900 shadow group-focus-within:visible group-hover:visible dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
        <span className="font-mono">{cell.reason}</span>: {cell.explanation}
      </span>
    </span>
  );
}

export function CoverageView() {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // Local state answers the click at once; the URL follows so a link reproduces the view.
  const [onlyUnprotected, setOnlyUnprotected] = useState(search.get('unprotected') === '1');
  const query = useQuery({ queryKey: protectionKeys.coverage(), queryFn: fetchCoverage, refetchInterval: REFETCH_MS });
  const data = query.data;
  // Claims no schedule protects first (stable: the answer's order within each part).
  const rows = useMemo(() => (data ? data.claims.filter((c) => !onlyUnprotected || !c.protectedBySomeSchedule).sort((a, b) => Number(a.protectedBySomeSchedule) - Number(b.protectedBySomeSchedule)) : []), [data, onlyUnprotected]);
  const [limit, setLimit] = useState(COVERAGE_PAGE);
  const shown = rows.slice(0, limit);
  return (
    <>
      <AppHeader header={data ?? null} picker={false} />
      {data && <ScanNotices header={data} />}
      <main className="mx-auto max-w-[1600px] px-4 py-4">
        <h1 className="text-xl font-semibold">Coverage: which Schedule protects each claim</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Each cell is the protection the Schedule&apos;s next backup gives the claim (fs-backup, CSI snapshot, data mover, native snapshot, custom, not protected,
          not in backup); hover or focus a cell for its reason. Paused Schedules and Schedules the server does not run protect nothing.
        </p>
        <div className="my-3 flex flex-wrap items-center gap-4 text-sm">
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" checked={onlyUnprotected} onChange={(e) => {
              setOnlyUnprotected(e.target.checked);
              router.replace(`${pathname}${withParams(search, { unprotected: e.target.checked ? '1' : null })}`);
            }} />
            Only claims no schedule protects
          </label>
          {data && <span role="status">{shown.length < rows.length ? `${formatNumber(shown.length)} of ${formatNumber(rows.length)} matching claims shown` : `${formatNumber(rows.length)} of ${count(data.claims.length, 'claim')} shown`}</span>}
        </div>
        {data && (
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm" aria-label="Claims by schedule">
              <thead className="text-xs text-slate-600 dark:text-slate-300">
                <tr>
                  <th scope="col" className="py-1 pr-3">Claim</th>
                  {data.schedules.map((s) => <th key={s.name} scope="col" className="py-1 pr-3 font-mono">{s.name}{s.runs ? '' : ' (does not run)'}</th>)}
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={`${c.namespace}/${c.name}`} className="border-t border-slate-100 align-top dark:border-slate-800">
                    <th scope="row" className="py-1 pr-3 font-mono text-xs font-normal">
                      <Link href={`/namespaces/${c.namespace}`} className="text-blue-700 underline dark:text-blue-300">{c.namespace}</Link>/{c.name}
                      {!c.protectedBySomeSchedule && <span className="ml-1 font-sans font-semibold text-red-800 dark:text-red-300">no schedule protects it</span>}
                    </th>
                    {data.schedules.map((s) => <td key={s.name} className="py-1 pr-3"><CoverageCell cell={c.cells[s.name]} id={`cell-${c.namespace}-${c.name}-${s.name}`} /></td>)}
                  </tr>
                ))}
              </tbody>
            </table>
            {shown.length < rows.length && (
              <p className="mt-2 flex gap-2 text-sm">
                <button type="button" className="rounded border border-slate-400 px-2 py-0.5 font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800" onClick={() => setLimit((n) => n + COVERAGE_PAGE)}>Show {formatNumber(Math.min(COVERAGE_PAGE, rows.length - shown.length))} more</button>
                <button type="button" className="rounded border border-slate-400 px-2 py-0.5 font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800" onClick={() => setLimit(rows.length)}>Show all {formatNumber(rows.length)}</button>
              </p>
            )}
          </div>
        )}
      </main>
    </>
  );
}
