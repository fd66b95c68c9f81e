'use client';
// Search across the cluster by namespace, pod, claim or volume name (case-insensitive), answered by
// /api/v1/search: the first 20 with the total and "show all"; `/` focuses it, arrow keys and Enter choose,
// Escape or a click outside closes it.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchSearch, queryKeys } from '@/lib/client/api';
import { useSlashFocus } from '@/lib/client/history';
import { withParams, type Selection } from '@/lib/client/view-state';
import type { SearchHit } from '@/lib/view/search';
import { count } from '@/lib/view/words';
import { VerdictBadge } from './verdict-badge';

const FIRST = 20;
const ALL = 1000;

function hrefOf(hit: SearchHit, optionQuery: string): string {
  const base = `/namespaces/${hit.namespace}`;
  switch (hit.kind) {
    case 'namespace': return `${base}${optionQuery}`;
    case 'pod': return `${base}${withParams(optionQuery, { pod: hit.pod })}`;
    case 'claim': return `${base}${withParams(optionQuery, { pod: hit.pod, volume: hit.volume, claim: hit.claim })}`;
    case 'volume': return `${base}${withParams(optionQuery, { pod: hit.pod, volume: hit.volume })}`;
  }
}

function HitText({ hit }: { hit: SearchHit }) {
  switch (hit.kind) {
    case 'namespace': return <><span className="w-20 shrink-0 text-xs text-slate-700 dark:text-slate-300">namespace</span><span className="font-mono">{hit.namespace}</span></>;
    case 'pod': return <><span className="w-20 shrink-0 text-xs text-slate-700 dark:text-slate-300">pod</span><span className="font-mono">{hit.namespace}/{hit.pod}</span></>;
    case 'claim': return <><span className="w-20 shrink-0 text-xs text-slate-700 dark:text-slate-300">PVC</span><span className="font-mono">{hit.namespace}/{hit.claim}</span>{hit.pod && <span className="font-mono text-xs text-slate-700 dark:text-slate-300">used by {hit.pod}</span>}</>;
    case 'volume': return <><VerdictBadge action={hit.action} /><span className="font-mono">{hit.namespace}/{hit.pod}</span><span className="font-mono text-slate-700 dark:text-slate-300">{hit.volume}{hit.pvc ? ` → ${hit.pvc}` : ''}</span><span className="ml-auto text-xs text-slate-700 dark:text-slate-300">{hit.reason}</span></>;
  }
}

export function VolumeSearch({ options, optionQuery }: { options: Selection; optionQuery: string }) {
  const router = useRouter();
  const [term, setTerm] = useState('');
  const [debounced, setDebounced] = useState('');
  const [limit, setLimit] = useState(FIRST);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  // The input is uncontrolled: keystrokes typed while the page hydrates stay in the DOM (a controlled input would be
  // reset to '' by React when its change event arrives before the commit), and this takes them over once mounted.
  useEffect(() => {
    const typed = input.current?.value ?? '';
    if (!typed) return;
    setTerm(typed);
    if (document.activeElement === input.current) setOpen(true);
  }, []);
  const box = useRef<HTMLDivElement>(null);
  useSlashFocus(useCallback(() => input.current, []));
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(term.trim()), 120);
    return () => clearTimeout(timer);
  }, [term]);
  useEffect(() => {
    const onDown = (e: MouseEvent) => { if (box.current && !box.current.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);
  useEffect(() => {
    document.getElementById(`search-hit-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const results = useQuery({ queryKey: queryKeys.search(debounced, limit, options), queryFn: () => fetchSearch(debounced, limit, options), enabled: debounced.length > 0, placeholderData: keepPreviousData });
  const hits = debounced && results.data ? results.data.hits : [];
  const fresh = results.data?.query === term.trim() && !results.isPlaceholderData;
  const [enterPending, setEnterPending] = useState(false);
  useEffect(() => {
    if (enterPending && fresh) {
      setEnterPending(false);
      choose(hits[active]);
    }
  });
  const total = results.data?.total ?? 0;
  const shown = open && term.trim().length > 0;
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    router.push(hrefOf(hit, optionQuery));
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') { setOpen(false); return; }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (hits.length === 0 ? 0 : (i + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length));
    } else if (e.key === 'Enter' && term.trim()) {
      e.preventDefault();
      // Results for an older term may still be shown: wait for the current term's answer.
      if (fresh) choose(hits[active]);
      else setEnterPending(true);
    }
  };

  return (
    <div role="search" ref={box} className="relative ml-auto">
      <label className="flex items-center gap-2 text-sm">
        <span>Search namespaces, pods, PVCs and volumes</span>
        <input ref={input} type="search" role="combobox" aria-expanded={shown} aria-controls="search-results" aria-autocomplete="list" aria-keyshortcuts="/"
          aria-activedescendant={shown && hits[active] ? `search-hit-${active}` : undefined}
          defaultValue="" onChange={(e) => { setTerm(e.target.value); setOpen(true); setActive(0); setLimit(FIRST); }} onFocus={() => setOpen(true)} onKeyDown={onKeyDown}
          placeholder="press / to search" className="w-64 rounded border border-slate-400 bg-white px-2 py-1 placeholder:text-slate-600 dark:border-slate-600 dark:bg-slate-950 dark:placeholder:text-slate-400" />
      </label>
      {shown && (
        <div className="absolute right-0 z-30 mt-1 w-[min(40rem,calc(100vw-2rem))] rounded border border-slate-300 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-950">
          <p role="status" className="flex items-center gap-2 border-b border-slate-200 px-2 py-1 text-xs dark:border-slate-800">
            {results.isFetching && !results.data ? 'Searching…' : total === 0 ? `Nothing named like “${term.trim()}”.` : `${hits.length < total ? `${hits.length} of ` : ''}${count(total, 'match', 'matches')}`}
            {hits.length < total && limit < ALL && <button type="button" className="ml-auto font-medium text-blue-800 underline dark:text-sky-300" onClick={() => { setLimit(ALL); input.current?.focus(); }}>Show all{total > ALL ? ` (first ${ALL})` : ''}</button>}
          </p>
          <ul id="search-results" role="listbox" aria-label="Search results" className="max-h-96 overflow-y-auto">
            {hits.map((hit, i) => (
              <li key={`${hit.kind}:${hrefOf(hit, '')}`} id={`search-hit-${i}`} role="option" aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()} onClick={() => choose(hit)} onMouseEnter={() => setActive(i)}
                className={`flex cursor-pointer items-center gap-2 px-2 py-1 text-sm ${i === active ? 'bg-blue-100 dark:bg-blue-950' : ''}`}>
                <HitText hit={hit} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
