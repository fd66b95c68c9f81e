'use client';
// The first scan of a big cluster takes a while: say what is being read, and how far it got, then show the page.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { ListProgress, ProgressResponse } from '@/lib/api/types';
import { formatNumber } from '@/lib/view/words';

const NAMES: Record<string, string> = { namespaces: 'namespaces', pods: 'pods', persistentvolumeclaims: 'claims', persistentvolumes: 'persistent volumes' };
const n = formatNumber;

export function progressLine(list: ListProgress): string {
  const what = NAMES[list.resource] ?? list.resource;
  if (list.done) return `Read ${n(list.read)} ${what}`;
  return list.total !== null ? `Reading ${what}: ${n(list.read)} of about ${n(list.total)}` : `Reading ${what}: ${n(list.read)} so far`;
}

export function ColdLoad() {
  const router = useRouter();
  const [progress, setProgress] = useState<ProgressResponse | null>(null);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const answer = (await (await fetch('/api/v1/progress', { cache: 'no-store' })).json()) as ProgressResponse;
        if (stopped) return;
        setProgress(answer);
        if (answer.state !== 'reading') {
          router.refresh();
          return;
        }
      } catch {
        // The server may be restarting; keep asking.
      }
      if (!stopped) setTimeout(poll, 400);
    };
    void poll();
    return () => { stopped = true; };
  }, [router]);
  const lists = progress?.lists ?? [];
  return (
    <main className="mx-auto max-w-2xl p-6" aria-busy="true">
      <h1 className="text-xl font-semibold">Reading the cluster…</h1>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">The first scan lists every namespace, pod, claim and persistent volume, page by page. The page appears when it is done.</p>
      <ul role="status" aria-label="Scan progress" className="mt-4 space-y-2 text-sm">
        {lists.length === 0 && <li>Starting the scan…</li>}
        {lists.map((list) => (
          <li key={list.resource}>
            <span>{progressLine(list)}</span>
            {list.total !== null && list.total > 0 && (
              <progress className="ml-2 h-2 w-40 align-middle" max={list.total} value={list.read} aria-label={`${NAMES[list.resource] ?? list.resource} read`} />
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
