// One paginated list (limit/continue), as a well-behaved client does: restart on 410 Expired, bounded retry
// with backoff on 429/5xx/network errors honouring Retry-After, never a retry on 401/403. Objects are
// slimmed page by page, so only the current page's raw JSON is alive at any time.
import { apiStatusError, ApiStatusError } from './errors';
import { TransportError, type Transport } from './transport';

export const PAGE_SIZE = 500;

export interface ListOptions {
  limit?: number;
  signal?: AbortSignal;
  /** Attempts per page for retryable failures (default 5). */
  attempts?: number;
  /** Restarts of the whole list after 410 Expired (default 3). */
  restarts?: number;
  /** Base backoff in ms (default 250), doubled per attempt, capped at 5 s; Retry-After wins when given. */
  backoffMs?: number;
  labelSelector?: string;
  /** After each page: objects read so far and the server's estimate of those left (metadata.remainingItemCount). */
  onProgress?: (read: number, remaining: number | null) => void;
}

export interface ListResult<T> {
  items: T[];
  resourceVersion: string;
  /** Pages fetched, restarts included. */
  pages: number;
}

const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ESOCKETTIMEDOUT', 'ECONNABORTED']);

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

function retryDelay(error: unknown, attempt: number, base: number): number | null {
  const backoff = Math.min(5000, base * 2 ** attempt);
  if (error instanceof ApiStatusError) {
    if (error.status === 429 || error.status >= 500) {
      return error.retryAfterSeconds !== null ? Math.min(error.retryAfterSeconds * 1000, 30_000) : backoff;
    }
    return null;
  }
  if (error instanceof TransportError && RETRYABLE_NETWORK.has(error.code)) return backoff;
  return null;
}

/** One GET of a JSON document, with the same bounded retries as a list page (429/5xx/network; never 401/403). */
export async function getJson<T>(transport: Transport, path: string, options: Pick<ListOptions, 'signal' | 'attempts' | 'backoffMs'> = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await transport.get(path, options.signal);
      if (answer.status !== 200) throw apiStatusError(answer.status, path, answer.body, answer.headers['retry-after']);
      return JSON.parse(answer.body) as T;
    } catch (error) {
      const delay = attempt + 1 < attempts ? retryDelay(error, attempt, options.backoffMs ?? 250) : null;
      if (delay === null) throw error;
      await sleep(delay, options.signal);
    }
  }
}

type PageMeta = { continue?: string; resourceVersion?: string; remainingItemCount?: number };

async function fetchPage(transport: Transport, path: string, options: ListOptions): Promise<{ items: unknown[]; metadata: PageMeta }> {
  const parsed = await getJson<{ items?: unknown[] | null; metadata?: PageMeta }>(transport, path, options);
  return { items: parsed.items ?? [], metadata: parsed.metadata ?? {} };
}

/** Lists every object at `basePath` (e.g. /api/v1/pods), page by page. */
export async function listAll<T>(transport: Transport, basePath: string, slim: (raw: unknown) => T, options: ListOptions = {}): Promise<ListResult<T>> {
  const limit = options.limit ?? PAGE_SIZE;
  let restarts = options.restarts ?? 3;
  let pages = 0;
  for (;;) {
    const items: T[] = [];
    let token: string | undefined;
    try {
      do {
        const query = new URLSearchParams({ limit: String(limit) });
        if (token) query.set('continue', token);
        if (options.labelSelector) query.set('labelSelector', options.labelSelector);
        const page = await fetchPage(transport, `${basePath}?${query}`, options);
        pages++;
        for (const raw of page.items) items.push(slim(raw));
        token = page.metadata.continue || undefined;
        options.onProgress?.(items.length, token ? (page.metadata.remainingItemCount ?? null) : 0);
        if (!token) return { items, resourceVersion: page.metadata.resourceVersion ?? '', pages };
      } while (token);
    } catch (error) {
      // 410 on a continue token: the list's snapshot expired mid-way; start it again from the first page.
      if (error instanceof ApiStatusError && error.status === 410 && token && restarts-- > 0) continue;
      throw error;
    }
  }
}
