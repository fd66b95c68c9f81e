'use client';
// The graph's drawn parts: node cards, edge paths and edge labels, placed where ELK put them. Each node and
// labelled edge is one stop of the graph's roving focus (one tab stop for the whole graph, arrow keys between items).
import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type KeyboardEvent, type RefObject } from 'react';
import type { GraphEdge, GraphNode } from '@/lib/api/types';
import { KIND_TEXT, STATUS_TEXT, kindLine, type Box, type Point } from '@/lib/graph/layout';
import { formatNumber } from '@/lib/view/words';

export const TONE: Record<GraphNode['status'], string> = { 'fs-backup': '#059669', skip: '#d97706', mixed: '#2563eb', none: '#64748b' };

export interface ItemHandlers {
  onKey(id: string, event: KeyboardEvent<HTMLElement>): void;
  onActivate(id: string): void;
  onFocusItem(id: string): void;
  /** Called by an item after each render: takes focus when a keyboard move is heading for it. */
  claimFocus(id: string, element: HTMLElement | null): void;
}

/** What changes as a user moves around the graph: kept out of React Flow's nodes, so a focus move or a
 * selection re-renders the two or three items it concerns, not every node React Flow holds. */
export interface ItemState {
  focusId: string | null;
  selectedIds: ReadonlySet<string>;
  expanded: ReadonlySet<string>;
}

export class ItemStore {
  private state: ItemState = { focusId: null, selectedIds: new Set(), expanded: new Set() };
  private readonly listeners = new Set<() => void>();
  get(): ItemState { return this.state; }
  set(next: ItemState): void {
    if (next.focusId === this.state.focusId && next.selectedIds === this.state.selectedIds && next.expanded === this.state.expanded) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  };
}

export const GraphItems = createContext<{ store: ItemStore; handlers: ItemHandlers } | null>(null);

function useGraphItems() {
  const context = useContext(GraphItems);
  if (!context) throw new Error('graph items are drawn inside GraphItems');
  return context;
}

const useSelected = (store: ItemStore, id: string) => useSyncExternalStore(store.subscribe, () => store.get().selectedIds.has(id), () => false);

/** A focusable item: its handlers, whether it is the tab stop or selected, and the focus it claims after each render. */
function useItem(id: string, ref: RefObject<HTMLDivElement | null>) {
  const { store, handlers } = useGraphItems();
  const tabStop = useSyncExternalStore(store.subscribe, () => store.get().focusId === id, () => false);
  const selected = useSelected(store, id);
  useEffect(() => handlers.claimFocus(id, ref.current));
  return { handlers, tabStop, selected, store };
}


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

export function CardNode({ node, box }: { node: GraphNode; box: Box }) {
  const ref = useRef<HTMLDivElement>(null);
  const { handlers, tabStop, selected, store } = useItem(node.id, ref);
  const expanded = useSyncExternalStore(store.subscribe, () => node.kind === 'group' && store.get().expanded.has(node.ref), () => false);
  return (
    <div
      ref={ref}
      role="button"
      data-item={node.id}
      data-graph-node=""
      tabIndex={tabStop ? 0 : -1}
      aria-label={describeNode(node, expanded)}
      aria-pressed={node.kind === 'group' ? expanded : selected}
      onKeyDown={(e) => handlers.onKey(node.id, e)}
      onFocus={() => handlers.onFocusItem(node.id)}
      onClick={() => handlers.onActivate(node.id)}
      style={{ left: box.x, top: box.y, width: box.width, height: box.height, borderColor: TONE[node.status], borderStyle: node.missing ? 'dashed' : 'solid', borderWidth: selected ? 3 : 2 }}
      className={`absolute cursor-pointer overflow-hidden rounded-md bg-white px-2 py-1 text-left leading-[18px] text-slate-900 dark:bg-slate-900 dark:text-slate-100 ${selected ? 'ring-2 ring-blue-500/40' : ''} ${FOCUS}`}
    >
      <div className="graph-secondary whitespace-nowrap text-[11px] uppercase tracking-wide text-slate-600 dark:text-slate-300">{kindLine(node)}</div>
      <div className="graph-name truncate font-mono text-[13px]" title={node.label}>{node.label}</div>
      {node.kind === 'group' && (
        <>
          <div className="graph-secondary whitespace-nowrap text-[11px] text-slate-700 dark:text-slate-200">{formatNumber(node.pods ?? 0)} pods{node.claims ? ` · ${formatNumber(node.claims)} claims` : ''} · {expanded ? '− collapse' : '+ expand'}</div>
          <div className="graph-secondary whitespace-nowrap text-[11px]"><span className="text-emerald-800 dark:text-emerald-300">✓ {node.counts?.['fs-backup'] ?? 0} fs-backup</span> · <span className="text-amber-800 dark:text-amber-300">⨯ {node.counts?.skip ?? 0} skip</span></div>
        </>
      )}
      {node.kind === 'pvc' && (node.sharedBy ?? 0) > 1 && <div className="graph-secondary text-[11px] font-semibold text-blue-800 dark:text-sky-300">shared by {node.sharedBy} pods</div>}
      {node.kind === 'pvc' && node.missing && (node.sharedBy ?? 0) <= 1 && <div className="graph-secondary text-[11px] font-semibold text-red-800 dark:text-red-300">claim does not exist</div>}
    </div>
  );
}

/** An edge's colour: its verdict, a group's mixed counts, or grey for "contains". */
export const edgeColour = (edge: GraphEdge): string => (edge.action === 'fs-backup' ? TONE['fs-backup'] : edge.action === 'skip' ? TONE.skip : edge.counts ? TONE.mixed : '#94a3b8');

/** The arrowheads, one per colour: `${prefix}-${index}`, index into ARROW_COLOURS. */
export const ARROW_COLOURS = [TONE['fs-backup'], TONE.skip, TONE.mixed, '#94a3b8'] as const;

export function EdgePath({ edge, points, arrows }: { edge: GraphEdge; points: Point[]; arrows: string }) {
  const selected = useSelected(useGraphItems().store, edge.id);
  if (points.length < 2) return null;
  const colour = edgeColour(edge);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  return (
    <path data-graph-edge="" d={path} fill="none" stroke={colour} strokeWidth={selected ? 3 : edge.kind === 'volume' ? 2 : 1} strokeDasharray={edge.action === 'skip' ? '6 4' : undefined}
      markerEnd={edge.kind === 'volume' ? `url(#${arrows}-${ARROW_COLOURS.indexOf(colour as (typeof ARROW_COLOURS)[number])})` : undefined} />
  );
}

export function EdgeLabel({ id, edge, label }: { id: string; edge: GraphEdge; label: Box & { text: string } }) {
  const ref = useRef<HTMLDivElement>(null);
  const { handlers, tabStop, selected } = useItem(id, ref);
  return (
    <div
      ref={ref}
      role="button"
      data-item={id}
      data-graph-label=""
      tabIndex={tabStop ? 0 : -1}
      aria-label={describeEdge(edge)}
      aria-pressed={selected}
      onKeyDown={(e) => handlers.onKey(id, e)}
      onFocus={() => handlers.onFocusItem(id)}
      onClick={() => handlers.onActivate(id)}
      style={{ left: label.x, top: label.y, width: label.width, height: label.height }}
      className={`graph-secondary absolute cursor-pointer whitespace-nowrap rounded border px-1.5 font-mono text-[11px] leading-[18px] ${selected ? 'border-blue-600 bg-blue-50 dark:bg-blue-950' : 'border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900'} text-slate-900 dark:text-slate-100 ${FOCUS}`}
    >
      {label.text}
    </div>
  );
}
