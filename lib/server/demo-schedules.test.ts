// Every Schedule of the demo cluster, read through the real client from the real demo server and decided by
// the same code the routes use: Velero's verdict for every processed volume, nothing for pods Velero would
// not process, and validation errors instead of verdicts for an invalid policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCluster } from '../demo/types';
import type { VolumeVerdict } from '../rules/types';
import type { Scan } from '../scan';
import { demoScan } from './demo-scan.test-helper';
import { schedulesBody, volumesBody } from './queries';

let demo: DemoCluster;
let scan: Scan;

beforeAll(async () => ({ demo, scan } = await demoScan()));
afterAll(() => demo.close());

const volumes = (schedule: string) => volumesBody(scan, { backup: { kind: 'schedule', name: schedule }, namespaces: [] });
const find = (list: VolumeVerdict[], ns: string, pod: string, volume: string) => list.find((v) => v.namespace === ns && v.pod === pod && v.volume === volume);
const namespacesOf = (list: VolumeVerdict[]) => [...new Set(list.map((v) => v.namespace))].sort();

describe('the demo cluster\'s schedules', () => {
  it('nightly: each rule of backup-policy decides the volume its comment names, in opt-in', () => {
    const { volumes: list, validationErrors } = volumes('nightly');
    expect(validationErrors).toEqual([]);
    const expectPolicy = (ns: string, pod: string, volume: string, reason: string, index: number) =>
      expect(find(list, ns, pod, volume), `${ns}/${pod}/${volume}`).toMatchObject({ reason, evidence: { policy: { index } } });
    const analyticsPod = list.find((v) => v.namespace === 'analytics' && v.pvc === 'etl-archive');
    expect(analyticsPod).toMatchObject({ reason: 'policySkip', evidence: { policy: { index: 1 } } });
    expectPolicy('media', 'media-a-0', 'assets', 'policyFsBackup', 2);
    expect(list.find((v) => v.pvc === 'wiki-media' && v.action === 'fs-backup')).toMatchObject({ reason: 'policyFsBackup', evidence: { policy: { index: 3 } } });
    expect(list.find((v) => v.pvc === 'prometheus-db')).toMatchObject({ reason: 'policySnapshot', evidence: { policy: { index: 4 } } });
    expect(list.filter((v) => v.pvc?.startsWith('data-postgres-')).map((v) => v.reason)).toEqual(['policyCustom', 'policyCustom']);
    expect(list.find((v) => v.pvc === 'hdfs-scratch')).toMatchObject({ reason: 'policySkip', evidence: { policy: { index: 6 } } });
    expectPolicy('shop', 'redis-0', 'cache', 'policySkip', 7);
    expect(namespacesOf(list)).not.toContain('kube-system');
  });

  it('shop-and-wiki: the globs sh* and w?ki resolve to shop and wiki only', () => {
    expect(namespacesOf(volumes('shop-and-wiki').volumes)).toEqual(['shop', 'wiki']);
  });

  it('all-but-scratch: excluded namespaces and the exclude-labelled namespace are not processed at all', () => {
    const { volumes: list, backup } = volumes('all-but-scratch');
    expect(backup.effective.excludedNamespaces.value).toEqual(expect.arrayContaining(['kube-system', 'batch', 'scratch']));
    for (const ns of ['kube-system', 'batch', 'scratch']) expect(namespacesOf(list)).not.toContain(ns);
    expect(namespacesOf(list)).toContain('shop');
  });

  it('no-claims: old-style excludedResources [pvc] excludes every claim volume', () => {
    const { volumes: list, options } = volumes('no-claims');
    expect(options.backupExcludePVC).toBe(true);
    expect(namespacesOf(list)).toEqual(['analytics', 'monitoring']);
    const claims = list.filter((v) => v.pvc !== null);
    expect(claims.length).toBeGreaterThan(0);
    expect(new Set(claims.map((v) => v.reason))).toEqual(new Set(['pvcExcluded']));
  });

  it('wiki-editors: the selected pod, and the running pods shared claims pull in transitively', () => {
    // wiki-editor-0 (selected) → wiki-media → wiki-indexer-0 → wiki-pages → wiki-api-0 (velero-objects.md a.5).
    const list = volumes('wiki-editors').volumes;
    expect([...new Set(list.map((v) => v.pod))].sort()).toEqual(['wiki-api-0', 'wiki-editor-0', 'wiki-indexer-0']);
    expect(namespacesOf(list)).toEqual(['wiki']);
  });

  it('paused-weekly is marked paused and still predicted, in opt-out', () => {
    const summary = schedulesBody(scan).schedules.find((s) => s.name === 'paused-weekly');
    expect(summary).toMatchObject({ paused: true, effective: { defaultVolumesToFsBackup: { value: true, source: 'spec' } } });
    expect(volumes('paused-weekly').volumes.some((v) => v.reason === 'defaultFsBackup')).toBe(true);
  });

  it('broken: the invalid policy is a validation error and no volume gets a verdict', () => {
    const body = volumes('broken');
    expect(body.volumes).toEqual([]);
    expect(body.validationErrors.join('\n')).toMatch(/storageClass/);
    expect(schedulesBody(scan).schedules.find((s) => s.name === 'broken')?.counts).toBeNull();
  });

  it('the Schedules answer counts each schedule\'s verdicts as the volumes answer lists them', () => {
    const counted = schedulesBody(scan).schedules.filter((s) => s.counts !== null);
    expect(counted.map((s) => s.name)).toEqual(['all-but-scratch', 'files-only', 'nightly', 'no-claims', 'offsite-daily', 'opt-out-daily', 'paused-weekly', 'shop-and-wiki', 'wiki-editors']);
    for (const s of counted) {
      const list = volumes(s.name).volumes;
      const skipped = list.filter((v) => v.action === 'skip');
      expect(s.counts, s.name).toEqual({
        pods: new Set(list.map((v) => `${v.namespace}/${v.pod}`)).size, volumes: list.length,
        fsBackup: list.length - skipped.length, skip: skipped.length, skippedPvcVolumes: skipped.filter((v) => v.pvc !== null).length,
      });
    }
    expect(counted.find((s) => s.name === 'nightly')?.counts).toMatchObject({ volumes: 94, fsBackup: 9, skip: 85 });
  });

  it('opt-out-daily: volumes not excluded by annotation are copied by default', () => {
    const list = volumes('opt-out-daily').volumes;
    expect(namespacesOf(list)).toEqual(['edge', 'legacy', 'mistakes', 'monitoring']);
    expect(list.some((v) => v.reason === 'defaultFsBackup')).toBe(true);
  });

  it('lists every schedule with where each option comes from', () => {
    const body = schedulesBody(scan);
    expect(body.schedules.map((s) => s.name).sort()).toEqual(['all-but-scratch', 'broken', 'files-only', 'nightly', 'no-claims', 'offsite-daily', 'opt-out-daily', 'paused-weekly', 'shop-and-wiki', 'wiki-editors']);
    const nightly = body.schedules.find((s) => s.name === 'nightly');
    expect(nightly?.effective).toMatchObject({ resourcePolicy: 'backup-policy', resourcePolicyState: 'ok', defaultVolumesToFsBackup: { value: false, source: 'spec' } });
    expect(body.schedules.find((s) => s.name === 'shop-and-wiki')?.effective.defaultVolumesToFsBackup.source).toBe('server');
    expect(body.policyConfigMaps).toEqual(expect.arrayContaining(['backup-policy', 'broken-policy']));
  });

  it('an unknown schedule is a named error', () => {
    expect(() => volumes('nope')).toThrow(/Schedule "nope" was not found/);
  });
});
