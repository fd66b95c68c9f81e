// Server-side data for pages: the same bodies as /api/v1, or the cluster problem as a value to render.
import { headers } from 'next/headers';
import type { ApiError } from '@/lib/api/types';
import { identify } from '@/lib/server/auth-state';
import type { Scan } from '@/lib/scan';
import { getScanner } from '@/lib/server/scanner';

export type Loaded<T> = { data: T } | { error: ApiError['error'] };

export async function loadFromScan<T>(build: (scan: Scan) => T): Promise<Loaded<T>> {
  // proxy.ts already sent anyone unauthenticated to the login page or a 401; this is the second check.
  const who = identify(await headers());
  if ('error' in who) return { error: { kind: 'config', message: who.error } };
  if ('refusal' in who) return { error: { kind: 'unauthenticated', message: who.refusal.message } };
  const held = await getScanner(who.identity);
  if ('error' in held) return { error: held.error };
  try {
    return { data: build(await held.scanner.get()) };
  } catch (error) {
    return { error: held.scanner.describeError(error) };
  }
}
