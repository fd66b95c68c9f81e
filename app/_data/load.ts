// Server-side data for pages: the same bodies as /api/v1, the cluster problem as a value to render, or — on a
// cold start, while the first scan runs — "reading", so the page shows the scan's progress instead of waiting.
import type { ApiError } from '@/lib/api/types';
import type { Scan } from '@/lib/scan';
import { getScanner } from '@/lib/server/scanner';

export type Loaded<T> = { data: T } | { error: ApiError['error'] } | { reading: true };

/** How long a page waits for a first scan before it shows progress instead. */
const COLD_WAIT_MS = 1200;

export async function loadFromScan<T>(build: (scan: Scan) => T): Promise<Loaded<T>> {
  const held = await getScanner();
  if ('error' in held) return { error: held.error };
  try {
    const pending = held.scanner.get();
    if (!held.scanner.peek()) {
      const timer = new Promise<null>((resolve) => setTimeout(() => resolve(null), COLD_WAIT_MS));
      const first = await Promise.race([pending, timer]);
      if (first === null) {
        pending.catch(() => undefined);
        return { reading: true };
      }
      return { data: build(first) };
    }
    return { data: build(await pending) };
  } catch (error) {
    return { error: held.scanner.describeError(error) };
  }
}
