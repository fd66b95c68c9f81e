// Graph geometry, pure: node and edge-label sizes from their text at the fonts the page draws them in, the
// ELK input (labels are laid out as part of the graph, so no label can sit on a node), and ELK's answer
// turned into positions, edge routes and label boxes.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { GraphEdge, GraphNode } from '../api/types';

/** On-screen sizes at zoom 1: names 13 px, secondary text 11 px (floors: 12 px and 10.5 px). */
export const FONT = { name: 13, secondary: 11 } as const;
// Monospace glyphs are 0.6 em wide; the rest of the node is padding and the border.
const NAME_CHAR = FONT.name * 0.61;
const LABEL_CHAR = FONT.secondary * 0.61;
const MIN_WIDTH = 150;
const MAX_WIDTH = 340;

export interface Box { x: number; y: number; width: number; height: number }
export interface Point { x: number; y: number }

export interface Layout {
  nodes: Map<string, Box>;
  edges: Map<string, { points: Point[]; label: (Box & { text: string }) | null }>;
  width: number;
  height: number;
}

export const STATUS_TEXT: Record<GraphNode['status'], string> = { 'fs-backup': 'all fs-backup', skip: 'all skip', mixed: 'some skipped', none: 'no volumes' };
export const KIND_TEXT: Record<GraphNode['kind'], string> = { namespace: 'namespace', pvc: 'PVC', pod: 'pod', volume: 'volume', group: 'group' };

/** The small upper-case line above a node's name. */
export const kindLine = (node: GraphNode): string => `${KIND_TEXT[node.kind]} · ${STATUS_TEXT[node.status]}${node.missing ? ' · missing' : ''}`;

/** Lines under the name: kind and status, "shared by n pods", a group's counts. */
export function nodeLines(node: GraphNode): number {
  if (node.kind === 'group') return 4;
  if (node.kind === 'pvc' && ((node.sharedBy ?? 0) > 1 || node.missing)) return 3;
  return 2;
}

export function nodeSize(node: GraphNode): { width: number; height: number } {
  const min = node.kind === 'group' ? 250 : MIN_WIDTH;
  // Upper-case text with wide tracking is about 0.72 em a glyph.
  const text = Math.max(node.label.length * NAME_CHAR, kindLine(node).length * FONT.secondary * 0.72);
  const width = Math.round(Math.min(MAX_WIDTH, Math.max(min, text + 28)));
  return { width, height: 14 + nodeLines(node) * 18 };
}

/** The text on a volume edge; null for containment edges. */
export function edgeText(edge: GraphEdge): string | null {
  if (edge.kind !== 'volume') return null;
  if (edge.counts) return `${edge.volume ?? ''} · ${edge.counts['fs-backup']} fs-backup, ${edge.counts.skip} skip`;
  return `${edge.volume ?? ''} · ${edge.action ?? ''} · ${edge.reason ?? ''}`;
}

export function elkInput(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): ElkNode {
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.layered.spacing.edgeNodeBetweenLayers': '16',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
      'elk.spacing.nodeNode': '20',
      'elk.spacing.edgeNode': '14',
      'elk.spacing.edgeLabel': '4',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
    },
    children: nodes.map((n) => ({ id: n.id, ...nodeSize(n) })),
    edges: edges.map((e): ElkExtendedEdge => {
      const text = edgeText(e);
      return {
        id: e.id,
        sources: [e.source],
        targets: [e.target],
        ...(text ? { labels: [{ id: `${e.id}#label`, text, width: Math.ceil(text.length * LABEL_CHAR + 14), height: 20, layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' } }] } : {}),
      };
    }),
  };
}

export function fromElk(result: ElkNode): Layout {
  const nodes = new Map<string, Box>();
  for (const c of result.children ?? []) nodes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  const edges: Layout['edges'] = new Map();
  for (const e of (result.edges ?? []) as ElkExtendedEdge[]) {
    const points = (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    const l = e.labels?.[0];
    edges.set(e.id, { points, label: l ? { x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0, text: l.text ?? '' } : null });
  }
  return { nodes, edges, width: result.width ?? 0, height: result.height ?? 0 };
}

export const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
