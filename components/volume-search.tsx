'use client';
// Search across the cluster by pod, PVC or volume name; `/` focuses it. Results link to the namespace page
// with the volume selected.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { fetchVolumes, queryKeys } from '@/lib/client/api';
import { withParams, type Selection } from '@/lib/client/view-state';
import { VerdictBadge } from './verdict-badge';

export function VolumeSearch({ options, optionQuery }: { options: Selection; optionQuery: string }) {
  const [term, setTerm] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key === '/' && !(target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const needle = term.trim();
  const volumes = useQuery({ queryKey: queryKeys.volumes(options), queryFn: () => fetchVolumes(options), enabled: needle.length > 0 });
  const hits = useMemo(() => {
    if (!needle || !volumes.data) return [];
    return volumes.data.volumes.filter((v) => v.pod.includes(needle) || v.volume.includes(needle) || (v.pvc ?? '').includes(needle)).slice(0, 50);
  }, [needle, volumes.data]);

  return (
    <div role="search" className="relative">
      <label className="flex items-center gap-2 text-sm">
        <span>Search pods, PVCs and volumes</span>
        <input ref={input} type="search" value={term} onChange={(e) => setTerm(e.target.value)} placeholder="press / to search"
          className="w-72 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950" />
      </label>
      {needle && (
        <div className="absolute z-10 mt-1 max-h-96 w-[40rem] overflow-auto rounded border border-slate-300 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-950">
          {volumes.isLoading && <p className="p-2 text-sm">Searching…</p>}
          {volumes.data && hits.length === 0 && <p className="p-2 text-sm">Nothing named like “{needle}”.</p>}
          <ul aria-label="Search results">
            {hits.map((v) => (
              <li key={`${v.namespace}/${v.pod}/${v.volume}`}>
                <Link href={`/namespaces/${v.namespace}${withParams(optionQuery, { pod: v.pod, volume: v.volume })}`}
                  className="flex items-center gap-2 px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                  <VerdictBadge action={v.action} />
                  <span className="font-mono">{v.namespace}/{v.pod}</span>
                  <span className="font-mono text-slate-600 dark:text-slate-400">{v.volume}{v.pvc ? ` → ${v.pvc}` : ''}</span>
                  <span className="ml-auto text-xs text-slate-500">{v.reason}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
