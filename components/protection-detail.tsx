'use client';
// In the namespace page's detail panel: the selected claim's protection beside the volume's verdict, the trap
// explained when it applies, and what the compared backup did ("predicted fs-backup; the PodVolumeBackup of … Failed").
import { useQuery } from '@tanstack/react-query';
import { REFETCH_MS } from '@/lib/client/api';
import { csvHref, fetchClaims, fetchVolumesOf, protectionKeys } from '@/lib/client/protection-api';
import type { Selection } from '@/lib/client/view-state';
import type { VolumeWithLastBackup } from '@/lib/api/types';
import { ProtectionBadge } from './protection-badge';

interface Props {
  namespace: string;
  selection: Selection;
  claim: string | null;
  pod: string | null;
  volume: string | null;
}

/** One sentence for the last backup's outcome of a pod volume. */
export function lastBackupSentence(v: VolumeWithLastBackup): string | null {
  const last = v.lastBackup;
  if (last === undefined) return null;
  if (last === null) return 'No finished backup of this schedule to compare with.';
  const predicted = v.action === 'fs-backup' ? 'predicted fs-backup' : 'predicted skip';
  const pvb = `the PodVolumeBackup of ${last.backup}`;
  const cause = last.cause ? ` Likely cause: ${last.cause.text}.` : '';
  switch (last.outcome) {
    case 'completed': return `${predicted}; ${pvb} Completed${last.message ? ` (${last.message})` : ''}.`;
    case 'failed': return `${predicted}; ${pvb} ${last.pvbPhase ?? 'Failed'}: ${last.message ?? 'no message'}`;
    case 'missing': return `${predicted}; ${last.backup} made no PodVolumeBackup for it.${cause}`;
    case 'unexpected': return `${predicted}; yet ${pvb} exists (${last.pvbPhase ?? 'no phase'}).${cause}`;
    case 'notFinal': return `${pvb} is still ${last.pvbPhase || 'New'}.`;
    case 'agrees': return `${predicted}; ${last.backup} made no PodVolumeBackup either.`;
  }
}

export function ProtectionDetail({ namespace, selection, claim, pod, volume }: Props) {
  const claims = useQuery({ queryKey: protectionKeys.claims(selection, namespace), queryFn: () => fetchClaims(selection, namespace), refetchInterval: REFETCH_MS });
  const volumes = useQuery({ queryKey: protectionKeys.volumesOf(selection, namespace), queryFn: () => fetchVolumesOf(selection, namespace), refetchInterval: REFETCH_MS });
  const protection = claim ? claims.data?.claims.find((c) => c.name === claim) : undefined;
  const verdict = pod && volume ? volumes.data?.volumes.find((v) => v.pod === pod && v.volume === volume) : undefined;
  const sentence = verdict ? lastBackupSentence(verdict) : null;
  return (
    <section aria-label="Protection and last backup" className="rounded border border-slate-200 p-2 text-sm dark:border-slate-800">
      {protection && (
        <div>
          <h3 className="text-xs font-semibold uppercase text-slate-600 dark:text-slate-300">Protection of claim {protection.name}</h3>
          <p className="mt-1 flex flex-wrap items-center gap-2"><ProtectionBadge protection={protection.protection} /><span className="font-mono text-xs">{protection.reason}</span></p>
          <p className="mt-1 text-xs">{protection.explanation}</p>
          {protection.reason === 'fsSelectedNoPvb' && (
            <p className="mt-1 text-xs font-medium text-red-800 dark:text-red-300">
              The trap: selecting a claim for fs-backup (by annotation or policy) switches its snapshot off, even when no PodVolumeBackup is made. Fix the pod (or remove the selection) so one of the two protects it.
            </p>
          )}
        </div>
      )}
      {sentence && (
        <div className="mt-2">
          <h3 className="text-xs font-semibold uppercase text-slate-600 dark:text-slate-300">Last backup</h3>
          <p className="mt-1 text-xs" data-testid="last-backup-outcome">{sentence}</p>
          {verdict?.lastBackup?.dataUpload !== undefined && (
            <p className="mt-1 text-xs">{verdict.lastBackup.dataUpload ? `DataUpload ${verdict.lastBackup.dataUpload.name}: ${verdict.lastBackup.dataUpload.phase}${verdict.lastBackup.dataUpload.message ? ` (${verdict.lastBackup.dataUpload.message})` : ''}` : 'No DataUpload was made for this claim.'}</p>
          )}
        </div>
      )}
      <p className="mt-2 text-xs"><a href={csvHref('volumes', selection, namespace)} download className="text-blue-700 underline dark:text-blue-300">Download this namespace&apos;s volumes (CSV)</a></p>
    </section>
  );
}
