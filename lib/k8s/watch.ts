// One watch, kept open: from a list's resourceVersion on, apply ADDED/MODIFIED/DELETED events; on 410 Expired
// re-list that resource and watch again from the fresh version; on a dropped connection reconnect with backoff.
import { createInterface } from 'node:readline';
import { listAll } from './list-all';
import type { Transport } from './transport';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchTarget<T> {
  /** Cluster-wide collection path, e.g. /api/v1/pods. */
  path: string;
  slim(raw: unknown): T;
  /** Apply one event to the live copy. */
  apply(type: WatchEventType, object: T): void;
  /** Replace the live copy after a re-list. */
  replace(items: T[]): void;
  /** Called after a batch of changes (a chunk of events, or a re-list). */
  changed(): void;
}

export interface WatchHandle {
  stop(): void;
  /** Resolves when the loop has ended (after stop). */
  done: Promise<void>;
}

const MAX_BACKOFF_MS = 30_000;

export function keepWatching<T>(transport: () => Promise<Transport>, target: WatchTarget<T>, fromVersion: string): WatchHandle {
  const controller = new AbortController();
  const { signal } = controller;
  let version = fromVersion;

  const relist = async (t: Transport) => {
    const fresh = await listAll(t, target.path, target.slim, { signal });
    target.replace(fresh.items);
    version = fresh.resourceVersion;
    target.changed();
  };

  const watchOnce = async (t: Transport): Promise<'expired' | 'ended'> => {
    const query = new URLSearchParams({ watch: '1', resourceVersion: version, allowWatchBookmarks: 'true', timeoutSeconds: '300' });
    const response = await t.stream(`${target.path}?${query}`, signal);
    if (response.statusCode === 410) return 'expired';
    if (response.statusCode !== 200) {
      response.resume();
      throw new Error(`watch ${target.path} answered ${response.statusCode}`);
    }
    const lines = createInterface({ input: response, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const event = JSON.parse(line) as { type: string; object: { metadata?: { resourceVersion?: string }; code?: number } };
      if (event.type === 'ERROR') {
        if (event.object.code === 410) return 'expired';
        throw new Error(`watch ${target.path} error event ${JSON.stringify(event.object).slice(0, 200)}`);
      }
      version = event.object.metadata?.resourceVersion ?? version;
      if (event.type === 'BOOKMARK') continue;
      target.apply(event.type as WatchEventType, target.slim(event.object));
      target.changed();
    }
    return 'ended';
  };

  const done = (async () => {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const t = await transport();
        const outcome = await watchOnce(t);
        if (outcome === 'expired') await relist(t);
        failures = 0;
      } catch {
        if (signal.aborted) break;
        failures++;
        const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(failures, 7));
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, delay);
          signal.addEventListener('abort', () => { clearTimeout(timer); resolve(undefined); }, { once: true });
        });
      }
    }
  })();

  return { stop: () => controller.abort(), done };
}
