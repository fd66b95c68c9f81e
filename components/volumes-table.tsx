'use client';
// One row per pod volume: pod, volume, type, PVC, verdict, reason, explanation (wrapped, never cut). Filter by
// text, verdict and reason; natural sort by column. Every row is in the DOM up to 1,000 rows (Ctrl+F finds
// them), virtualised beyond. One tab stop: arrow keys move between rows, Enter or Space selects.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { REASONS } from '@/lib/rules/reasons';
import type { Action, ReasonCode, VolumeVerdict } from '@/lib/rules/types';
import { filterVolumes, sortVolumes, type VolumeFilters } from '@/lib/view/volume-rows';
import { count, formatNumber } from '@/lib/view/words';
import { VerdictBadge } from './verdict-badge';

export type { VolumeFilters, VolumeSort } from '@/lib/view/volume-rows';

/** Up to this many rows are all rendered; more are virtualised. */
export const ALL_ROWS_UP_TO = 1000;
const COLUMNS: Array<[VolumeFilters['sort'], string, string]> = [
  ['pod', 'Pod', 'w-[17%]'], ['volume', 'Volume', 'w-[12%]'], ['type', 'Type', 'w-[10%]'], ['pvc', 'PVC', 'w-[14%]'], ['action', 'Verdict', 'w-[9.5%]'], ['reason', 'Reason', 'w-[12%]'], ['', 'Explanation', ''],
];
const ESTIMATE = 56;

interface Props {
  volumes: VolumeVerdict[];
  filters: VolumeFilters;
  selected: { pod: string; volume: string } | null;
  /** Scroll the selected row into the window too (a deep link), not only within the table. */
  revealSelected: boolean;
  onFilters(change: Partial<VolumeFilters>): void;
  onSelect(v: VolumeVerdict): void;
  emptyText: string;
}

