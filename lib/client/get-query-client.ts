// One QueryClient per request on the server, one per tab in the browser (TanStack Query's App Router pattern).
import { QueryClient, isServer } from '@tanstack/react-query';
import { REFETCH_MS } from './api';

function makeQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: REFETCH_MS, retry: 1 } } });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
