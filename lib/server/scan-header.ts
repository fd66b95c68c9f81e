// The fields every /api/v1 answer carries: which cluster, when it was read, which backup with which options,
// what is missing and what had to be assumed.
import type { BackupSelection, ScanHeader } from '../api/types';
import type { Scan } from '../scan';
import { veleroNotices } from '../view/velero-notices';

export function scanHeader(scan: Scan, selection: BackupSelection): ScanHeader {
  const view = scan.view(selection.effective);
  const { assumptions } = view.result;
  const policy = selection.effective.resourcePolicy;
  const validationErrors = [...selection.effective.validationErrors];
  // A policy that cannot be read cannot be evaluated: say so where Velero's own errors go.
  if (policy.state === 'unreadable' && validationErrors.length === 0) {
    validationErrors.push(`The resource policy ConfigMap ${policy.name} could not be read (${policy.message}); the backup cannot be predicted.`);
  }
  return {
    cluster: scan.cluster,
    scannedAt: scan.scannedAt.toISOString(),
    updatedAt: scan.updatedAt.toISOString(),
    live: scan.live,
    options: view.options,
    backup: selection,
    validationErrors,
    velero: { installed: scan.snapshot.velero?.installed ?? false, notices: veleroNotices(scan.snapshot) },
    incomplete: scan.snapshot.incomplete,
    assumptions: { ...assumptions, veleroNamespace: scan.snapshot.veleroNamespace },
  };
}
