// The demo cluster's claims and last backups, read through the real client from the real demo server and decided
// by the code the routes use: every claim's protection per Schedule, every nightly volume's last-backup outcome,
// the CSV rows equal to the JSON rows, and /metrics read back by prom-client's own registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCluster } from '../demo/types';
import type { Scan } from '../scan';
import { demoScan } from './demo-scan.test-helper';
import { claimsBody, coverageBody } from './claims';
import { parseCsv } from './csv-reader';
import { claimsCsv, volumesCsv } from './exports';
import { metricsRegistry, metricsText } from './metrics';
import { namespacesBody, schedulesBody, volumesBody } from './queries';

let demo: DemoCluster;
let scan: Scan;

beforeAll(async () => ({ demo, scan } = await demoScan(1234)));
afterAll(() => demo.close());

const claims = (schedule: string) => claimsBody(scan, { backup: { kind: 'schedule', name: schedule }, namespaces: [] });
const table = (schedule: string) => Object.fromEntries(claims(schedule).claims.map((c) => [`${c.namespace}/${c.name}`, `${c.protection}/${c.reason}`]));

describe('every demo claim\'s protection', () => {
  it('nightly: each claim lands where backup-policy, the annotations and the storage side put it', () => {
    expect(table('nightly')).toEqual({
      'analytics/etl-archive': 'none/pvUnresolvable', 'analytics/etl-staging': 'none/claimMissing', 'analytics/hdfs-name': 'none/fsSelectedNoPvb',
      'analytics/hdfs-scratch': 'none/policySkip', 'analytics/raw-disk': 'csi-snapshot/policySnapshot', 'edge/gateway-buffer': 'none/fsSelectedNoPvb',
      'legacy/billing-archive': 'native-snapshot/snapshotDefault', 'legacy/ledger-gp2': 'none/storageClassMissing', 'legacy/nfs-share': 'none/noSnapshotLocation',
      'legacy/static-data': 'none/noStorageClass', 'locked/vault-data': 'fs-backup/optedIn', 'media/assets': 'fs-backup/policyFsBackup',
      'mistakes/api-0-data': 'fs-backup/optedIn', 'mistakes/both-0-data': 'fs-backup/optedIn', 'mistakes/trailing-0-data': 'fs-backup/optedIn',
      'mistakes/web-0-data': 'fs-backup/optedIn', 'mistakes/worker-0-data': 'csi-snapshot/snapshotDefault', 'monitoring/prometheus-db': 'csi-snapshot/policySnapshot',
      'scratch/load-results': 'notInBackup/namespaceExcluded', 'shop/catalog-images': 'csi-snapshot/snapshotDefault', 'shop/data-postgres-0': 'custom/policyCustom',
      'shop/data-postgres-1': 'custom/policyCustom', 'shop/export-tmp': 'notInBackup/claimExcludedByLabel', 'shop/old-exports': 'notInBackup/claimTerminating',
      'shop/report-spool': 'none/fsSelectedNoPvb', 'shop/sessions': 'fs-backup/optedIn', 'wiki/wiki-archive': 'none/fsSelectedNoPvb',
      'wiki/wiki-media': 'fs-backup/policyFsBackup', 'wiki/wiki-pages': 'fs-backup/optedIn',
    });
    const spool = claims('nightly').claims.find((c) => c.name === 'report-spool');
    expect(spool?.selectedBy).toMatchObject({ by: 'annotation', pod: 'reports-worker-5f7c9d-q8w2x', volume: 'spool', verdictReason: 'podNotRunning' });
    expect(spool?.explanation).toMatch(/switches the snapshot off, but no PodVolumeBackup will be made/);
  });

  it('the other schedules reach the remaining kinds and reasons', () => {
    expect(table('offsite-daily')).toMatchObject({ 'shop/catalog-images': 'csi-snapshot-data-mover/snapshotDefault', 'monitoring/prometheus-db': 'fs-backup/optedIn' });
    expect(table('files-only')).toMatchObject({ 'legacy/static-data': 'none/snapshotVolumesDisabled', 'legacy/billing-archive': 'none/pvNotInBackup', 'analytics/etl-archive': 'none/pvUnresolvable' });
    expect(table('opt-out-daily')).toMatchObject({ 'monitoring/prometheus-db': 'fs-backup/defaultFsBackup' });
    expect(table('shop-and-wiki')).toMatchObject({ 'wiki/wiki-archive': 'none/noSnapshotClass', 'legacy/nfs-share': 'notInBackup/namespaceExcluded' });
    expect(table('no-claims')).toMatchObject({ 'monitoring/prometheus-db': 'notInBackup/pvcExcluded' });
    expect(table('wiki-editors')).toMatchObject({ 'wiki/wiki-archive': 'notInBackup/notSelected', 'wiki/wiki-media': 'fs-backup/optedIn' });
    expect(new Set(Object.values(table('broken')))).toEqual(new Set(['notInBackup/validationFailed']));
    const seen = new Set(['nightly', 'offsite-daily', 'files-only', 'opt-out-daily', 'shop-and-wiki', 'no-claims', 'wiki-editors', 'broken', 'all-but-scratch']
      .flatMap((s) => Object.values(table(s)).map((v) => v.split('/')[1])));
    expect([...seen].sort()).toEqual(['claimExcludedByLabel', 'claimMissing', 'claimTerminating', 'defaultFsBackup', 'fsSelectedNoPvb', 'namespaceExcluded',
      'noSnapshotClass', 'noSnapshotLocation', 'noStorageClass', 'notSelected', 'optedIn', 'policyCustom', 'policyFsBackup', 'policySkip', 'policySnapshot',
      'pvNotInBackup', 'pvUnresolvable', 'pvcExcluded', 'snapshotDefault', 'snapshotVolumesDisabled', 'storageClassMissing', 'validationFailed']);
  });

  it('counts the claims not protected by the backup and by no running schedule, and coverage agrees', () => {
    const body = claims('nightly');
    expect(body.notProtected).toBe(body.claims.filter((c) => c.protection === 'none' || c.protection === 'notInBackup').length);
    const nobody = body.claims.filter((c) => !c.protectedBySomeSchedule).map((c) => `${c.namespace}/${c.name}`).sort();
    // The trap claims, the broken storage side, the excluded and the missing: no running Schedule keeps their data.
    expect(nobody).toEqual(['analytics/etl-archive', 'analytics/etl-staging', 'analytics/hdfs-name', 'edge/gateway-buffer', 'legacy/ledger-gp2',
      'legacy/nfs-share', 'legacy/static-data', 'scratch/load-results', 'shop/export-tmp', 'shop/old-exports', 'shop/report-spool', 'wiki/wiki-archive']);
    expect(body.notProtectedByAnySchedule).toBe(12);
    const coverage = coverageBody(scan);
    expect(coverage.claims.filter((c) => !c.protectedBySomeSchedule).map((c) => `${c.namespace}/${c.name}`).sort()).toEqual(nobody);
    expect(coverage.schedules.find((s) => s.name === 'paused-weekly')).toEqual({ name: 'paused-weekly', runs: false });
  });

  it('/api/v1/namespaces counts claims by protection', () => {
    const body = namespacesBody(scan, { backup: { kind: 'schedule', name: 'nightly' }, namespaces: ['shop'] });
    expect(body.namespaces[0]?.protection).toEqual({ 'fs-backup': 1, 'csi-snapshot': 1, 'csi-snapshot-data-mover': 0, 'native-snapshot': 0, custom: 2, none: 1, notInBackup: 2 });
    expect(body.totals.protection?.custom).toBe(2);
  });
});

