// A backup Velero would refuse (phase FailedValidation) or fail as it starts (phase Failed, e.g. a namespace glob
// gobwas cannot compile): no pod looked at, nothing protected. Velero's words.
import type { ScanHeader } from '@/lib/api/types';

export function ValidationErrors({ header }: { header: ScanHeader }) {
  if (header.validationErrors.length === 0) return null;
  return (
    <section role="alert" aria-label={header.backup.effective.failureReason ? 'Backup fails' : 'Backup fails validation'} className="mx-auto mt-3 max-w-[1600px] rounded border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100">
      <h2 className="font-semibold">
        {header.backup.effective.failureReason
          ? <>{header.backup.label}: Velero would start this backup and fail it at once (phase Failed), so it backs up nothing and no volume has a verdict.</>
          : <>{header.backup.label}: Velero would fail this backup&apos;s validation (phase FailedValidation), so it backs up nothing and no volume has a verdict.</>}
      </h2>
      <ul className="mt-1 list-disc pl-5 font-mono text-xs">
        {header.validationErrors.map((message) => <li key={message}>{message}</li>)}
      </ul>
    </section>
  );
}
