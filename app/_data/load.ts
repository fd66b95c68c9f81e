// Server-side data for pages: the same bodies as /api/v1, or the problem as a value to render.
import { BadParameter, parseQuery, type BackupQuery } from '@/lib/api/params';
import type { ApiError } from '@/lib/api/types';
import { selectionFrom, type SearchParams, type Selection } from '@/lib/client/view-state';
import type { Scan } from '@/lib/scan';
import { getScanner } from '@/lib/server/scanner';
import { UnknownBackup } from '@/lib/server/selection';

export type Loaded<T> = { data: T } | { error: ApiError['error'] };

export async function loadFromScan<T>(build: (scan: Scan) => T): Promise<Loaded<T>> {
  const held = await getScanner();
  if ('error' in held) return { error: held.error };
  let scan: Scan;
  try {
    scan = await held.scanner.get();
  } catch (error) {
    return { error: held.scanner.describeError(error) };
  }
  try {
    return { data: build(scan) };
  } catch (error) {
    if (error instanceof UnknownBackup) return { error: { kind: 'notFound', message: error.message, parameter: error.parameter } };
    if (error instanceof BadParameter) return { error: { kind: 'badParameter', message: error.message, parameter: error.parameter } };
    throw error;
  }
}

/** The backup a page's URL names, or the problem with its parameters. */
export function backupOf(searchParams: SearchParams): { selection: Selection; backup: BackupQuery } | { error: ApiError['error'] } {
  const selection = selectionFrom(searchParams);
  try {
    return { selection, backup: parseQuery(new URLSearchParams(selection)).backup };
  } catch (error) {
    if (error instanceof BadParameter) return { error: { kind: 'badParameter', message: error.message, parameter: error.parameter } };
    throw error;
  }
}
