// The fields every /api/v1 answer carries: which cluster, when it was read, with which options, what is missing.
import type { ScanHeader } from '../api/types';
import type { BackupOptions } from '../rules/types';
import type { Scan } from '../scan';

export function scanHeader(scan: Scan, options: BackupOptions): ScanHeader {
  const { assumptions } = scan.view(options).result;
  return {
    cluster: scan.cluster,
    scannedAt: scan.scannedAt.toISOString(),
    updatedAt: scan.updatedAt.toISOString(),
    live: scan.live,
    options,
    incomplete: scan.snapshot.incomplete,
    assumptions: { ...assumptions, veleroNamespace: scan.snapshot.veleroNamespace },
  };
}
