// Any /api path no route serves: a JSON 404 (never Next's HTML page), echoing at most 100 characters of it.
import { errorJson } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

function notFound(request: Request): Response {
  const path = new URL(request.url).pathname;
  const shown = path.length > 100 ? `${path.slice(0, 100)}…` : path;
  return errorJson(404, { kind: 'notFound', message: `No API at ${shown}; see docs/api.md for /api/v1/namespaces, /api/v1/volumes and /api/v1/graph.` });
}

export const GET = notFound;
export const HEAD = notFound;