describe('what the last nightly backup did, per volume', () => {
  const nightly = () => volumesBody(scan, { backup: { kind: 'schedule', name: 'nightly' }, namespaces: [] });
  const outcomes = () => Object.fromEntries(nightly().volumes.map((v) => [`${v.namespace}/${v.pod}/${v.volume}`, v.lastBackup?.outcome]));

  it('compares nightly-20261124020012\'s PodVolumeBackups with every predicted volume', () => {
    const body = nightly();
    expect(body.lastBackup).toMatchObject({ backup: 'nightly-20261124020012', phase: 'PartiallyFailed', errors: 2,
      outcomes: { completed: 7, failed: 1, missing: 1, unexpected: 1, notFinal: 0 } });
    const all = outcomes();
    expect(Object.entries(all).filter(([, o]) => o !== 'agrees').sort()).toEqual([
      ['locked/vault-0/data', 'completed'], ['media/media-a-0/assets', 'completed'], ['mistakes/api-0/data', 'missing'],
      ['mistakes/both-0/data', 'completed'], ['mistakes/trailing-0/data', 'completed'], ['mistakes/web-0/data', 'failed'],
      ['shop/session-store-0/sessions', 'completed'], ['wiki/wiki-api-0/pages', 'completed'], ['wiki/wiki-editor-0/media', 'unexpected'],
      ['wiki/wiki-indexer-0/media', 'completed']]);
    expect(Object.values(all).every((o) => o !== undefined)).toBe(true);
  });

  it('names the Failed copy\'s message and the likely causes of the missing and the unexpected one', () => {
    const find = (pod: string) => nightly().volumes.find((v) => v.pod === pod && (v.volume === 'data' || v.volume === 'media'))?.lastBackup;
    expect(find('web-0')).toMatchObject({ outcome: 'failed', pvbPhase: 'Failed', message: expect.stringMatching(/^data path backup failed: .*input\/output error$/) });
    expect(find('api-0')?.cause).toMatchObject({ code: 'podCreatedAfterBackup' });
    expect(find('wiki-editor-0')?.cause).toMatchObject({ code: 'duplicateThroughOtherPod' });
  });

  it('compares the snapshot totals with the predicted numbers, and shows the DataUpload of the data mover', () => {
    expect(nightly().lastBackup?.snapshots).toEqual({ csi: { predicted: 4, attempted: 4, completed: 4 }, native: { predicted: 1, attempted: 1, completed: 1 },
      dataMover: { predicted: 0, attempted: 0, completed: 0 } });
    const offsite = volumesBody(scan, { backup: { kind: 'schedule', name: 'offsite-daily' }, namespaces: ['shop'] });
    expect(offsite.volumes.find((v) => v.pvc === 'catalog-images')?.lastBackup?.dataUpload).toMatchObject({ phase: 'Completed' });
    expect(offsite.lastBackup?.snapshots.dataMover).toEqual({ predicted: 1, attempted: 1, completed: 1 });
  });

  it('the other schedules\' last runs agree with the prediction, but for a pod created after all-but-scratch ran', () => {
    const off = (name: string) => volumesBody(scan, { backup: { kind: 'schedule', name }, namespaces: [] }).volumes
      .filter((v) => v.lastBackup && !['completed', 'agrees'].includes(v.lastBackup.outcome))
      .map((v) => `${v.namespace}/${v.pod}/${v.volume} ${v.lastBackup?.outcome} ${v.lastBackup?.cause?.code ?? ''}`.trim());
    expect(off('all-but-scratch')).toEqual(['mistakes/api-0/data missing podCreatedAfterBackup']);
    for (const name of ['files-only', 'offsite-daily', 'paused-weekly', 'shop-and-wiki', 'no-claims']) expect(off(name), name).toEqual([]);
  });

  it('every schedule\'s last run attempted and completed as many snapshots of each kind as are predicted now', () => {
    const compared = schedulesBody(scan).schedules.flatMap((s) => (s.lastCompared ? [[s.name, s.lastCompared.snapshots] as const] : []));
    expect(compared.map(([name]) => name)).toEqual(['all-but-scratch', 'files-only', 'nightly', 'no-claims', 'offsite-daily', 'paused-weekly', 'shop-and-wiki']);
    for (const [name, snapshots] of compared) {
      for (const [kind, c] of Object.entries(snapshots)) expect([c.attempted, c.completed], `${name} ${kind}`).toEqual([c.predicted, c.predicted]);
    }
  });

  it('the Schedules answer carries the same comparison per schedule (null without a finished backup)', () => {
    const bySchedule = new Map(schedulesBody(scan).schedules.map((s) => [s.name, s.lastCompared]));
    expect(bySchedule.get('nightly')).toEqual(nightly().lastBackup);
    expect(bySchedule.get('broken')).toBeNull();
    expect(bySchedule.get('opt-out-daily')).toBeNull();
  });

  it('is null for a schedule without a finished backup, and absent for a what-if', () => {
    const broken = volumesBody(scan, { backup: { kind: 'schedule', name: 'broken' }, namespaces: [] });
    expect(broken.lastBackup).toBeNull();
    expect(volumesBody(scan, { backup: { kind: 'whatIf', whatIf: {} }, namespaces: [] }).volumes[0]).not.toHaveProperty('lastBackup');
  });
});

