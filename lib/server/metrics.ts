// GET /metrics: Prometheus text through prom-client, computed from the cached per-backup views of the current scan
// (no rescan per scrape) and kept per scan object, so a second scrape of the same scan costs nothing.
import { Gauge, Registry } from 'prom-client';
import { PROTECTION_KINDS } from '../rules/protection/types';
import type { Scan } from '../scan';
import { LAST_BACKUP_OUTCOMES } from '../view/last-backup-types';
import { lastBackupFor, protectedBySomeSchedule } from './claims';
import { resolveSelection, scheduleSelections } from './selection';

const rendered = new WeakMap<Scan, { registry: Registry; text: Promise<string> }>();

/** A registry holding the metrics of one scan (exported for the test, which reads it back through prom-client). */
export function metricsRegistry(scan: Scan): Registry {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  const claims = gauge('backup_lens_claims', 'Claims by namespace, Schedule and predicted protection (fs-backup, csi-snapshot, csi-snapshot-data-mover, native-snapshot, custom, none, notInBackup).', ['namespace', 'schedule', 'protection']);
  const unprotected = gauge('backup_lens_claims_unprotected_by_any_schedule', 'Claims that no running Schedule protects, by namespace.', ['namespace']);
  const outcomes = gauge('backup_lens_last_backup_volumes', 'Pod volumes of each Schedule\'s newest finished Backup by prediction outcome (completed, failed, missing, unexpected, notFinal, agrees).', ['schedule', 'backup', 'outcome']);
  const duration = gauge('backup_lens_scan_duration_seconds', 'Time the last read of the cluster took.');
  const scanned = gauge('backup_lens_last_scan_timestamp_seconds', 'Unix time of the last read of the cluster.');
  const updated = gauge('backup_lens_snapshot_updated_timestamp_seconds', 'Unix time watch events last changed the snapshot (the scan time when none did).');

  for (const { name, effective } of scheduleSelections(scan.snapshot)) {
    const perNamespace = new Map<string, Record<string, number>>();
    for (const c of scan.view(effective).protection().claims) {
      const counts = perNamespace.get(c.namespace) ?? Object.fromEntries(PROTECTION_KINDS.map((k) => [k, 0]));
      counts[c.protection] = (counts[c.protection] ?? 0) + 1;
      perNamespace.set(c.namespace, counts);
    }
    for (const [namespace, counts] of perNamespace) for (const [protection, n] of Object.entries(counts)) claims.set({ namespace, schedule: name, protection }, n);
    const last = lastBackupFor(scan, { ref: effective.ref, label: name, effective });
    // Unreadable PodVolumeBackups compare nothing: no outcome is reported rather than zeros.
    if (last?.summary.podVolumeBackupsRead) for (const outcome of LAST_BACKUP_OUTCOMES) outcomes.set({ schedule: name, backup: last.summary.backup, outcome }, last.summary.outcomes[outcome]);
  }
  const some = protectedBySomeSchedule(scan);
  // The claim set does not depend on the backup: the default what-if lists every claim.
  const anyView = scan.view(resolveSelection(scan.snapshot, { kind: 'whatIf', whatIf: {} }).effective);
  const perNamespace = new Map<string, number>();
  for (const c of anyView.protection().claims) {
    const n = perNamespace.get(c.namespace) ?? 0;
    perNamespace.set(c.namespace, n + (some.has(`${c.namespace}/${c.name}`) ? 0 : 1));
  }
  for (const [namespace, n] of perNamespace) unprotected.set({ namespace }, n);
  duration.set(scan.durationMs / 1000);
  scanned.set(scan.scannedAt.getTime() / 1000);
  updated.set(scan.updatedAt.getTime() / 1000);
  return registry;
}

export async function metricsText(scan: Scan): Promise<{ text: string; contentType: string }> {
  let entry = rendered.get(scan);
  if (!entry) {
    const registry = metricsRegistry(scan);
    entry = { registry, text: registry.metrics() };
    rendered.set(scan, entry);
  }
  return { text: await entry.text, contentType: entry.registry.contentType };
}
