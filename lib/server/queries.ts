// The bodies of /api/v1/* built from a scan; the routes and the pages' server-side prefetch share them,
// so the browser's query cache holds exactly what the API answers.
import { BadParameter, type ParsedQuery } from '../api/params';
import type { GraphResponse, NamespacesResponse, VolumesResponse } from '../api/types';
import type { Scan } from '../scan';
import { namespaceSummaries, totals } from '../view/cluster-view';
import { namespaceDetail } from '../view/namespace-detail';
import { scanHeader } from './scan-header';

export class NotFound extends Error {}

export type QueryInput = Pick<ParsedQuery, 'options' | 'namespaces'>;

export function volumesBody(scan: Scan, { options, namespaces }: QueryInput): VolumesResponse {
  const view = scan.view(options);
  const volumes = namespaces.length === 0 ? view.result.verdicts : namespaces.flatMap((ns) => view.byNamespace.get(ns) ?? []);
  return { ...scanHeader(scan, options), volumes };
}

export function namespacesBody(scan: Scan, { options, namespaces }: QueryInput): NamespacesResponse {
  const all = namespaceSummaries(scan.view(options), scan.index, scan.snapshot);
  const rows = namespaces.length === 0 ? all : all.filter((row) => namespaces.includes(row.name));
  return { ...scanHeader(scan, options), namespaces: rows, totals: totals(rows) };
}

export function graphBody(scan: Scan, { options, namespaces }: QueryInput): GraphResponse {
  if (namespaces.length !== 1) throw new BadParameter('namespace', 'namespace is required, once: /api/v1/graph?namespace=NS.');
  const namespace = namespaces[0] as string;
  const detail = namespaceDetail(scan, options, namespace);
  if (!detail) throw new NotFound(`Namespace ${namespace} was not found in the cluster's snapshot.`);
  return { ...scanHeader(scan, options), ...detail };
}