describe('exports', () => {
  it('the volumes CSV has a header and the same rows as the JSON', () => {
    const body = volumesBody(scan, { backup: { kind: 'schedule', name: 'nightly' }, namespaces: [] });
    const rows = parseCsv(volumesCsv(body));
    expect(rows[0]?.slice(0, 3)).toEqual(['namespace', 'pod', 'volume']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[5], r[6], r[11] ?? ''])).toEqual(body.volumes.map((v) => [v.namespace, v.pod, v.volume, v.action, v.reason, v.lastBackup?.outcome ?? '']));
    const failed = rows.find((r) => r[1] === 'web-0' && r[2] === 'data');
    expect(failed?.[13]).toBe(body.volumes.find((v) => v.pod === 'web-0' && v.volume === 'data')?.lastBackup?.message);
  });

  it('the claims CSV has the same rows as the JSON, explanations with commas intact', () => {
    const body = claims('nightly');
    const rows = parseCsv(claimsCsv(body));
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[13]])).toEqual(body.claims.map((c) => [c.namespace, c.name, c.protection, c.reason, c.explanation]));
  });
});

describe('/metrics', () => {
  /** A strict reader of the text exposition format: # HELP / # TYPE lines, then `name{label="v",…} value` samples. */
  function readExposition(text: string) {
    const samples: Array<{ name: string; labels: Record<string, string>; value: number }> = [];
    const types = new Map<string, string>();
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
      if (meta) {
        if (meta[1] === 'TYPE') types.set(meta[2] as string, meta[3] as string);
        continue;
      }
      const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/.exec(line);
      if (!sample) throw new Error(`not a Prometheus text line: ${line}`);
      const labels: Record<string, string> = {};
      for (const m of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/g)) labels[m[1] as string] = m[2] as string;
      if (!types.has(sample[1] as string)) throw new Error(`sample before its # TYPE: ${line}`);
      samples.push({ name: sample[1] as string, labels, value: Number(sample[3]) });
    }
    return { samples, types };
  }

  it('is valid text exposition that reads back to exactly what prom-client\'s registry holds', async () => {
    const { text, contentType } = await metricsText(scan);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const { samples, types } = readExposition(text);
    const json = await metricsRegistry(scan).getMetricsAsJSON();
    expect([...types.keys()].sort()).toEqual(json.map((m) => m.name).sort());
    const fromRegistry = json.flatMap((m) => (m.values as Array<{ labels: Record<string, string | number>; value: number }>)
      .map((v) => ({ name: m.name, labels: Object.fromEntries(Object.entries(v.labels).map(([k, l]) => [k, String(l)])), value: v.value })));
    const byKey = (s: { name: string; labels: Record<string, string> }) => `${s.name}${JSON.stringify(Object.entries(s.labels).sort())}`;
    expect(new Map(samples.map((s) => [byKey(s), s.value]))).toEqual(new Map(fromRegistry.map((s) => [byKey(s), s.value])));
  });

  it('gives claims by namespace, schedule and protection, last-backup outcomes and the scan times', async () => {
    const { samples } = readExposition((await metricsText(scan)).text);
    const value = (name: string, labels: Record<string, string>) => samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    expect(value('backup_lens_claims', { namespace: 'shop', schedule: 'nightly', protection: 'custom' })).toBe(2);
    expect(value('backup_lens_claims', { namespace: 'shop', schedule: 'offsite-daily', protection: 'csi-snapshot-data-mover' })).toBe(1);
    expect(value('backup_lens_last_backup_volumes', { schedule: 'nightly', outcome: 'failed' })).toBe(1);
    expect(value('backup_lens_last_backup_volumes', { schedule: 'nightly', outcome: 'missing' })).toBe(1);
    expect(value('backup_lens_claims_unprotected_by_any_schedule', { namespace: 'shop' })).toBe(3);
    expect(value('backup_lens_scan_duration_seconds', {})).toBe(1.234);
    expect(value('backup_lens_last_scan_timestamp_seconds', {})).toBe(scan.scannedAt.getTime() / 1000);
  });
});
