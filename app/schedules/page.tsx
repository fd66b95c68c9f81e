// Schedules page: prefetch the schedules answer on the server (same JSON and query key as the client uses).
import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageProblem } from '@/components/page-problem';
import { ColdLoad } from '@/components/cold-load';
import { SchedulesView } from '@/components/schedules-view';
import { queryKeys } from '@/lib/client/api';
import { getQueryClient } from '@/lib/client/get-query-client';
import { schedulesBody } from '@/lib/server/queries';
import { loadFromScan } from '../_data/load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Schedules · Backup Lens' };

export default async function SchedulesPage() {
  const loaded = await loadFromScan((scan) => schedulesBody(scan));
  if ('reading' in loaded) return <ColdLoad />;
  if ('error' in loaded) return <PageProblem title="Schedules" error={loaded.error} />;
  const queryClient = getQueryClient();
  queryClient.setQueryData(queryKeys.schedules(), loaded.data);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>
        <SchedulesView />
      </Suspense>
    </HydrationBoundary>
  );
}
