// A verdict as text first, colour second: "fs-backup" or "skip", with an icon-like mark for scanning.
import type { Action } from '@/lib/rules/types';

const STYLE: Record<Action, string> = {
  'fs-backup': 'bg-emerald-100 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-900/40 dark:text-emerald-200',
  skip: 'bg-amber-100 text-amber-900 ring-amber-600/30 dark:bg-amber-900/40 dark:text-amber-200',
};

export function VerdictBadge({ action }: { action: Action }) {
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 font-mono text-xs font-medium ring-1 ring-inset ${STYLE[action]}`}>
      <span aria-hidden="true">{action === 'fs-backup' ? '✓' : '⨯'}</span>
      <span>{action}</span>
    </span>
  );
}
