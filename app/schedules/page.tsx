// Schedules page: prefetch the schedules answer on the server (same JSON and query key as the client uses).
import type { Metadata } from 'next';
import { PageProblem } from '@/components/page-problem';
import { Prefetched } from '@/components/prefetched';
import { ColdLoad } from '@/components/cold-load';
import { SchedulesView } from '@/components/schedules-view';
import { queryKeys } from '@/lib/client/api';
import { schedulesBody } from '@/lib/server/queries';
import { loadFromScan } from '../_data/load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Schedules · Backup Lens' };

export default async function SchedulesPage() {
  const loaded = await loadFromScan((scan) => schedulesBody(scan));
  if ('reading' in loaded) return <ColdLoad />;
  if ('error' in loaded) return <PageProblem title="Schedules" error={loaded.error} />;
  return <Prefetched answers={[[queryKeys.schedules(), loaded.data]]}><SchedulesView /></Prefetched>;
}
