'use client';
// Every namespace with its counts; sortable by column, filterable by name; skipped claims flagged first.
import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { NamespaceSummary } from '@/lib/api/types';
import { REASONS } from '@/lib/rules/reasons';
import type { ReasonCode } from '@/lib/rules/types';

type SortKey = 'name' | 'pods' | 'volumes' | 'pvcs' | 'fs-backup' | 'skip' | 'skippedPvcVolumes';
const COLUMNS: Array<[SortKey, string]> = [
  ['name', 'Namespace'], ['pods', 'Pods'], ['volumes', 'Volumes'], ['pvcs', 'PVCs'], ['fs-backup', 'fs-backup'], ['skip', 'skip'], ['skippedPvcVolumes', 'Skipped PVC volumes'],
];

const value = (row: NamespaceSummary, key: SortKey): string | number =>
  key === 'fs-backup' || key === 'skip' ? row.actions[key] : row[key];

export function NamespaceTable({ rows, optionQuery }: { rows: NamespaceSummary[]; optionQuery: string }) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey | null; desc: boolean }>({ key: null, desc: false });
  const shown = useMemo(() => {
    const filtered = rows.filter((row) => row.name.includes(filter.trim().toLowerCase()));
    if (!sort.key) return filtered;
    const key = sort.key;
    return [...filtered].sort((a, b) => {
      const x = value(a, key);
      const y = value(b, key);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.desc ? -order : order;
    });
  }, [rows, filter, sort]);

  const toggle = (key: SortKey) => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }));

  return (
    <div>
      <label className="mb-2 flex items-center gap-2 text-sm">
        Filter namespaces
        <input value={filter} onChange={(e) => setFilter(e.target.value)} className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950" />
      </label>
      <table aria-label="Namespaces" className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-300 text-left dark:border-slate-700">
            {COLUMNS.map(([key, label]) => (
              <th key={key} scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'} className="px-2 py-1 font-medium">
                <button type="button" onClick={() => toggle(key)} className="hover:underline">{label}{sort.key === key ? (sort.desc ? ' ↓' : ' ↑') : ''}</button>
              </th>
            ))}
            <th scope="col" className="px-2 py-1 font-medium">Skip reasons</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.name} className="border-b border-slate-100 align-top hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900">
              <th scope="row" className="px-2 py-1 text-left font-normal">
                <Link href={`/namespaces/${row.name}${optionQuery}`} className="font-mono text-blue-700 hover:underline dark:text-blue-300">{row.name}</Link>
                {row.skippedPvcVolumes > 0 && <span className="ml-2 rounded bg-amber-200 px-1 text-xs text-amber-900 dark:bg-amber-800 dark:text-amber-100">PVC skipped</span>}
                {row.backupErrors > 0 && <span className="ml-1 rounded bg-red-200 px-1 text-xs text-red-900 dark:bg-red-900 dark:text-red-100">{row.backupErrors} backup error{row.backupErrors > 1 ? 's' : ''}</span>}
                {row.incomplete && <span className="ml-1 rounded bg-slate-200 px-1 text-xs dark:bg-slate-700">partly unreadable</span>}
                {!row.inBackup && <span className="ml-1 rounded bg-slate-200 px-1 text-xs text-slate-900 dark:bg-slate-700 dark:text-slate-100">not in this backup</span>}
              </th>
              <td className="px-2 py-1 tabular-nums">{row.pods}</td>
              <td className="px-2 py-1 tabular-nums">{row.volumes}</td>
              <td className="px-2 py-1 tabular-nums">{row.pvcs}</td>
              <td className="px-2 py-1 tabular-nums">{row.actions['fs-backup']}</td>
              <td className="px-2 py-1 tabular-nums">{row.actions.skip}</td>
              <td className="px-2 py-1 tabular-nums">{row.skippedPvcVolumes}</td>
              <td className="px-2 py-1 text-xs text-slate-600 dark:text-slate-400">
                {(Object.entries(row.reasons) as Array<[ReasonCode, number]>)
                  .filter(([code]) => REASONS[code].action === 'skip')
                  .map(([code, n]) => `${code} ${n}`)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="mt-2 text-sm text-slate-500">No namespace matches “{filter}”.</p>}
    </div>
  );
}
