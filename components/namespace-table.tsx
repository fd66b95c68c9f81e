'use client';
// Every namespace with its counts (data volumes, or all of them); sortable by column, filterable by name, both
// kept in the URL (replace: typing is not a navigation); skipped claims flagged first.
import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { NamespaceSummary } from '@/lib/api/types';
import { navigateParams } from '@/lib/client/history';
import { REASONS } from '@/lib/rules/reasons';
import type { ReasonCode } from '@/lib/rules/types';
import type { VolumeScope } from '@/lib/view/volume-class';
import { naturalCompare } from '@/lib/view/words';

export type NamespaceSortKey = 'name' | 'pods' | 'volumes' | 'pvcs' | 'fs-backup' | 'skip' | 'skippedPvcVolumes';
const COLUMNS: Array<[NamespaceSortKey, string]> = [
  ['name', 'Namespace'], ['pods', 'Pods'], ['volumes', 'Volumes'], ['pvcs', 'PVCs'], ['fs-backup', 'fs-backup'], ['skip', 'skip'], ['skippedPvcVolumes', 'Skipped PVC volumes'],
];
export const NAMESPACE_SORTS = COLUMNS.map(([key]) => key);

function value(row: NamespaceSummary, key: NamespaceSortKey, scope: VolumeScope): string | number {
  const counts = scope === 'data' ? row.data : row;
  if (key === 'fs-backup' || key === 'skip') return counts.actions[key];
  if (key === 'volumes') return counts.volumes;
  return row[key];
}

interface Props {
  rows: NamespaceSummary[];
  optionQuery: string;
  scope: VolumeScope;
  filter: string;
  sort: { key: NamespaceSortKey | null; desc: boolean };
}

export function NamespaceTable({ rows, optionQuery, scope, filter: urlFilter, sort }: Props) {
  // Typing answers at once; the URL follows (replace).
  const [filter, setFilter] = useState(urlFilter);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const filtered = rows.filter((row) => row.name.toLowerCase().includes(needle));
    if (!sort.key) return filtered;
    const key = sort.key;
    return [...filtered].sort((a, b) => {
      const x = value(a, key, scope);
      const y = value(b, key, scope);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : naturalCompare(String(x), String(y));
      return sort.desc ? -order : order;
    });
  }, [rows, filter, sort, scope]);

  const toggle = (key: NamespaceSortKey) => {
    const desc = sort.key === key ? !sort.desc : key !== 'name';
    navigateParams({ sort: key, desc: desc ? 'true' : null }, 'replace');
  };
  const link = (name: string) => `/namespaces/${name}${optionQuery}${scope === 'all' ? `${optionQuery ? '&' : '?'}volumes=all` : ''}`;

  return (
    <div id="namespaces" tabIndex={-1} className="outline-none">
      <label className="mb-2 flex items-center gap-2 text-sm">
        Filter namespaces
        <input type="search" value={filter} onChange={(e) => { setFilter(e.target.value); navigateParams({ filter: e.target.value || null }, 'replace'); }} className="rounded border border-slate-400 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-950" />
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
          {shown.map((row) => {
            const counts = scope === 'data' ? row.data : row;
            return (
              <tr key={row.name} className="border-b border-slate-100 align-top hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900">
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  <Link href={link(row.name)} className="font-mono text-blue-800 hover:underline dark:text-sky-300">{row.name}</Link>
                  {row.skippedPvcVolumes > 0 && <span className="ml-2 whitespace-nowrap rounded bg-amber-200 px-1 text-xs text-amber-950 dark:bg-amber-800 dark:text-amber-50">PVC skipped</span>}
                  {row.backupErrors > 0 && <span className="ml-1 whitespace-nowrap rounded bg-red-200 px-1 text-xs text-red-950 dark:bg-red-900 dark:text-red-50">{row.backupErrors} backup error{row.backupErrors > 1 ? 's' : ''}</span>}
                  {row.incomplete && <span className="ml-1 rounded bg-slate-200 px-1 text-xs dark:bg-slate-700">partly unreadable</span>}
                  {!row.inBackup && <span className="ml-1 whitespace-nowrap rounded bg-slate-200 px-1 text-xs text-slate-900 dark:bg-slate-700 dark:text-slate-100">not in this backup</span>}
                </th>
                <td className="px-2 py-1 tabular-nums">{row.pods}</td>
                <td className="px-2 py-1 tabular-nums">{counts.volumes}</td>
                <td className="px-2 py-1 tabular-nums">{row.pvcs}{row.missingPvcs > 0 && <span className="text-xs text-red-800 dark:text-red-300">, {row.missingPvcs} missing</span>}</td>
                <td className="px-2 py-1 tabular-nums">{counts.actions['fs-backup']}</td>
                <td className="px-2 py-1 tabular-nums">{counts.actions.skip}</td>
                <td className="px-2 py-1 tabular-nums">{row.skippedPvcVolumes}</td>
                <td className="px-2 py-1 text-xs text-slate-700 dark:text-slate-300">
                  {(Object.entries(counts.reasons) as Array<[ReasonCode, number]>)
                    .filter(([code]) => REASONS[code].action === 'skip')
                    .map(([code, n]) => <span key={code} className="mr-2 inline-block">{REASONS[code].label} <code className="text-slate-600 dark:text-slate-400">{code}</code> {n}</span>)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="mt-2 text-sm">No namespaces were read.</p>}
      {rows.length > 0 && shown.length === 0 && <p className="mt-2 text-sm">No namespace matches “{filter}”.</p>}
    </div>
  );
}
