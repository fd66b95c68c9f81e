// Server side of a page: the answers it already has go into the query cache under the keys the client uses,
// so the client renders them at once instead of fetching them again.
import { HydrationBoundary, dehydrate, type QueryKey } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { getQueryClient } from '@/lib/client/get-query-client';
import { HydrationMark } from './hydration-mark';

export function Prefetched({ answers, children }: { answers: ReadonlyArray<readonly [QueryKey, unknown]>; children: ReactNode }) {
  const queryClient = getQueryClient();
  for (const [key, answer] of answers) queryClient.setQueryData(key, answer);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>{children}<HydrationMark /></Suspense>
    </HydrationBoundary>
  );
}
