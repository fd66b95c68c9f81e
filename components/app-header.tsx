'use client';
// The frame: which cluster (and a demo badge), which backup is predicted (kept in the URL), the snapshot's age
// with a refresh button.
import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState, useSyncExternalStore } from 'react';
import type { ScanHeader } from '@/lib/api/types';
import { ApiFailure, refreshScan } from '@/lib/client/api';
import { selectionFrom, selectionQuery } from '@/lib/client/view-state';
import { BackupPicker } from './backup-picker';

function age(iso: string, now: number | null): string {
  // Before the page has hydrated there is no "now" both server and browser agree on: a server-rendered age
  // would not match the browser's and React would throw the server's HTML away (with what was typed into it).
  if (now === null) return 'at ' + iso.slice(11, 19) + ' UTC';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return seconds < 60 ? `${seconds} s ago` : seconds < 3600 ? `${Math.floor(seconds / 60)} min ago` : `${Math.floor(seconds / 3600)} h ago`;
}

// One clock for every header on the page, ticking every 5 s while someone listens.
let clock = Date.now();
function subscribeClock(onTick: () => void): () => void {
  clock = Date.now();
  const timer = setInterval(() => { clock = Date.now(); onTick(); }, 5000);
  return () => clearInterval(timer);
}
const clockNow = () => clock;

/** `picker`: false on pages that are about every backup at once (Schedules, Coverage). */
export function AppHeader({ header, picker = true }: { header: ScanHeader | null; picker?: boolean }) {
  const search = useSearchParams();
  const selection = selectionFrom(search);
  const queryClient = useQueryClient();
  const [refreshing, setRefreshing] = useState(false);
  const now = useSyncExternalStore(subscribeClock, clockNow, () => null);

  const [refreshProblem, setRefreshProblem] = useState<string | null>(null);
  const refresh = async () => {
    setRefreshing(true);
    setRefreshProblem(null);
    try {
      await refreshScan(selection);
      await queryClient.invalidateQueries();
    } catch (error) {
      // A 429 (refreshes are rate-limited) or a cluster problem: say it beside the button, keep the page.
      setRefreshProblem(error instanceof ApiFailure ? error.error.message : 'The refresh failed.');
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <header className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <Link href={`/${selectionQuery(selection)}`} className="text-lg font-semibold tracking-tight">Backup Lens</Link>
        <Link href="/schedules" className="text-sm text-blue-700 underline dark:text-blue-300">Schedules</Link>
        <Link href="/coverage" className="text-sm text-blue-700 underline dark:text-blue-300">Coverage</Link>
        {header && (
          <p className="flex items-center gap-2 text-sm" aria-label="Cluster">
            <span className="font-mono">{header.cluster.context}</span>
            <span className="text-slate-600 dark:text-slate-300">{header.cluster.server}</span>
            {header.cluster.demo && (
              <span title={header.cluster.demoReason} className="rounded bg-violet-600 px-1.5 py-0.5 text-xs font-semibold text-white">demo cluster</span>
            )}
          </p>
        )}
        {header && picker && <BackupPicker selection={header.backup} />}
        {header && (
          <div className="ml-auto flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
            <span>
              {header.live ? 'live' : 'read'} · scanned {age(header.scannedAt, now)}
              {header.updatedAt !== header.scannedAt ? ` · updated ${age(header.updatedAt, now)}` : ''}
            </span>
            <button type="button" onClick={refresh} disabled={refreshing} className="rounded border border-slate-300 px-2 py-0.5 font-medium hover:bg-white disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800">
              {refreshing ? 'Refreshing…' : 'Refresh'}
            </button>
            {refreshProblem && <span role="status" className="text-red-800 dark:text-red-300">{refreshProblem}</span>}
          </div>
        )}
      </div>
      {header?.cluster.demo && header.cluster.demoReason && (
        <p className="mx-auto max-w-[1600px] px-4 pb-2 text-xs text-violet-800 dark:text-violet-300">Showing the built-in demo cluster: {header.cluster.demoReason}</p>
      )}
    </header>
  );
}
