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

export default async function CoveragePage() {
  const loaded = await loadFromScan((scan) => coverageBody(scan));
  if ('reading' in loaded) return <ColdLoad />;
  if ('error' in loaded) return <PageProblem title="Coverage" error={loaded.error} />;
  return <Prefetched answers={[[protectionKeys.coverage(), loaded.data]]}><CoverageView /></Prefetched>;
}
