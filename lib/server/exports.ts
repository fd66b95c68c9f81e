// format=csv of /api/v1/volumes and /api/v1/claims: the same rows as the JSON, one record per entry.
import { BadParameter, quote } from '../api/params';
import type { ClaimsResponse, VolumesResponse } from '../api/types';
import { csvResponse, toCsv } from './csv';

export type Format = 'json' | 'csv';

export function formatParam(params: URLSearchParams): Format {
  const values = params.getAll('format');
  if (values.length > 1) throw new BadParameter('format', `format is given ${values.length} times; give it once.`);
  const value = values[0] ?? 'json';
  if (value !== 'json' && value !== 'csv') throw new BadParameter('format', `format must be json or csv, not ${quote(value)}.`);
  return value;
}

const VOLUME_HEADER = ['namespace', 'pod', 'volume', 'type', 'pvc', 'action', 'reason', 'check', 'backupError', 'explanation',
  'lastBackup', 'lastBackupOutcome', 'pvbPhase', 'pvbMessage', 'likelyCause', 'dataUploadPhase'];

export function volumesCsv(body: VolumesResponse): string {
  return toCsv(VOLUME_HEADER, body.volumes.map((v) => [
    v.namespace, v.pod, v.volume, v.type, v.pvc, v.action, v.reason, v.check, v.backupError, v.explanation,
    v.lastBackup?.backup, v.lastBackup?.outcome, v.lastBackup?.pvbPhase, v.lastBackup?.message, v.lastBackup?.cause?.text, v.lastBackup?.dataUpload?.phase,
  ]));
}

const CLAIM_HEADER = ['namespace', 'name', 'exists', 'protection', 'reason', 'viaPod', 'viaVolume', 'storageClass', 'driver', 'snapshotClass',
  'snapshotLocation', 'policyIndex', 'protectedBySomeSchedule', 'explanation'];

export function claimsCsv(body: ClaimsResponse): string {
  return toCsv(CLAIM_HEADER, body.claims.map((c) => [
    c.namespace, c.name, c.exists, c.protection, c.reason, c.via?.pod, c.via?.volume, c.storageClass, c.driver, c.snapshotClass,
    c.snapshotLocation, c.policyIndex, c.protectedBySomeSchedule, c.explanation,
  ]));
}

/** A file name naming the backup: volumes-schedule-nightly.csv, claims-what-if.csv. */
export function csvName(kind: 'volumes' | 'claims', body: VolumesResponse | ClaimsResponse): string {
  const ref = body.backup.ref;
  return `${kind}-${ref.kind === 'whatIf' ? 'what-if' : `${ref.kind}-${ref.name}`}.csv`;
}

export const renderAs = <T extends VolumesResponse | ClaimsResponse>(kind: 'volumes' | 'claims', write: (body: T) => string) =>
  (body: unknown, params: URLSearchParams): Response | null => (formatParam(params) === 'csv' ? csvResponse(csvName(kind, body as T), write(body as T)) : null);
