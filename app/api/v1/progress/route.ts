// GET /api/v1/progress: what the scan is doing — per cluster-wide list, objects read and (when the API server
// estimates it through metadata.remainingItemCount) of about how many. It never starts a scan.
import type { ProgressResponse } from '@/lib/api/types';
import { getScanner } from '@/lib/server/scanner';
import { clusterErrorResponse } from '@/lib/server/cluster-error';

export const dynamic = 'force-dynamic';

export async function GET() {
  const held = await getScanner();
  if ('error' in held) return clusterErrorResponse(held.error);
  return Response.json(held.scanner.progress() satisfies ProgressResponse, { headers: { 'cache-control': 'no-store' } });
}
