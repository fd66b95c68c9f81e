// Overview: prefetch the namespaces answer on the server (same JSON and query key as the client uses).
import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ClusterProblem } from '@/components/cluster-problem';
import { ColdLoad } from '@/components/cold-load';
import { Overview } from '@/components/overview';
import { queryKeys } from '@/lib/client/api';
import { getQueryClient } from '@/lib/client/get-query-client';
import { optionsFrom, type SearchParams } from '@/lib/client/view-state';
import { namespacesBody } from '@/lib/server/queries';
import { loadFromScan } from './_data/load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: { absolute: 'Namespaces · Backup Lens' } };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const options = optionsFrom(await searchParams);
  const loaded = await loadFromScan((scan) => namespacesBody(scan, { options, namespaces: [] }));
  if ('reading' in loaded) return <ColdLoad />;
  if ('error' in loaded) {
    return (
      <main className="p-6">
        <h1 className="text-2xl font-semibold">Backup Lens</h1>
        <ClusterProblem error={loaded.error} />
      </main>
    );
  }
  const queryClient = getQueryClient();
  queryClient.setQueryData(queryKeys.namespaces(options), loaded.data);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>
        <Overview />
      </Suspense>
    </HydrationBoundary>
  );
}
