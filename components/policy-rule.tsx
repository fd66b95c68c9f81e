// The volume policy that decided a verdict: its 1-based index, its conditions as written, its action, and the
// data of this volume that the conditions were matched against.
import type { VolumePolicy } from '@/lib/rules/policy/types';

export interface FilterDataRow {
  label: string;
  value: string;
}

export function PolicyRule({ configMap, rule, filterData }: { configMap: string; rule: VolumePolicy; filterData: FilterDataRow[] }) {
  return (
    <section aria-label="Volume policy" className="mt-3 rounded border border-slate-300 p-2 dark:border-slate-600">
      <h3 className="text-sm font-semibold">
        Volume policy #{rule.index} of <span className="font-mono">{configMap}</span>: action <span className="font-mono">{rule.action.type}</span>
      </h3>
      <pre className="mt-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs text-slate-900 dark:bg-slate-800 dark:text-slate-100">{rule.yaml}</pre>
      {filterData.length > 0 && (
        <>
          <h4 className="mt-2 text-xs font-semibold">What the conditions saw for this volume</h4>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
            {filterData.map((row) => (
              <div key={row.label} className="contents">
                <dt>{row.label}</dt>
                <dd className="font-mono">{row.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
