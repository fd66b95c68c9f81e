// Server-side data for pages: the same bodies as /api/v1, or the cluster problem as a value to render.
import type { ApiError } from '@/lib/api/types';
import type { Scan } from '@/lib/scan';
import { getScanner } from '@/lib/server/scanner';

export type Loaded<T> = { data: T } | { error: ApiError['error'] };

export async function loadFromScan<T>(build: (scan: Scan) => T): Promise<Loaded<T>> {
  const held = await getScanner();
  if ('error' in held) return { error: held.error };
  try {
    return { data: build(await held.scanner.get()) };
  } catch (error) {
    return { error: held.scanner.describeError(error) };
  }
}
