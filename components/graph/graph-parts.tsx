'use client';
// The graph's drawn parts: node cards and routed edges with their labels. Each node and labelled edge is one
// stop of the graph's roving focus (one tab stop for the whole graph, arrow keys between items).
import { BaseEdge, EdgeLabelRenderer, Handle, Position, type EdgeProps, type NodeProps, type Node, type Edge } from '@xyflow/react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { GraphEdge, GraphNode } from '@/lib/api/types';
import { KIND_TEXT, STATUS_TEXT, kindLine, type Box, type Point } from '@/lib/graph/layout';

export const TONE: Record<GraphNode['status'], string> = { 'fs-backup': '#059669', skip: '#d97706', mixed: '#2563eb', none: '#64748b' };

export interface ItemHandlers {
  focusId: string | null;
  onKey(id: string, event: KeyboardEvent<HTMLElement>): void;
  onActivate(id: string): void;
  onFocusItem(id: string): void;
  /** Called by an item after each render: takes focus when a keyboard move is heading for it. */
  claimFocus(id: string, element: HTMLElement | null): void;
}

function useClaimFocus(id: string, handlers: ItemHandlers) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => handlers.claimFocus(id, ref.current));
  return ref;
}

const NO_HANDLERS: ItemHandlers = { focusId: null, onKey: () => undefined, onActivate: () => undefined, onFocusItem: () => undefined, claimFocus: () => undefined };

export type CardData = { node: GraphNode; selected: boolean; expanded: boolean; handlers: ItemHandlers };
export type RoutedData = { edge: GraphEdge; points: Point[]; label: (Box & { text: string }) | null; selected: boolean; handlers: ItemHandlers };

const FOCUS = 'outline-none focus-visible:outline-[3px] focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-sky-300';

export function describeNode(node: GraphNode, expanded: boolean): string {
  if (node.kind === 'group') {
    return `${node.label}: ${node.pods ?? 0} pods, ${node.counts?.['fs-backup'] ?? 0} volumes fs-backup, ${node.counts?.skip ?? 0} skip. ${expanded ? 'Collapse' : 'Expand'} to ${expanded ? 'group' : 'draw'} its pods.`;
  }
  const extra = node.kind === 'pvc' && (node.sharedBy ?? 0) > 1 ? `, shared by ${node.sharedBy} pods` : '';
  return `${KIND_TEXT[node.kind]} ${node.label}, ${STATUS_TEXT[node.status]}${extra}${node.missing ? ', does not exist' : ''}`;
}

export function describeEdge(edge: GraphEdge): string {
  const [, pod] = edge.target.split(':');
  if (edge.counts) return `volume ${edge.volume} of ${edge.target.slice(6)}: ${edge.counts['fs-backup']} fs-backup, ${edge.counts.skip} skip`;
  return `volume ${edge.volume} of pod ${edge.target.startsWith('pod:') ? pod : edge.source.slice(4)}: ${edge.action}, ${edge.reason}`;
}

export function CardNode({ data }: NodeProps<Node<CardData>>) {
  const { node, selected, expanded, handlers } = data;
  const ref = useClaimFocus(node.id, handlers);
  return (
    <div
      ref={ref}
      role="button"
      data-item={node.id}
      tabIndex={handlers.focusId === node.id ? 0 : -1}
      aria-label={describeNode(node, expanded)}
      aria-pressed={node.kind === 'group' ? expanded : selected}
      onKeyDown={(e) => handlers.onKey(node.id, e)}
      onFocus={() => handlers.onFocusItem(node.id)}
      style={{ borderColor: TONE[node.status], borderStyle: node.missing ? 'dashed' : 'solid', borderWidth: selected ? 3 : 2 }}
      className={`h-full w-full cursor-pointer overflow-hidden rounded-md bg-white px-2 py-1 text-left leading-[18px] text-slate-900 dark:bg-slate-900 dark:text-slate-100 ${selected ? 'ring-2 ring-blue-500/40' : ''} ${FOCUS}`}
    >
      {/* React Flow draws an edge between handles; these are anchors only, never connectable. */}
      <Handle type="target" position={Position.Left} isConnectable={false} className="!pointer-events-none !opacity-0" />
      <Handle type="source" position={Position.Right} isConnectable={false} className="!pointer-events-none !opacity-0" />
      <div className="graph-secondary whitespace-nowrap text-[11px] uppercase tracking-wide text-slate-600 dark:text-slate-300">{kindLine(node)}</div>
      <div className="graph-name truncate font-mono text-[13px]" title={node.label}>{node.label}</div>
      {node.kind === 'group' && (
        <>
          <div className="graph-secondary whitespace-nowrap text-[11px] text-slate-700 dark:text-slate-200">{node.pods?.toLocaleString('en-US')} pods{node.claims ? ` · ${node.claims.toLocaleString('en-US')} claims` : ''} · {expanded ? '− collapse' : '+ expand'}</div>
          <div className="graph-secondary whitespace-nowrap text-[11px]"><span className="text-emerald-800 dark:text-emerald-300">✓ {node.counts?.['fs-backup'] ?? 0} fs-backup</span> · <span className="text-amber-800 dark:text-amber-300">⨯ {node.counts?.skip ?? 0} skip</span></div>
        </>
      )}
      {node.kind === 'pvc' && (node.sharedBy ?? 0) > 1 && <div className="graph-secondary text-[11px] font-semibold text-blue-800 dark:text-sky-300">shared by {node.sharedBy} pods</div>}
      {node.kind === 'pvc' && node.missing && (node.sharedBy ?? 0) <= 1 && <div className="graph-secondary text-[11px] font-semibold text-red-800 dark:text-red-300">claim does not exist</div>}
    </div>
  );
}

export function RoutedEdge({ id, data, markerEnd, style }: EdgeProps<Edge<RoutedData>>) {
  const ref = useClaimFocus(id, data?.handlers ?? NO_HANDLERS);
  if (!data) return null;
  const { points, label, edge, selected, handlers } = data;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={{ ...style, strokeWidth: selected ? 3 : (style?.strokeWidth ?? 1.5) }} />
      {label && (
        <EdgeLabelRenderer>
          <div
            ref={ref}
            role="button"
            data-item={id}
            tabIndex={handlers.focusId === id ? 0 : -1}
            aria-label={describeEdge(edge)}
            aria-pressed={selected}
            onKeyDown={(e) => handlers.onKey(id, e)}
            onFocus={() => handlers.onFocusItem(id)}
            onClick={() => handlers.onActivate(id)}
            style={{ transform: `translate(${label.x}px, ${label.y}px)`, width: label.width, height: label.height, pointerEvents: 'all' }}
            className={`graph-secondary nodrag nopan absolute left-0 top-0 cursor-pointer whitespace-nowrap rounded border px-1.5 font-mono text-[11px] leading-[18px] ${selected ? 'border-blue-600 bg-blue-50 dark:bg-blue-950' : 'border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900'} text-slate-900 dark:text-slate-100 ${FOCUS}`}
          >
            {label.text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
