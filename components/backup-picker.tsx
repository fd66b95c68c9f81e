'use client';
// Which backup the page predicts: a Schedule's next backup, an existing Backup, or a what-if. The choice is in
// the URL (a push, so Back returns to the previous backup); what-if options appear only for the what-if.
import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useId, useOptimistic, useState, useTransition } from 'react';
import type { BackupSelection } from '@/lib/api/types';
import { fetchSchedules, queryKeys } from '@/lib/client/api';
import { withSelection } from '@/lib/client/selection';

const selectClass = 'rounded border border-slate-400 bg-white px-1 py-0.5 text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100';

function valueOf(selection: BackupSelection): string {
  const { ref } = selection;
  return ref.kind === 'whatIf' ? 'whatIf' : `${ref.kind}:${ref.name}`;
}

export function BackupPicker({ selection }: { selection: BackupSelection }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  const schedules = useQuery({ queryKey: queryKeys.schedules(), queryFn: () => fetchSchedules(), staleTime: 10_000 });
  const id = useId();
  const current = valueOf(selection);

  const choose = (value: string) =>
    startTransition(() => {
      const [kind, ...rest] = value.split(':');
      const name = rest.join(':');
      const next: Record<string, string> = kind === 'schedule' ? { schedule: name } : kind === 'backup' ? { backup: name } : { whatIf: '1' };
      router.push(`${pathname}${withSelection(search.toString(), next)}`, { scroll: false });
    });

  const list = schedules.data?.schedules ?? [];
  const backups = (schedules.data?.backups ?? []).slice(0, 20);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" aria-busy={pending}>
      <label htmlFor={id} className="text-slate-700 dark:text-slate-200">Backup</label>
      <select id={id} className={selectClass} value={current} onChange={(e) => choose(e.target.value)}>
        {list.length > 0 && (
          <optgroup label="Schedules (next backup)">
            {list.map((s) => (
              <option key={s.name} value={`schedule:${s.name}`}>
                {s.name}{s.paused ? ' (paused)' : ''}{s.validationErrors.length > 0 ? ' (invalid)' : ''}
              </option>
            ))}
          </optgroup>
        )}
        {backups.length > 0 && (
          <optgroup label="Existing backups">
            {backups.map((b) => <option key={b.name} value={`backup:${b.name}`}>{b.name} ({b.phase || 'New'})</option>)}
          </optgroup>
        )}
        {/* A Backup or Schedule named in the URL but not (yet) listed stays selectable. */}
        {current !== 'whatIf' && !list.some((s) => `schedule:${s.name}` === current) && !backups.some((b) => `backup:${b.name}` === current) && (
          <option value={current}>{selection.label}</option>
        )}
        <option value="whatIf">What-if (choose the options)</option>
      </select>
      {selection.ref.kind === 'whatIf' && <WhatIfControls policyConfigMaps={schedules.data?.policyConfigMaps ?? []} />}
    </div>
  );
}

/** What-if options: the fs-backup mode, PVCs excluded, a resource-policy ConfigMap and namespace globs. */
function WhatIfControls({ policyConfigMaps }: { policyConfigMaps: string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [, startTransition] = useTransition();
  const [included, setIncluded] = useState(search.get('includedNamespaces') ?? '');
  const [excluded, setExcluded] = useState(search.get('excludedNamespaces') ?? '');
  const ids = { mode: useId(), policy: useId(), inc: useId(), exc: useId() };

  // The controls answer at once; the URL (the source of truth) follows in a transition.
  const [shown, setShown] = useOptimistic({ mode: search.get('defaultVolumesToFsBackup'), excludePvc: search.get('backupExcludePVC') === 'true' });
  const set = (changes: Record<string, string | null>, push = false, optimistic?: () => void) =>
    startTransition(() => {
      optimistic?.();
      const params = new URLSearchParams(search.toString());
      params.set('whatIf', '1');
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') params.delete(key);
        else params.set(key, value);
      }
      const url = `${pathname}?${params}`;
      if (push) router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    });

  const mode = shown.mode;
  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <legend className="sr-only">What-if options</legend>
      <label htmlFor={ids.mode} className="text-slate-700 dark:text-slate-200">fs-backup mode</label>
      <select id={ids.mode} aria-label="fs-backup mode" className={selectClass} value={mode === 'true' ? 'opt-out' : mode === 'false' ? 'opt-in' : 'server'}
        onChange={(e) => {
          const value = e.target.value === 'server' ? null : String(e.target.value === 'opt-out');
          set({ defaultVolumesToFsBackup: value }, true, () => setShown({ ...shown, mode: value }));
        }}>
        <option value="server">server default</option>
        <option value="opt-in">opt-in</option>
        <option value="opt-out">opt-out (defaultVolumesToFsBackup)</option>
      </select>
      <label className="flex items-center gap-1 text-slate-700 dark:text-slate-200">
        <input type="checkbox" checked={shown.excludePvc} onChange={(e) => {
          const checked = e.target.checked;
          set({ backupExcludePVC: checked ? 'true' : null }, true, () => setShown({ ...shown, excludePvc: checked }));
        }} />
        PVCs excluded from the backup
      </label>
      <label htmlFor={ids.policy} className="text-slate-700 dark:text-slate-200">Resource policy</label>
      <select id={ids.policy} className={selectClass} value={search.get('resourcePolicy') ?? ''} onChange={(e) => set({ resourcePolicy: e.target.value || null }, true)}>
        <option value="">none</option>
        {policyConfigMaps.map((name) => <option key={name} value={name}>{name}</option>)}
      </select>
      <form className="flex flex-wrap items-center gap-x-2" onSubmit={(e) => { e.preventDefault(); set({ includedNamespaces: included.trim() || null, excludedNamespaces: excluded.trim() || null }, true); }}>
        <label htmlFor={ids.inc} className="text-slate-700 dark:text-slate-200">Namespaces</label>
        <input id={ids.inc} value={included} onChange={(e) => setIncluded(e.target.value)} placeholder="* (all)" className={`${selectClass} w-28`} />
        <label htmlFor={ids.exc} className="text-slate-700 dark:text-slate-200">excluding</label>
        <input id={ids.exc} value={excluded} onChange={(e) => setExcluded(e.target.value)} placeholder="none" className={`${selectClass} w-28`} />
        <button type="submit" className="rounded border border-slate-400 px-2 py-0.5 dark:border-slate-500">Apply</button>
      </form>
    </fieldset>
  );
}
