// GET /metrics: Prometheus text format (prom-client) from the cached scan; a scrape never forces a re-read.
import { metricsText } from '@/lib/server/metrics';
import { clusterErrorResponse } from '@/lib/server/cluster-error';
import { getScanner } from '@/lib/server/scanner';

export const dynamic = 'force-dynamic';

export async function GET() {
  const scanner = await getScanner();
  if ('error' in scanner) return clusterErrorResponse(scanner.error);
  try {
    const { text, contentType } = await metricsText(await scanner.scanner.get(false));
    return new Response(text, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
  } catch (error) {
    return clusterErrorResponse(scanner.scanner.describeError(error));
  }
}
