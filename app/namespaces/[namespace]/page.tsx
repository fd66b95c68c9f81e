// Namespace page: prefetch the graph answer on the server (same JSON and query key as the client uses).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageProblem } from '@/components/page-problem';
import { Prefetched } from '@/components/prefetched';
import { ColdLoad } from '@/components/cold-load';
import { NamespaceView } from '@/components/namespace-view';
import { BadParameter, namespaceParam } from '@/lib/api/params';
import { queryKeys } from '@/lib/client/api';
import type { SearchParams } from '@/lib/client/view-state';
import { NotFound, graphBody } from '@/lib/server/queries';
import { backupOf, loadFromScan } from '../../_data/load';

export const dynamic = 'force-dynamic';
const PREFETCH_MAX_VOLUMES = 500;

export async function generateMetadata({ params }: { params: Promise<{ namespace: string }> }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).namespace) };
}

export default async function NamespacePage({ params, searchParams }: { params: Promise<{ namespace: string }>; searchParams: Promise<SearchParams> }) {
  const { namespace: raw } = await params;
  let namespace: string;
  try {
    namespace = namespaceParam(decodeURIComponent(raw));
  } catch (error) {
    if (error instanceof BadParameter) notFound();
    throw error;
  }
  const chosen = backupOf(await searchParams);
  if ('error' in chosen) return <PageProblem title={`Namespace ${namespace}`} error={chosen.error} />;
  const { selection, backup } = chosen;
  let missing = false;
  const loaded = await loadFromScan((scan) => {
    try {
      return graphBody(scan, { backup, namespaces: [namespace] });
    } catch (error) {
      if (error instanceof NotFound) {
        missing = true;
        return null;
      }
      throw error;
    }
  });
  if (missing) notFound();
  if ('reading' in loaded) return <ColdLoad />;
  if ('error' in loaded) return <PageProblem title={`Namespace ${namespace}`} error={loaded.error} />;
  // A big namespace's answer (megabytes) is not inlined in the HTML: parsing it there blocks the page's first
  // paint and hydration; the browser fetches it as JSON instead.
  const inline = loaded.data !== null && loaded.data.volumes.length <= PREFETCH_MAX_VOLUMES;
  return <Prefetched answers={inline ? [[queryKeys.graph(namespace, selection), loaded.data]] : []}><NamespaceView namespace={namespace} /></Prefetched>;
}
