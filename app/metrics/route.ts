// GET /metrics: Prometheus text format (prom-client) from the cached scan; a scrape never forces a re-read.
import { clusterErrorResponse } from '@/lib/server/cluster-error';
import { metricsText } from '@/lib/server/metrics';
import { scannerFor } from '@/lib/server/respond';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  // Metrics describe the cluster: the same authentication as every other answer (a scraper needs an identity).
  const held = await scannerFor(request);
  if ('response' in held) return held.response;
  try {
    const { text, contentType } = await metricsText(await held.scanner.get(false));
    return new Response(text, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
  } catch (error) {
    return clusterErrorResponse(held.scanner.describeError(error));
  }
}
