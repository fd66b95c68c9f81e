// Everything the namespace page shows, assembled from the cached view: lookups, no scans of the cluster.
import type { GraphResponse } from '../api/types';
import { buildGraph } from '../graph/build-graph';
import type { EffectiveOptions } from '../velero/backup-options/types';
import type { Scan } from '../scan';
import { claimInfos, lintNamespace, podInfos } from './cluster-view';

export type NamespaceDetail = Pick<GraphResponse, 'namespace' | 'nodes' | 'edges' | 'truncated' | 'volumes' | 'pods' | 'claims' | 'lint'>;

/** The namespace's graph and details, or null when the snapshot knows nothing of it. */
export function namespaceDetail(scan: Pick<Scan, 'index' | 'snapshot' | 'view'>, options: EffectiveOptions, namespace: string): NamespaceDetail | null {
  const known = scan.index.namespaces.includes(namespace) || scan.snapshot.namespaces.some((n) => n.metadata?.name === namespace);
  if (!known) return null;
  const view = scan.view(options);
  const volumes = view.byNamespace.get(namespace) ?? [];
  const pods = podInfos(view, scan.index, namespace);
  const claims = claimInfos(scan.index, namespace, volumes);
  return { namespace, ...buildGraph(namespace, volumes, pods, claims), volumes, pods, claims, lint: lintNamespace(view, scan.index, namespace) };
}
