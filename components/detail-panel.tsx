// The selected volume (or pod): its verdict, Velero's chain of checks with the decisive one marked, the
// evidence, the pod's annotations exactly as written with the matching token marked, and lint findings.
import { Fragment, type ReactNode, type RefObject } from 'react';
import type { ClaimInfo, PodInfo } from '@/lib/api/types';
import type { LintFinding } from '@/lib/rules/lint';
import { CHECKS, REASONS } from '@/lib/rules/reasons';
import type { VolumeVerdict } from '@/lib/rules/types';
import type { PolicyState } from '@/lib/velero/backup-options/types';
import { AnnotationValue } from './annotation-value';
import { PolicyRule, type FilterDataRow } from './policy-rule';
import { VerdictBadge } from './verdict-badge';

interface Props {
  pod: PodInfo | null;
  verdict: VolumeVerdict | null;
  podVerdicts: VolumeVerdict[];
  claim: ClaimInfo | null;
  lint: LintFinding[];
  /** Below 1280 px the panel is a drawer over the page, with a close button (Escape closes it too). */
  drawer: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onClose(): void;
  /** The fs-backup mode now, and a switch to the other one, to see this verdict under it. */
  mode: 'opt-in' | 'opt-out';
  onSwitchMode(): void;
  /** The selected backup's resource policy, to show the rule that decided a verdict. */
  policy?: PolicyState;
  /** Shown after the verdict: the claim's protection and the last backup's outcome (issue 10). */
  extra?: ReactNode;
}

/** The filter data a policy's conditions saw, as rows (velero-rules.md §7 table). */
function filterDataRows(data: NonNullable<NonNullable<VolumeVerdict['evidence']['policy']>['data']>): FilterDataRow[] {
  const from = { pv: 'the PersistentVolume', podVolume: 'the pod volume itself', claim: 'the claim only (its PV cannot be resolved)' }[data.from];
  const rows: FilterDataRow[] = [
    { label: 'Taken from', value: from },
    { label: 'capacity', value: data.capacity ?? '0' },
    { label: 'storageClass', value: data.storageClass || '""' },
    { label: 'volumeType', value: data.volumeType || '"" (none)' },
  ];
  if (data.nfs) rows.push({ label: 'nfs', value: `${data.nfs.server}:${data.nfs.path}` });
  if (data.csi) rows.push({ label: 'csi', value: `${data.csi.driver}${Object.keys(data.csi.volumeAttributes).length ? ` ${JSON.stringify(data.csi.volumeAttributes)}` : ''}` });
  rows.push({ label: 'pvcLabels', value: data.pvcLabels ? JSON.stringify(data.pvcLabels) : 'none' });
  rows.push({ label: 'pvcPhase', value: data.pvcPhase || '""' });
  return rows;
}

const POLICY_CHECKS = new Set(['B8', 'B9', 'B10', 'E2']);

/** How far Velero got with this volume: passed, decisive, not reached, or not applicable. */
function checkState(verdict: VolumeVerdict, index: number, decisive: number): string {
  const check = CHECKS[index];
  if (!check) return '';
  if (index === decisive) return verdict.action === 'fs-backup' ? 'admits the volume (decisive)' : 'stops here (decisive)';
  if (POLICY_CHECKS.has(check.id) && !verdict.evidence.policy && !POLICY_CHECKS.has(verdict.check)) return 'not applicable (no volume policy)';
  if (index < decisive) return 'passed';
  if (verdict.action === 'skip') return 'not reached';
  if (check.stage === 'B') return 'not needed (already admitted)';
  return check.id === 'E7' ? 'PodVolumeBackup created' : 'passed';
}

