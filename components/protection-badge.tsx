// A claim's protection as text first, colour second; "not protected" and "not in backup" stand out.
import { PROTECTION_LABELS } from '@/lib/rules/protection/reasons';
import type { ProtectionKind } from '@/lib/rules/protection/types';

const STYLE: Record<ProtectionKind, string> = {
  'fs-backup': 'bg-emerald-100 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-900/40 dark:text-emerald-200',
  'csi-snapshot': 'bg-sky-100 text-sky-900 ring-sky-600/30 dark:bg-sky-900/40 dark:text-sky-200',
  'csi-snapshot-data-mover': 'bg-sky-100 text-sky-900 ring-sky-600/30 dark:bg-sky-900/40 dark:text-sky-200',
  'native-snapshot': 'bg-sky-100 text-sky-900 ring-sky-600/30 dark:bg-sky-900/40 dark:text-sky-200',
  custom: 'bg-violet-100 text-violet-900 ring-violet-600/30 dark:bg-violet-900/40 dark:text-violet-200',
  none: 'bg-red-100 text-red-900 ring-red-600/40 dark:bg-red-950/60 dark:text-red-200',
  notInBackup: 'bg-slate-100 text-slate-800 ring-slate-500/40 dark:bg-slate-800 dark:text-slate-200',
};

const MARK: Record<ProtectionKind, string> = {
  'fs-backup': '✓', 'csi-snapshot': '✓', 'csi-snapshot-data-mover': '✓', 'native-snapshot': '✓', custom: '?', none: '✗', notInBackup: '–',
};

export function ProtectionBadge({ protection }: { protection: ProtectionKind }) {
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLE[protection]}`}>
      <span aria-hidden="true">{MARK[protection]}</span>
      <span>{PROTECTION_LABELS[protection]}</span>
    </span>
  );
}
