'use client';
// One row per pod volume: pod, volume, type, PVC, verdict, reason, explanation. Filter by verdict and reason,
// sort by column; rows are virtualised (padding rows keep it a real table) so 2,000+ rows stay smooth.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { REASONS } from '@/lib/rules/reasons';
import type { Action, ReasonCode, VolumeVerdict } from '@/lib/rules/types';
import { VerdictBadge } from './verdict-badge';

export type VolumeSort = 'pod' | 'volume' | 'type' | 'pvc' | 'action' | 'reason';
const COLUMNS: Array<[VolumeSort | null, string]> = [['pod', 'Pod'], ['volume', 'Volume'], ['type', 'Type'], ['pvc', 'PVC'], ['action', 'Verdict'], ['reason', 'Reason'], [null, 'Explanation']];
const ROW_HEIGHT = 44;

export interface VolumeFilters {
  verdict: Action | '';
  reason: ReasonCode | '';
  sort: VolumeSort | '';
  desc: boolean;
}

interface Props {
  volumes: VolumeVerdict[];
  filters: VolumeFilters;
  selected: { pod: string; volume: string } | null;
  onFilters(change: Partial<VolumeFilters>): void;
  onSelect(v: VolumeVerdict): void;
}

export function VolumesTable({ volumes, filters, selected, onFilters, onSelect }: Props) {
  const reasons = useMemo(() => [...new Set(volumes.map((v) => v.reason))].sort(), [volumes]);
  const rows = useMemo(() => {
    const shown = volumes.filter((v) => (!filters.verdict || v.action === filters.verdict) && (!filters.reason || v.reason === filters.reason));
    if (!filters.sort) return shown;
    const key = filters.sort;
    return [...shown].sort((a, b) => (a[key] ?? '').localeCompare(b[key] ?? '') * (filters.desc ? -1 : 1));
  }, [volumes, filters]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12, initialRect: { width: 1200, height: 512 } });
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const select = 'rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-950';

  return (
    <section aria-labelledby="volumes-title">
      <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
        <h2 id="volumes-title" className="font-semibold">Volumes</h2>
        <span className="text-slate-500">{rows.length} of {volumes.length}</span>
        <label>Verdict{' '}
          <select aria-label="Filter by verdict" className={select} value={filters.verdict} onChange={(e) => onFilters({ verdict: e.target.value as Action | '' })}>
            <option value="">all</option><option value="fs-backup">fs-backup</option><option value="skip">skip</option>
          </select>
        </label>
        <label>Reason{' '}
          <select aria-label="Filter by reason" className={select} value={filters.reason} onChange={(e) => onFilters({ reason: e.target.value as ReasonCode | '' })}>
            <option value="">all</option>
            {reasons.map((r) => <option key={r} value={r}>{r} — {REASONS[r].label}</option>)}
          </select>
        </label>
      </div>
      <div ref={scroller} className="max-h-[32rem] overflow-auto rounded border border-slate-200 dark:border-slate-800">
        <table aria-label="Volumes" aria-rowcount={rows.length + 1} className="w-full border-collapse text-sm">
          <thead className="sticky top-0 z-10 bg-slate-100 dark:bg-slate-900">
            <tr className="text-left">
              {COLUMNS.map(([key, label]) => (
                <th key={label} scope="col" className="px-2 py-1 font-medium" aria-sort={key && filters.sort === key ? (filters.desc ? 'descending' : 'ascending') : undefined}>
                  {key ? (
                    <button type="button" className="hover:underline" onClick={() => onFilters({ sort: key, desc: filters.sort === key ? !filters.desc : false })}>
                      {label}{filters.sort === key ? (filters.desc ? ' ↓' : ' ↑') : ''}
                    </button>
                  ) : label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && <tr aria-hidden="true"><td colSpan={7} style={{ height: padTop }} /></tr>}
            {items.map((item) => {
              const v = rows[item.index] as VolumeVerdict;
              const isSelected = selected?.pod === v.pod && selected.volume === v.volume;
              return (
                <tr key={`${v.pod}/${v.volume}`} aria-rowindex={item.index + 2} aria-selected={isSelected} style={{ height: ROW_HEIGHT }}
                  onClick={() => onSelect(v)}
                  className={`cursor-pointer border-t border-slate-100 dark:border-slate-800 ${isSelected ? 'bg-blue-50 dark:bg-blue-950/50' : 'hover:bg-slate-50 dark:hover:bg-slate-900'}`}>
                  <td className="whitespace-nowrap px-2 font-mono text-xs">{v.pod}</td>
                  <td className="whitespace-nowrap px-2 font-mono text-xs">
                    <button type="button" className="text-left text-blue-700 hover:underline dark:text-blue-300" onClick={(e) => { e.stopPropagation(); onSelect(v); }}>{v.volume}</button>
                  </td>
                  <td className="whitespace-nowrap px-2 text-xs">{v.type}</td>
                  <td className="whitespace-nowrap px-2 font-mono text-xs">{v.pvc ?? '—'}</td>
                  <td className="whitespace-nowrap px-2"><VerdictBadge action={v.action} /></td>
                  <td className="whitespace-nowrap px-2 font-mono text-xs">{v.reason}</td>
                  <td className="max-w-[28rem] truncate px-2 text-xs" title={v.explanation}>{v.explanation}</td>
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true"><td colSpan={7} style={{ height: padBottom }} /></tr>}
          </tbody>
        </table>
      </div>
    </section>
  );
}
