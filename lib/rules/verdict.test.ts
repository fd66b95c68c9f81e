import { describe, expect, it } from 'vitest';
import { BACKUP, EXCLUDES, OPT_IN, OPT_OUT, claimVolume, decide, emptyDir, kubeApiAccess, pod, pvc, reasonOf, snapshot, verdictOf } from './fixtures';
import type { BackupOptions } from './types';

const db = () =>
  snapshot({
    pods: [
      pod('shop', 'postgres-0', {
        annotations: { [BACKUP]: 'data' },
        volumes: [claimVolume('data', 'data-postgres-0'), emptyDir('scratch'), kubeApiAccess()],
      }),
    ],
    pvcs: [pvc('shop', 'data-postgres-0')],
  });

describe('admitting checks', () => {
  it('admits an opted-in claim volume as optedIn and names the annotation and token', () => {
    const v = verdictOf(db(), OPT_IN, 'shop/postgres-0/data');
    expect(v).toMatchObject({ action: 'fs-backup', reason: 'optedIn', check: 'B11', pvc: 'data-postgres-0', type: 'persistentVolumeClaim' });
    expect(v.evidence.annotation).toEqual({ name: BACKUP, value: 'data', tokens: ['data'], matchedToken: 'data' });
    expect(v.explanation).toContain('("data")');
  });

  it('skips a volume that is not listed in opt-in mode as notOptedIn', () => {
    expect(verdictOf(db(), OPT_IN, 'shop/postgres-0/scratch')).toMatchObject({ action: 'skip', reason: 'notOptedIn', pvc: null });
  });

  it('admits every unexcluded volume in opt-out mode as defaultFsBackup', () => {
    expect(verdictOf(db(), OPT_OUT, 'shop/postgres-0/scratch')).toMatchObject({ action: 'fs-backup', reason: 'defaultFsBackup', check: 'B12' });
  });

  it('skips a volume listed in the excludes annotation in opt-out mode as optedOut', () => {
    const snap = snapshot({ pods: [pod('shop', 'redis-0', { annotations: { [EXCLUDES]: 'cache' }, volumes: [emptyDir('cache')] })] });
    const v = verdictOf(snap, OPT_OUT, 'shop/redis-0/cache');
    expect(v).toMatchObject({ action: 'skip', reason: 'optedOut' });
    expect(v.evidence.annotation?.matchedToken).toBe('cache');
  });
});

describe('pod inclusion (stage A)', () => {
  it('skips every volume of a pod labelled velero.io/exclude-from-backup=true', () => {
    const snap = snapshot({ pods: [pod('batch', 'tmp', { labels: { 'velero.io/exclude-from-backup': 'true' }, annotations: { [BACKUP]: 'work' }, volumes: [emptyDir('work'), kubeApiAccess()] })] });
    const verdicts = decide(snap, OPT_IN).verdicts.filter((v) => v.pod === 'tmp');
    expect(verdicts.map((v) => v.reason)).toEqual(['podExcludedByLabel', 'podExcludedByLabel']);
  });

  it('only the exact string "true" excludes a pod', () => {
    const snap = snapshot({ pods: [pod('batch', 'tmp', { labels: { 'velero.io/exclude-from-backup': 'True' }, annotations: { [BACKUP]: 'work' }, volumes: [emptyDir('work')] })] });
    expect(reasonOf(snap, OPT_IN, 'batch/tmp/work')).toBe('optedIn');
  });

  it('skips a pod being deleted as podTerminating, not podNotRunning', () => {
    const snap = snapshot({ pods: [pod('batch', 'old', { deletionTimestamp: '2026-11-24T10:00:00Z', annotations: { [BACKUP]: 'work' }, volumes: [emptyDir('work')] })] });
    const v = verdictOf(snap, OPT_IN, 'batch/old/work');
    expect(v).toMatchObject({ reason: 'podTerminating', check: 'A3' });
    expect(v.evidence.deletionTimestamp).toBe('2026-11-24T10:00:00Z');
  });
});

