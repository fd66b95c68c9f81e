// GET /api/v1/progress: what the scan is doing — per cluster-wide list, objects read and (when the API server
// estimates it through metadata.remainingItemCount) of about how many. It never starts a scan.
import type { ProgressResponse } from '@/lib/api/types';
import { scannerFor } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const held = await scannerFor(request);
  if ('response' in held) return held.response;
  return Response.json(held.scanner.progress() satisfies ProgressResponse, { headers: { 'cache-control': 'no-store' } });
}
