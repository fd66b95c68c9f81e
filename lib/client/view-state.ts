// View state lives in the URL: backup options plus page filters, so a link reproduces the view.
import type { BackupOptions } from '../rules/types';

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const flag = (value: string | string[] | undefined) => ['true', '1'].includes((first(value) ?? '').toLowerCase());

export function optionsFrom(params: SearchParams | URLSearchParams): BackupOptions {
  const get = (key: string) => (params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key]);
  return { defaultVolumesToFsBackup: flag(get('defaultVolumesToFsBackup')), backupExcludePVC: flag(get('backupExcludePVC')) };
}

/** The current query string with some keys set (null or '' removes them). */
export function withParams(current: URLSearchParams | string, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
  }
  const text = next.toString();
  return text ? `?${text}` : '';
}

/** Only the option parameters, for links between pages. */
export function optionQuery(options: BackupOptions): string {
  return withParams('', {
    defaultVolumesToFsBackup: options.defaultVolumesToFsBackup ? 'true' : null,
    backupExcludePVC: options.backupExcludePVC ? 'true' : null,
  });
}
