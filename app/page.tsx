// Overview: prefetch the namespaces answer on the server (same JSON and query key as the client uses). A URL
// that names no backup opens on the first enabled Schedule, or on Velero's defaults when there is none.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PageProblem } from '@/components/page-problem';
import { Prefetched } from '@/components/prefetched';
import { ColdLoad } from '@/components/cold-load';
import { Overview } from '@/components/overview';
import { queryKeys } from '@/lib/client/api';
import { withParams, type SearchParams } from '@/lib/client/view-state';
import { namespacesBody } from '@/lib/server/queries';
import { claimsBody } from '@/lib/server/claims';
import { protectionKeys } from '@/lib/client/protection-api';
import { defaultScheduleName } from '@/lib/server/selection';
import { backupOf, loadFromScan } from './_data/load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: { absolute: 'Namespaces · Backup Lens' } };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const chosen = backupOf(params);
  if ('error' in chosen) return <PageProblem title="Backup Lens" error={chosen.error} />;
  const { selection, backup } = chosen;
  const loaded = await loadFromScan((scan) => ({
    opening: selection === '' ? defaultScheduleName(scan.snapshot) : null,
    body: namespacesBody(scan, { backup, namespaces: [] }),
    claims: claimsBody(scan, { backup, namespaces: [] }),
  }));
  if ('reading' in loaded) return <ColdLoad />;
  if ('error' in loaded) return <PageProblem title="Backup Lens" error={loaded.error} />;
  if (loaded.data.opening) {
    const rest = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
    redirect(`/${withParams(rest, { schedule: loaded.data.opening })}`);
  }
  return <Prefetched answers={[[queryKeys.namespaces(selection), loaded.data.body], [protectionKeys.claims(selection), loaded.data.claims]]}><Overview /></Prefetched>;
}
