// Watches of the demo cluster: newline-delimited JSON events from a resourceVersion on, as the API server
// streams them; a version older than the retained history gets an ERROR event with a 410 Expired Status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KINDS } from './discovery';
import { apiVersionOf } from './resources';
import { statusBody, type ServerState } from './handler';
import type { KubeObject, WatchEvent } from './store';
import type { DemoResource } from './types';

const BOOKMARK_EVERY_MS = 5_000;

export function serveWatch(
  state: ServerState, req: IncomingMessage, res: ServerResponse, resource: DemoResource, namespace: string | null, query: URLSearchParams,
  selected: (o: KubeObject) => boolean,
): void {
  state.requests.push({ method: 'GET', url: req.url ?? '', status: 200, at: Date.now() - state.started });
  res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });

  const matches = (o: KubeObject) => (namespace === null || o.metadata?.namespace === namespace) && selected(o);
  const write = (type: string, object: unknown) => res.write(`${JSON.stringify({ type, object })}\n`);
  const deliver = (event: WatchEvent) => {
    if (event.resource === resource && matches(event.object)) write(event.type, event.object);
  };

  const rvParam = query.get('resourceVersion');
  const from = rvParam && rvParam !== '0' ? Number(rvParam) : null;
  if (from === null) {
    for (const o of state.store.list(resource)) if (matches(o)) write('ADDED', o);
  } else {
    const events = Number.isFinite(from) ? state.store.eventsSince(from) : null;
    if (events === null) {
      write('ERROR', statusBody(410, 'Expired', `too old resource version: ${rvParam} (${state.store.resourceVersion})`));
      res.end();
      return;
    }
    for (const event of events) deliver(event);
  }

  const unsubscribe = state.store.subscribe(deliver);
  const bookmarks = query.get('allowWatchBookmarks') === 'true'
    ? setInterval(() => write('BOOKMARK', { kind: KINDS[resource], apiVersion: apiVersionOf(resource), metadata: { resourceVersion: String(state.store.resourceVersion) } }), BOOKMARK_EVERY_MS)
    : null;
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? 0);
  const timer = timeoutSeconds > 0 ? setTimeout(() => end(), timeoutSeconds * 1000) : null;
  const end = () => {
    unsubscribe();
    if (bookmarks) clearInterval(bookmarks);
    if (timer) clearTimeout(timer);
    state.openWatches.delete(end);
    res.end();
  };
  state.openWatches.add(end);
  req.on('close', end);
}