function CheckChain({ verdict }: { verdict: VolumeVerdict }) {
  const decisive = CHECKS.findIndex((c) => c.id === verdict.check);
  return (
    <ol aria-label="Velero's checks" className="mt-1 space-y-0.5 text-xs">
      {CHECKS.map((check, i) => {
        const state = checkState(verdict, i, decisive);
        return (
          <li key={check.id} aria-current={i === decisive ? 'step' : undefined}
            className={i === decisive ? 'font-semibold text-slate-900 dark:text-white' : state === 'passed' ? 'text-slate-800 dark:text-slate-200' : 'italic text-slate-600 dark:text-slate-400'}>
            <span className="inline-block w-8 font-mono">{check.id}</span>
            {i === decisive ? '▶ ' : ''}{check.title}
            <span className="ml-1">— {state}</span>
          </li>
        );
      })}
    </ol>
  );
}

function Evidence({ verdict }: { verdict: VolumeVerdict }) {
  const e = verdict.evidence;
  const rows: Array<[string, string]> = [];
  if (e.claim) rows.push(['Claim', e.claim]);
  if (e.pv) rows.push(['PersistentVolume', e.pv]);
  if (e.otherPod) rows.push(['Taken by pod', e.otherPod]);
  if (e.node !== undefined) rows.push(['Node', e.node ?? 'not scheduled']);
  if (e.phase !== undefined) rows.push(['Phase', e.phase || 'none']);
  if (e.volumeType) rows.push(['Volume type', e.volumeType]);
  if (e.container) rows.push(['Block device in container', e.container]);
  if (e.initContainers?.length) rows.push(['Mounted only by init containers', e.initContainers.join(', ')]);
  if (e.policy) rows.push(['Volume policy', `#${e.policy.index} (${e.policy.action})`]);
  if (e.deletionTimestamp) rows.push(['deletionTimestamp', e.deletionTimestamp]);
  if (e.label) rows.push(['Label', `${e.label.key}=${e.label.value}`]);
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
      {e.annotation && (
        <>
          <dt>Annotation read</dt>
          <dd><span className="font-mono">{e.annotation.name}</span>: <AnnotationValue value={e.annotation.value} match={e.annotation.matchedToken} /></dd>
        </>
      )}
      {rows.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{k}</dt>
          <dd className="font-mono">{v}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

const DRAWER = 'fixed inset-y-0 right-0 z-40 w-full max-w-md overflow-y-auto border-l border-slate-300 bg-white p-4 shadow-2xl dark:border-slate-700 dark:bg-slate-950';

export function DetailPanel({ pod, verdict, podVerdicts, claim, lint, drawer, headingRef, onClose, mode, onSwitchMode, policy, extra }: Props) {
  if (!pod) {
    return <aside aria-label="Details" className={`text-sm text-slate-600 dark:text-slate-400 ${drawer ? 'hidden' : ''}`}>Select a volume in the table or a node in the graph to see why Velero decides as it does.</aside>;
  }
  return (
    <aside aria-label="Details" className={`space-y-3 text-sm ${drawer ? DRAWER : ''}`} onKeyDown={drawer ? (e) => { if (e.key === 'Escape') onClose(); } : undefined}>
      <div>
        {drawer && <button type="button" onClick={onClose} className="float-right rounded border border-slate-400 px-2 py-0.5 text-xs font-medium dark:border-slate-600">Close <span aria-hidden="true">✕</span></button>}
        <h2 ref={headingRef} tabIndex={-1} className="font-semibold outline-none focus-visible:outline-2 focus-visible:outline-blue-600">{verdict ? <>Volume <span className="font-mono">{verdict.volume}</span> of pod <span className="font-mono">{pod.name}</span></> : <>Pod <span className="font-mono">{pod.name}</span></>}</h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">phase {pod.phase || '—'} · node {pod.node ?? 'not scheduled'}{pod.owner ? ` · ${pod.owner}` : ''}{pod.processingIndex ? ` · processed #${pod.processingIndex} in this namespace` : ' · not processed (excluded)'}</p>
      </div>
      {verdict && (
        <section aria-label="Verdict" className="rounded border border-slate-200 p-2 dark:border-slate-800">
          <p className="flex items-center gap-2"><VerdictBadge action={verdict.action} /><span className="font-mono text-xs">{verdict.reason}</span><span className="text-xs text-slate-600 dark:text-slate-400">({REASONS[verdict.reason].label}, check {verdict.check})</span></p>
          <p className="mt-1">{verdict.explanation}</p>
          <p className="mt-1 text-xs">
            Mode {mode}.{' '}
            <button type="button" onClick={onSwitchMode} className="font-medium text-blue-800 underline dark:text-sky-300">See this volume in {mode === 'opt-in' ? 'opt-out' : 'opt-in'} mode</button>
          </p>
          {verdict.backupError && <p className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">Velero reports an error for this pod: the backup ends PartiallyFailed.</p>}
          <Evidence verdict={verdict} />
          {verdict.evidence.policy && policy?.state === 'ok' && policy.policy.volumePolicies[verdict.evidence.policy.index - 1] && (
            <PolicyRule configMap={policy.name} rule={policy.policy.volumePolicies[verdict.evidence.policy.index - 1] as NonNullable<(typeof policy.policy.volumePolicies)[number]>}
              filterData={verdict.evidence.policy.data ? filterDataRows(verdict.evidence.policy.data) : []} />
          )}
          <details className="mt-2" open>
            <summary className="cursor-pointer text-xs font-medium">Velero&apos;s checks, in order</summary>
            <CheckChain verdict={verdict} />
          </details>
        </section>
      )}
      {extra}
      <section aria-label="Pod annotations">
        <h3 className="text-xs font-semibold uppercase text-slate-600 dark:text-slate-400">Pod annotations</h3>
        <dl className="mt-1 space-y-1 text-xs">
          <div><dt className="font-mono">backup.velero.io/backup-volumes</dt><dd><AnnotationValue value={pod.backupVolumes} match={verdict?.evidence.annotation?.name === 'backup.velero.io/backup-volumes' ? verdict.evidence.annotation.matchedToken : null} /></dd></div>
          <div><dt className="font-mono">backup.velero.io/backup-volumes-excludes</dt><dd><AnnotationValue value={pod.backupVolumesExcludes} match={verdict?.evidence.annotation?.name === 'backup.velero.io/backup-volumes-excludes' ? verdict.evidence.annotation.matchedToken : null} /></dd></div>
        </dl>
      </section>
      {claim && (
        <section aria-label="Claim">
          <h3 className="text-xs font-semibold uppercase text-slate-600 dark:text-slate-400">Claim {claim.name}</h3>
          <p className="text-xs">{claim.exists ? `${claim.phase ?? '—'} · PV ${claim.volumeName ?? '—'} (${claim.pvType ?? 'unknown type'}) · ${claim.storageClass ?? 'no class'} · ${claim.capacity ?? '—'} · ${claim.volumeMode ?? ''}` : 'This claim does not exist.'}</p>
          <p className="text-xs">Used by: {claim.pods.join(', ') || 'no pod'}{claim.excludedByLabel ? ' · labelled velero.io/exclude-from-backup=true' : ''}</p>
        </section>
      )}
      {!verdict && (
        <ul aria-label="Pod volumes" className="space-y-1 text-xs">
          {podVerdicts.map((v) => <li key={v.volume} className="flex gap-2"><VerdictBadge action={v.action} /><span className="font-mono">{v.volume}</span><span className="font-mono text-slate-600 dark:text-slate-400">{v.reason}</span></li>)}
        </ul>
      )}
      <section aria-label="Lint findings">
        <h3 className="text-xs font-semibold uppercase text-slate-600 dark:text-slate-400">Findings</h3>
        {lint.length === 0 ? <p className="text-xs text-slate-600 dark:text-slate-400">No findings for this pod.</p> : (
          <ul className="mt-1 space-y-1 text-xs">
            {lint.map((f, i) => (
              <li key={i} className={f.severity === 'warning' ? 'text-amber-800 dark:text-amber-300' : 'text-slate-600 dark:text-slate-400'}>
                <span className="font-mono">{f.id}</span> {f.severity}: {f.message}{f.fix ? <> Fixed value: <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{f.fix}</code></> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
