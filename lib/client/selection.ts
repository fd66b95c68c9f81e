// The backup a page shows lives in its URL: schedule=NAME, backup=NAME, or what-if parameters. Pages pass the
// same parameters to /api/v1, so a link reproduces the view and the query cache is keyed by them.
import { BACKUP_SELECTION_KEYS } from '../api/params';
import type { BackupSelection, SchedulesResponse } from '../api/types';

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

/** The selection parameters of a URL, in a canonical order (the query key). */
export function selectionParams(source: ParamSource): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of [...BACKUP_SELECTION_KEYS].sort()) {
    const value = source instanceof URLSearchParams ? source.get(key) : source[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (text !== undefined && text !== null && text !== '') out.set(key, text);
  }
  return out;
}

export const selectionKey = (source: ParamSource): string => selectionParams(source).toString();

/** A query string with the selection replaced by `next` and every other parameter kept. */
export function withSelection(current: URLSearchParams | string, next: Record<string, string>): string {
  const params = new URLSearchParams(current);
  for (const key of BACKUP_SELECTION_KEYS) params.delete(key);
  for (const [key, value] of Object.entries(next)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The backup a page opens on when its URL names none: the first enabled Schedule, else null (Velero's defaults). */
export function defaultSchedule(schedules: Pick<SchedulesResponse, 'schedules'>['schedules']): string | null {
  const enabled = schedules.find((s) => !s.paused && s.phase !== 'FailedValidation' && s.validationErrors.length === 0);
  return enabled?.name ?? null;
}

/**
 * The what-if that shows a verdict in the other fs-backup mode: the selected backup's own policy and namespaces
 * kept, only the mode changed (a Schedule's or Backup's options cannot be edited, so it becomes a what-if).
 */
export function switchModeParams(backup: BackupSelection, defaultVolumesToFsBackup: boolean): Record<string, string | null> {
  const e = backup.effective;
  const policy = e.resourcePolicy.state === 'none' ? null : e.resourcePolicy.name;
  return {
    schedule: null,
    backup: null,
    whatIf: '1',
    defaultVolumesToFsBackup: String(defaultVolumesToFsBackup),
    backupExcludePVC: e.backupExcludePVC.value ? 'true' : null,
    resourcePolicy: policy,
    includedNamespaces: e.includedNamespaces.value.length ? e.includedNamespaces.value.join(',') : null,
    excludedNamespaces: e.excludedNamespaces.value.length ? e.excludedNamespaces.value.join(',') : null,
  };
}