describe('volume type checks come before annotations (B1–B7)', () => {
  const typed = (options: BackupOptions, annotations: Record<string, string>) =>
    snapshot({
      pods: [
        pod('legacy', 'app-0', {
          annotations,
          volumes: [
            { name: 'host', hostPath: { path: '/var/log' } },
            { name: 'creds', secret: { secretName: 'db' } },
            { name: 'conf', configMap: { name: 'app' } },
            kubeApiAccess(),
            { name: 'info', downwardAPI: { items: [] } },
            { name: 'default-token-abcde', secret: { secretName: 'default-token-abcde' } },
            emptyDir('default-token-cache'),
          ],
        }),
      ],
    });

  it('skips each non-data volume type with its own reason, even when opted in', () => {
    const snap = typed(OPT_IN, { [BACKUP]: 'host,creds,conf,kube-api-access-x7k2p,info,default-token-abcde,default-token-cache' });
    const reasons = decide(snap, OPT_IN).verdicts.filter((v) => v.pod === 'app-0').map((v) => [v.volume, v.reason, v.check]);
    expect(reasons).toEqual([
      ['host', 'hostPath', 'B1'],
      ['creds', 'secret', 'B2'],
      ['conf', 'configMap', 'B3'],
      ['kube-api-access-x7k2p', 'projected', 'B4'],
      ['info', 'downwardAPI', 'B5'],
      ['default-token-abcde', 'secret', 'B2'],
      ['default-token-cache', 'defaultToken', 'B7'],
    ]);
  });

  it('reports defaultToken for an emptyDir named default-token-* even when it is listed in the excludes', () => {
    const snap = typed(OPT_OUT, { [EXCLUDES]: 'default-token-cache' });
    expect(verdictOf(snap, OPT_OUT, 'legacy/app-0/default-token-cache')).toMatchObject({ reason: 'defaultToken', action: 'skip' });
  });

  it('skips claim volumes as pvcExcluded when the backup excludes PVCs, in both modes', () => {
    for (const mode of [OPT_IN, OPT_OUT]) {
      const v = verdictOf(db(), { ...mode, backupExcludePVC: true }, 'shop/postgres-0/data');
      expect(v).toMatchObject({ reason: 'pvcExcluded', check: 'B6' });
      expect(v.explanation).toContain('claim data-postgres-0');
    }
  });
});

describe('annotation parsing follows Velero exactly', () => {
  const mistakes = (annotations: Record<string, string>) =>
    snapshot({
      pods: [pod('mistakes', 'api-0', { annotations, volumes: [claimVolume('data', 'api-data'), emptyDir('cache')] })],
      pvcs: [pvc('mistakes', 'api-data')],
    });

  it('does not match a token with a space after the comma', () => {
    const snap = mistakes({ [BACKUP]: 'data, cache' });
    expect(reasonOf(snap, OPT_IN, 'mistakes/api-0/data')).toBe('optedIn');
    const v = verdictOf(snap, OPT_IN, 'mistakes/api-0/cache');
    expect(v.reason).toBe('notOptedIn');
    expect(v.evidence.annotation?.tokens).toEqual(['data', ' cache']);
  });

  it('does not match the claim name listed instead of the volume name', () => {
    expect(reasonOf(mistakes({ [BACKUP]: 'api-data' }), OPT_IN, 'mistakes/api-0/data')).toBe('notOptedIn');
  });

  it('is case-sensitive', () => {
    expect(reasonOf(mistakes({ [BACKUP]: 'Data' }), OPT_IN, 'mistakes/api-0/data')).toBe('notOptedIn');
  });

  it('reads only the annotation of the mode in force when both are present', () => {
    const snap = mistakes({ [BACKUP]: 'data', [EXCLUDES]: 'data' });
    expect(reasonOf(snap, OPT_IN, 'mistakes/api-0/data')).toBe('optedIn');
    expect(reasonOf(snap, OPT_OUT, 'mistakes/api-0/data')).toBe('optedOut');
  });

  it('treats empty tokens from a trailing comma as harmless', () => {
    const snap = mistakes({ [EXCLUDES]: 'cache,' });
    expect(reasonOf(snap, OPT_OUT, 'mistakes/api-0/cache')).toBe('optedOut');
    expect(reasonOf(snap, OPT_OUT, 'mistakes/api-0/data')).toBe('defaultFsBackup');
  });

  it('reports the absent annotation as null in the evidence', () => {
    const v = verdictOf(mistakes({}), OPT_IN, 'mistakes/api-0/cache');
    expect(v.evidence.annotation).toEqual({ name: BACKUP, value: null, tokens: [], matchedToken: null });
    expect(v.explanation).toContain('(not set)');
  });
});
