// Coverage page: claims × Schedules, prefetched on the server with the same JSON and query key as the client.
import type { Metadata } from 'next';
import { PageProblem } from '@/components/page-problem';
import { Prefetched } from '@/components/prefetched';
import { ColdLoad } from '@/components/cold-load';
import { CoverageView } from '@/components/coverage-view';
import { protectionKeys } from '@/lib/client/protection-api';
import { coverageBody } from '@/lib/server/claims';
import { loadFromScan } from '../_data/load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Coverage · Backup Lens' };

/** Above this many claims the answer (megabytes) is not inlined in the HTML: the browser fetches it as JSON. */
const PREFETCH_MAX_CLAIMS = 300;

export default async function CoveragePage() {
  const loaded = await loadFromScan((scan) => coverageBody(scan));
  if ('reading' in loaded) return <ColdLoad />;
  if ('error' in loaded) return <PageProblem title="Coverage" error={loaded.error} />;
  const inline = loaded.data.claims.length <= PREFETCH_MAX_CLAIMS;
  return <Prefetched answers={inline ? [[protectionKeys.coverage(), loaded.data]] : []}><CoverageView /></Prefetched>;
}
