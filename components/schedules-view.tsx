'use client';
// The Schedules page: every Schedule's next backup as Velero would run it — each option with where its value
// comes from, validation errors in Velero's words, the last backup, and what fs-backup would skip.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ScheduleSummary } from '@/lib/api/types';
import type { LastBackupSummary } from '@/lib/view/last-backup-types';
import { ApiFailure, REFETCH_MS, fetchSchedules, queryKeys } from '@/lib/client/api';
import type { Sourced } from '@/lib/velero/backup-options/types';
import { AppHeader } from './app-header';
import { ClusterProblem } from './cluster-problem';
import { ScanNotices } from './scan-notices';

const SOURCE_TEXT: Record<Sourced<unknown>['source'], string> = {
  spec: 'from the schedule',
  server: 'server flag',
  default: "Velero's default",
  assumed: 'assumed',
};

function SourcedValue({ label, value }: { label: string; value: Sourced<boolean> }) {
  return (
    <div>
      <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
      <dd>
        <span className="font-mono">{String(value.value)}</span>{' '}
        <span className="text-xs text-slate-600 dark:text-slate-300">({SOURCE_TEXT[value.source]}{value.note ? `: ${value.note}` : ''})</span>
      </dd>
    </div>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const OUTCOME_TEXT: Array<[keyof LastBackupSummary['outcomes'], string]> = [
  ['completed', 'copied as predicted'], ['failed', 'PodVolumeBackup failed'], ['missing', 'predicted but not copied'],
  ['unexpected', 'copied though predicted skip'], ['notFinal', 'still running'], ['agrees', 'skipped as predicted'],
];
const SNAPSHOT_TEXT: Array<[keyof LastBackupSummary['snapshots'], string]> = [['csi', 'CSI snapshots'], ['native', 'Native snapshots'], ['dataMover', 'Data mover']];

/** d.5: what the newest finished backup did against what is predicted now. */
function LastCompared({ summary }: { summary: LastBackupSummary }) {
  return (
    <section aria-label={`Backup ${summary.backup} compared with the prediction`} className="mt-2 border-t border-slate-200 pt-2 text-sm dark:border-slate-700">
      <h3 className="font-medium">
        Newest finished backup <span className="font-mono">{summary.backup}</span> ({summary.phase}
        {summary.errors > 0 ? `, ${plural(summary.errors, 'error')}` : ''}{summary.hooksFailed > 0 ? `, ${plural(summary.hooksFailed, 'failed hook')}` : ''}) against today&apos;s prediction
      </h3>
      {summary.podVolumeBackupsRead ? (
        <p>
          Pod volumes:{' '}
          {OUTCOME_TEXT.filter(([k]) => summary.outcomes[k] > 0).map(([k, text], i) => (
            <span key={k}>{i > 0 ? ' · ' : ''}<span className={k === 'failed' || k === 'missing' || k === 'unexpected' ? 'font-semibold text-red-800 dark:text-red-300' : ''}>{summary.outcomes[k]} {text}</span></span>
          ))}
          {Object.values(summary.outcomes).every((n) => n === 0) && 'none in this backup'}
          {summary.unmatched.length > 0 && <> · {plural(summary.unmatched.length, 'PodVolumeBackup')} of pod volumes no longer predicted</>}
        </p>
      ) : <p>The PodVolumeBackups could not be read, so the pod volumes are not compared.</p>}
      <ul className="flex flex-wrap gap-x-4">
        {SNAPSHOT_TEXT.filter(([k]) => summary.snapshots[k].predicted > 0 || (summary.snapshots[k].attempted ?? 0) > 0).map(([k, text]) => {
          const c = summary.snapshots[k];
          const short = c.completed !== null && c.completed < c.predicted;
          return (
            <li key={k} className={short ? 'font-semibold text-red-800 dark:text-red-300' : ''}>
              {text}: {c.predicted} predicted, {c.attempted ?? 'unknown'} attempted, {c.completed ?? 'unknown'} completed
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ScheduleCard({ schedule }: { schedule: ScheduleSummary }) {
  const e = schedule.effective;
  const invalid = schedule.validationErrors.length > 0;
  return (
    <article aria-labelledby={`schedule-${schedule.name}`} className="rounded border border-slate-300 p-3 dark:border-slate-700">
      <header className="flex flex-wrap items-baseline gap-x-3">
        <h2 id={`schedule-${schedule.name}`} className="font-mono text-base font-semibold">{schedule.name}</h2>
        <span className="font-mono text-sm text-slate-700 dark:text-slate-200">{schedule.cron || 'no cron'}</span>
        <span className="text-sm">{schedule.phase || 'not reconciled'}</span>
        {schedule.paused && <span className="rounded bg-slate-200 px-1.5 text-sm text-slate-900 dark:bg-slate-700 dark:text-slate-100">paused: creates no backups</span>}
        {invalid && <span className="rounded bg-red-100 px-1.5 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">{schedule.failureReason ? 'fails as it starts' : 'fails validation'}</span>}
        <Link href={`/?schedule=${encodeURIComponent(schedule.name)}`} className="ml-auto text-sm text-blue-700 underline dark:text-blue-300">
          Open the overview for {schedule.name}
        </Link>
      </header>
      {invalid && (
        <div role="alert" className="mt-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100">
          <p>{schedule.failureReason
            ? 'Velero would start this schedule\'s backups and fail them at once with phase Failed; nothing would be backed up:'
            : 'Velero would fail this schedule\'s backups with phase FailedValidation; nothing would be backed up:'}</p>
          <ul className="mt-1 list-disc pl-5 font-mono text-xs">{schedule.validationErrors.map((m) => <li key={m}>{m}</li>)}</ul>
        </div>
      )}
      <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Namespaces</dt>
          <dd className="font-mono">
            {e.includedNamespaces.join(', ') || '*'}
            {e.excludedNamespaces.length > 0 && <> excluding {e.excludedNamespaces.join(', ')}</>}
          </dd>
          <dd className="text-xs text-slate-600 dark:text-slate-300">{invalid ? 'none processed' : `${plural(e.namespacesInScope.length, 'namespace')} in scope`}</dd>
        </div>
        <SourcedValue label="defaultVolumesToFsBackup (opt-out mode)" value={e.defaultVolumesToFsBackup} />
        <SourcedValue label="PVCs excluded (backupExcludePVC)" value={e.backupExcludePVC} />
        <SourcedValue label="snapshotVolumes" value={e.snapshotVolumes} />
        <SourcedValue label="snapshotMoveData" value={e.snapshotMoveData} />
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Resource policy</dt>
          <dd><span className="font-mono">{e.resourcePolicy ?? 'none'}</span>{e.resourcePolicy ? ` (${e.resourcePolicyState})` : ''}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Last backup</dt>
          <dd>
            {schedule.lastBackup ? (
              <Link href={`/?backup=${encodeURIComponent(schedule.lastBackup.name)}`} className="font-mono text-blue-700 underline dark:text-blue-300">{schedule.lastBackup.name}</Link>
            ) : 'none'}
            {schedule.lastBackup && <span className="text-xs"> {schedule.lastBackup.phase}{schedule.lastBackup.startTimestamp ? `, started ${schedule.lastBackup.startTimestamp}` : ''}</span>}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Next backup, predicted</dt>
          <dd>
            {schedule.counts
              ? <>{plural(schedule.counts.fsBackup, 'volume')} by fs-backup, {schedule.counts.skip} skipped, <strong>{plural(schedule.counts.skippedPvcVolumes, 'PVC volume')} skipped</strong></>
              : 'nothing (fails validation)'}
          </dd>
        </div>
      </dl>
      {schedule.lastCompared && <LastCompared summary={schedule.lastCompared} />}
    </article>
  );
}

export function SchedulesView() {
  const query = useQuery({ queryKey: queryKeys.schedules(), queryFn: () => fetchSchedules(), refetchInterval: REFETCH_MS });
  const data = query.data;
  return (
    <>
      <AppHeader header={data ?? null} picker={false} />
      {data && <ScanNotices header={data} />}
      <main id="main" className="mx-auto max-w-[1600px] px-4 py-4">
        <h1 className="text-xl font-semibold">Schedules</h1>
        {query.error instanceof ApiFailure && !data && <ClusterProblem error={query.error.error} />}
        {!data && query.isPending && <p role="status">Reading the cluster…</p>}
        {data && !data.velero.installed && <p className="mt-2">Velero is not installed in this cluster, so there are no schedules. The what-if mode still predicts.</p>}
        {data && data.velero.installed && data.schedules.length === 0 && <p className="mt-2">Velero has no schedules in this cluster.</p>}
        {data && (
          <div className="mt-3 space-y-3">
            {data.schedules.map((s) => <ScheduleCard key={s.name} schedule={s} />)}
          </div>
        )}
      </main>
    </>
  );
}
