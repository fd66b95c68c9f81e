// GET /metrics: Prometheus text format (prom-client) from the cached scan; a scrape never forces a re-read.
import { metricsText } from '@/lib/server/metrics';
import { clusterErrorResponse } from '@/lib/server/cluster-error';
import { identityOr401 } from '@/lib/server/respond';
import { getScanner } from '@/lib/server/scanner';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  // Metrics describe the cluster: the same authentication as every other answer (a scraper needs an identity).
  const who = identityOr401(request);
  if ('response' in who) return who.response;
  const scanner = await getScanner(who.identity);
  if ('error' in scanner) return clusterErrorResponse(scanner.error);
  try {
    const { text, contentType } = await metricsText(await scanner.scanner.get(false));
    return new Response(text, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
  } catch (error) {
    return clusterErrorResponse(scanner.scanner.describeError(error));
  }
}
