// ELK in a Web Worker, so laying out a big namespace never blocks the page. One worker per tab, reused.
import ELK from 'elkjs/lib/elk-api.js';
import type { GraphEdge, GraphNode } from '@/lib/api/types';
import { elkInput, fromElk, type Layout } from '@/lib/graph/layout';

let elk: InstanceType<typeof ELK> | null = null;

function worker(): InstanceType<typeof ELK> {
  elk ??= new ELK({ workerFactory: () => new Worker(new URL('elkjs/lib/elk-worker.min.js', import.meta.url)) });
  return elk;
}

export async function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Promise<Layout> {
  return fromElk(await worker().layout(elkInput(nodes, edges)));
}
