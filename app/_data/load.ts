// Server-side data for pages: the same bodies as /api/v1, the problem as a value to render, or — on a cold
// start, while the first scan runs — "reading", so the page shows the scan's progress instead of waiting.
import { BadParameter, parseQuery, type BackupQuery } from '@/lib/api/params';
import { headers } from 'next/headers';
import type { ApiError } from '@/lib/api/types';
import { identify } from '@/lib/server/auth-state';
import { selectionFrom, type SearchParams, type Selection } from '@/lib/client/view-state';
import type { Scan } from '@/lib/scan';
import { getScanner } from '@/lib/server/scanner';
import { UnknownBackup } from '@/lib/server/selection';

export type Loaded<T> = { data: T } | { error: ApiError['error'] } | { reading: true };

/** How long a page waits for a first scan before it shows progress instead. */
const COLD_WAIT_MS = 1200;

/** A query's own mistakes (an unknown schedule, a bad parameter) as a value to render. */
function buildOn<T>(scan: Scan, build: (scan: Scan) => T): Loaded<T> {
  try {
    return { data: build(scan) };
  } catch (error) {
    if (error instanceof UnknownBackup) return { error: { kind: 'notFound', message: error.message, parameter: error.parameter } };
    if (error instanceof BadParameter) return { error: { kind: 'badParameter', message: error.message, parameter: error.parameter } };
    throw error;
  }
}

export async function loadFromScan<T>(build: (scan: Scan) => T): Promise<Loaded<T>> {
  // proxy.ts already sent anyone unauthenticated to the login page or a 401; this is the second check.
  const who = identify(await headers());
  if ('error' in who) return { error: { kind: 'config', message: who.error } };
  if ('refusal' in who) return { error: { kind: 'unauthenticated', message: who.refusal.message } };
  const held = await getScanner(who.identity);
  if ('error' in held) return { error: held.error };
  let scan: Scan;
  try {
    const pending = held.scanner.get();
    if (!held.scanner.peek()) {
      const timer = new Promise<null>((resolve) => setTimeout(() => resolve(null), COLD_WAIT_MS));
      const first = await Promise.race([pending, timer]);
      if (first === null) {
        pending.catch(() => undefined);
        return { reading: true };
      }
      scan = first;
    } else {
      scan = await pending;
    }
  } catch (error) {
    return { error: held.scanner.describeError(error) };
  }
  return buildOn(scan, build);
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