export function VolumesTable({ volumes, filters, selected, revealSelected, onFilters, onSelect, emptyText }: Props) {
  // The box answers each keystroke at once; the URL follows (replace) and wins when it changes elsewhere.
  // The URL lags behind fast typing, so only a value this box did not write (Back, a link) replaces the text.
  const [text, setText] = useState(filters.q);
  const [seenQ, setSeenQ] = useState(filters.q);
  const written = useRef(new Set<string>());
  if (seenQ !== filters.q) {
    setSeenQ(filters.q);
    if (!written.current.has(filters.q)) setText(filters.q);
  }
  const reasons = useMemo(() => [...new Set(volumes.map((v) => v.reason))].sort(), [volumes]);
  const rows = useMemo(() => sortVolumes(filterVolumes(volumes, filters), filters), [volumes, filters]);
  const selectedIndex = selected ? rows.findIndex((v) => v.pod === selected.pod && v.volume === selected.volume) : -1;
  const [active, setActive] = useState(Math.max(0, selectedIndex));
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const scroller = useRef<HTMLDivElement>(null);
  const virtualised = rows.length > ALL_ROWS_UP_TO;
  const virtual = useVirtualizer({ count: virtualised ? rows.length : 0, getScrollElement: () => scroller.current, estimateSize: () => ESTIMATE, overscan: 10, initialRect: { width: 1200, height: 560 },
    // Sizes come from the ResizeObserver after layout, never from a layout forced while React commits the rows
    // (a mounted row starts at its last measured size, or the estimate).
    // The frame's size from its ResizeObserver too: the default reads clientHeight at once, a forced layout.
    observeElementRect: (instance, onRect) => {
      const element = instance.scrollElement;
      if (!element) return undefined;
      const observer = new ResizeObserver(([entry]) => { if (entry) onRect({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) }); });
      observer.observe(element);
      return () => observer.disconnect();
    },
    measureElement: (element, entry, instance) => {
      const box = entry?.borderBoxSize[0];
      return box ? Math.round(box.blockSize) : (instance.itemSizeCache.get(instance.options.getItemKey(instance.indexFromElement(element))) ?? ESTIMATE);
    } });
  const items = virtualised ? virtual.getVirtualItems() : rows.map((_, index) => ({ index, start: 0, end: 0, key: index }));
  const padTop = virtualised ? (items[0]?.start ?? 0) : 0;
  const padBottom = virtualised ? virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const focusAfterRender = useRef<number | null>(null);
  const revealed = useRef(false);
  // A selection made in this table is already in view: only a selection from elsewhere (deep link) is kept in view.
  const choose = (v: VolumeVerdict) => {
    revealed.current = true;
    onSelect(v);
  };

  const rowElement = (index: number) => scroller.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${index}"]`) ?? null;
  /** Scroll a row into the table's own viewport (and, for a deep link, the window). */
  const reveal = (index: number, window: boolean) => {
    const element = rowElement(index);
    if (!element) {
      if (virtualised) virtual.scrollToIndex(index, { align: 'center' });
      return false;
    }
    const box = scroller.current;
    if (box) {
      const top = element.offsetTop - box.clientHeight / 2 + element.offsetHeight / 2;
      if (element.offsetTop < box.scrollTop + 40 || element.offsetTop + element.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = Math.max(0, top);
    }
    if (window) element.scrollIntoView({ block: 'nearest' });
    return true;
  };

  // A selection made elsewhere (deep link, graph, Back) brings its row into view and makes it the active row.
  useEffect(() => {
    if (selectedIndex < 0) return;
    setActive(selectedIndex);
    const once = revealSelected && !revealed.current;
    let frames = 0;
    let handle = 0;
    // A virtualised row exists only once the virtualiser has scrolled to it: retry for a few frames.
    let settled = 0;
    let lastTop = NaN;
    const attempt = () => {
      if (!revealed.current || !once) {
        if (reveal(selectedIndex, once)) revealed.current = true;
        else if (frames++ < 30) handle = requestAnimationFrame(attempt);
        if (!once || !revealed.current) return;
      }
      // For a deep link, the graph above may still be laid out: keep the row in view until nothing moves.
      const top = rowElement(selectedIndex)?.getBoundingClientRect().top ?? NaN;
      if (top !== lastTop) rowElement(selectedIndex)?.scrollIntoView({ block: 'nearest' });
      lastTop = top;
      if (settled++ < 120) handle = requestAnimationFrame(attempt);
    };
    // The user taking over (scroll, key, click) ends the keeping-in-view.
    const stop = () => { settled = Infinity; };
    const events = ['wheel', 'keydown', 'mousedown', 'touchstart'] as const;
    for (const name of events) window.addEventListener(name, stop, { passive: true });
    attempt();
    return () => {
      cancelAnimationFrame(handle);
      for (const name of events) window.removeEventListener(name, stop);
    };
  }, [selectedIndex, revealSelected]);

  useEffect(() => {
    const index = focusAfterRender.current;
    if (index === null) return;
    const element = rowElement(index);
    if (element) {
      focusAfterRender.current = null;
      element.focus({ preventScroll: true });
      reveal(index, false);
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    focusAfterRender.current = next;
    if (virtualised && !rowElement(next)) virtual.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ESTIMATE) - 1);
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, PageDown: activeIndex + page, PageUp: activeIndex - page, Home: 0, End: rows.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key] as number);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const v = rows[activeIndex];
      if (v && (event.target as HTMLElement).tagName === 'TR') {
        event.preventDefault();
        choose(v);
      }
    }
  };
  const select = 'rounded border border-slate-400 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-950';
  const filtered = Boolean(filters.q || filters.verdict || filters.reason);

  return (
    <section aria-labelledby="volumes-title" id="volumes" tabIndex={-1} className="outline-none">
      <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        <h2 id="volumes-title" className="font-semibold">Volumes</h2>
        <span className="text-slate-600 dark:text-slate-300" role="status">{rows.length === volumes.length ? count(volumes.length, 'volume') : `${formatNumber(rows.length)} of ${count(volumes.length, 'volume')}`}</span>
        <label className="flex items-center gap-1">
          <span>Find</span>
          <input type="search" aria-label="Filter volumes" aria-keyshortcuts="/" placeholder="pod, volume, claim or reason — press /" value={text}
            onChange={(e) => { written.current.add(e.target.value); setText(e.target.value); onFilters({ q: e.target.value }); }} data-volume-filter
            className="w-72 rounded border border-slate-400 bg-white px-2 py-0.5 placeholder:text-slate-600 dark:border-slate-600 dark:bg-slate-950 dark:placeholder:text-slate-400" />
        </label>
        <label>Verdict{' '}
          <select aria-label="Filter by verdict" className={select} value={filters.verdict} onChange={(e) => onFilters({ verdict: e.target.value as Action | '' })}>
            <option value="">all</option><option value="fs-backup">fs-backup</option><option value="skip">skip</option>
          </select>
        </label>
        <label>Reason{' '}
          <select aria-label="Filter by reason" className={select} value={filters.reason} onChange={(e) => onFilters({ reason: e.target.value as ReasonCode | '' })}>
            <option value="">all</option>
            {reasons.map((r) => <option key={r} value={r}>{REASONS[r].label} ({r})</option>)}
          </select>
        </label>
        <label>Sort{' '}
          <select aria-label="Sort volumes" className={select} value={`${filters.sort || 'pod'}${filters.desc ? ':desc' : ''}`}
            onChange={(e) => { const [sort, desc] = e.target.value.split(':'); onFilters({ sort: sort === 'pod' && !desc ? '' : (sort as VolumeFilters['sort']), desc: desc === 'desc' }); }}>
            {COLUMNS.filter(([key]) => key).flatMap(([key, label]) => [<option key={key} value={key}>{label} A–Z</option>, <option key={`${key}:desc`} value={`${key}:desc`}>{label} Z–A</option>])}
          </select>
        </label>
      </div>
      <div ref={scroller} className="max-h-[36rem] overflow-y-auto overflow-x-hidden rounded border border-slate-200 dark:border-slate-800">
        <table aria-label="Volumes" aria-rowcount={rows.length + 1} className="w-full table-fixed border-collapse text-sm">
          <thead className="sticky top-0 z-10 bg-slate-100 dark:bg-slate-900">
            <tr className="text-left" aria-rowindex={1}>
              {COLUMNS.map(([key, label, width]) => (
                <th key={label} scope="col" className={`px-2 py-1 font-medium ${width}`} aria-sort={key && filters.sort === key ? (filters.desc ? 'descending' : 'ascending') : undefined}>
                  {key ? (
                    <button type="button" tabIndex={-1} className="hover:underline" onClick={() => onFilters({ sort: key, desc: filters.sort === key ? !filters.desc : false })}>
                      {label}{filters.sort === key ? (filters.desc ? ' ↓' : ' ↑') : ''}
                    </button>
                  ) : label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {padTop > 0 && <tr aria-hidden="true"><td colSpan={7} style={{ height: padTop }} /></tr>}
            {items.map((item) => {
              const v = rows[item.index] as VolumeVerdict;
              const isSelected = selected?.pod === v.pod && selected.volume === v.volume;
              return (
                <tr key={`${v.pod}/${v.volume}`} data-index={item.index} ref={virtualised ? virtual.measureElement : undefined}
                  aria-rowindex={item.index + 2} aria-current={isSelected ? 'true' : undefined} tabIndex={item.index === activeIndex ? 0 : -1}
                  onClick={() => { setActive(item.index); choose(v); }} onFocus={() => setActive(item.index)}
                  className={`cursor-pointer border-t border-slate-200 align-top outline-none focus-visible:outline-[3px] focus-visible:-outline-offset-[3px] focus-visible:outline-blue-600 dark:border-slate-800 dark:focus-visible:outline-sky-300 ${isSelected ? 'bg-blue-100 dark:bg-blue-950' : 'hover:bg-slate-50 dark:hover:bg-slate-900'}`}>
                  <td className="break-all px-2 py-1 font-mono text-xs">{v.pod}</td>
                  <td className="break-all px-2 py-1 font-mono text-xs">
                    <button type="button" tabIndex={-1} className="text-left text-blue-800 hover:underline dark:text-sky-300" onClick={(e) => { e.stopPropagation(); setActive(item.index); choose(v); }}>{v.volume}</button>
                  </td>
                  <td className="break-words px-2 py-1 text-xs">{v.type}</td>
                  <td className="break-all px-2 py-1 font-mono text-xs">{v.pvc ?? '—'}</td>
                  <td className="px-2 py-1"><VerdictBadge action={v.action} /></td>
                  <td className="break-words px-2 py-1 font-mono text-xs">{v.reason}</td>
                  <td className="px-2 py-1 text-xs leading-snug">{v.explanation}</td>
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true"><td colSpan={7} style={{ height: padBottom }} /></tr>}
          </tbody>
        </table>
        {volumes.length === 0 && <p className="p-3 text-sm">{emptyText}</p>}
        {volumes.length > 0 && rows.length === 0 && (
          <p className="flex items-center gap-2 p-3 text-sm">
            No volume matches {filters.q ? <>“{filters.q}”</> : 'these filters'}{filtered ? '.' : ''}
            <button type="button" className="rounded border border-slate-400 px-2 py-0.5 dark:border-slate-600" onClick={() => { setText(''); onFilters({ q: '', verdict: '', reason: '' }); }}>Clear the filters</button>
          </p>
        )}
      </div>
    </section>
  );
}
