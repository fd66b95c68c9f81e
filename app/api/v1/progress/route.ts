// GET /api/v1/progress: what the scan is doing — per cluster-wide list, objects read and (when the API server
// estimates it through metadata.remainingItemCount) of about how many. It never starts a scan.
import type { ProgressResponse } from '@/lib/api/types';
import { getScanner } from '@/lib/server/scanner';
import { clusterErrorResponse } from '@/lib/server/cluster-error';
import { identityOr401 } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const who = identityOr401(request);
  if ('response' in who) return who.response;
  const held = await getScanner(who.identity);
  if ('error' in held) return clusterErrorResponse(held.error);
  return Response.json(held.scanner.progress() satisfies ProgressResponse, { headers: { 'cache-control': 'no-store' } });
}
