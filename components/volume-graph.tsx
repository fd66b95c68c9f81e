'use client';
// Namespace → PVC → pod graph (non-PVC volumes under their pod; big namespaces grouped by controller), laid
// out by ELK in a Web Worker and drawn as plain positioned elements: one SVG for the edges, a card per node, a
// button per edge label. Legible at its default view (zoom ≥ 1, so 13 px names and 11 px secondary text stay
// at least 12 px and 10.5 px); drag to pan, buttons to zoom; one tab stop, arrow keys between items, Enter or
// Space selects. Nothing can be moved, connected or deleted.
import { startTransition, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { GraphEdge, GraphNode } from '@/lib/api/types';
import type { Box, Layout } from '@/lib/graph/layout';
import { DIRECTION_KEYS, nearestInDirection } from '@/lib/graph/roving';
import { ZOOM, centerOn, defaultViewport, fitView, inView, zoomAround, type Viewport } from '@/lib/graph/viewport';
import { layoutGraph } from './graph/elk-layout';
import { ARROW_COLOURS, CardNode, EdgeLabel, EdgePath, GraphItems, ItemStore, type ItemHandlers } from './graph/graph-parts';

interface Props {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Selected node or edge id. */
  selectedIds: ReadonlySet<string>;
  expanded: ReadonlySet<string>;
  onSelect(node: GraphNode | null, edge: GraphEdge | null): void;
  onToggleGroup(ref: string): void;
}

const MIN_HEIGHT = 180;
/** A pointer that moves less than this between down and up clicked; more, it panned. */
const CLICK_SLOP = 3;
const DESCRIPTION = 'Graph items are buttons: arrow keys move between them, Enter or Space selects one (a group expands or collapses). Drag the background to pan; the zoom buttons zoom. Nothing can be moved or deleted.';
const CONTROL = 'flex h-8 w-8 items-center justify-center border-b border-slate-300 bg-white text-base font-semibold text-slate-900 last:border-b-0 hover:bg-slate-100 focus-visible:outline-[3px] focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700 dark:focus-visible:outline-sky-300';

function Graph({ nodes, edges, selectedIds, expanded, onSelect, onToggleGroup, layout, width }: Props & { layout: Layout; width: number }) {
  const ids = useId();
  const [focusId, setFocusId] = useState<string | null>(nodes[0]?.id ?? null);
  const initial = useMemo(() => defaultViewport(layout, width), [layout, width]);
  const height = initial.height;
  // The view opens at its default; it then stays where the user put it (an expanded group keeps the view).
  const [view, setView] = useState<Viewport>(initial.viewport);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const edgeById = useMemo(() => new Map(edges.map((e) => [e.id, e])), [edges]);
  const items = useMemo(() => {
    const boxes = new Map<string, Box>(layout.nodes);
    for (const [id, route] of layout.edges) if (route.label) boxes.set(id, route.label);
    return boxes;
  }, [layout]);
  const current = focusId && items.has(focusId) ? focusId : (nodes[0]?.id ?? null);
  const frame = useMemo(() => ({ width, height }), [width, height]);

  const activate = useCallback((id: string) => {
    const node = byId.get(id);
    if (node?.kind === 'group') onToggleGroup(node.ref);
    else if (node) onSelect(node, null);
    else onSelect(null, edgeById.get(id) ?? null);
  }, [byId, edgeById, onSelect, onToggleGroup]);

  // Focus moves after the render that made the item the tab stop.
  const pendingFocus = useRef<string | null>(null);
  const moveTo = useCallback((id: string) => {
    pendingFocus.current = id;
    setTimeout(() => { if (pendingFocus.current === id) pendingFocus.current = null; }, 1000);
    setFocusId(id);
    const box = items.get(id);
    if (box) setView((v) => (inView(box, v, frame) ? v : centerOn({ x: box.x + box.width / 2, y: box.y + box.height / 2 }, frame, v.zoom)));
  }, [items, frame]);

  // The items call the latest handlers through one stable object.
  const latest = useRef({ activate, moveTo, items, nodes });
  useLayoutEffect(() => { latest.current = { activate, moveTo, items, nodes }; });
  const handlers: ItemHandlers = useMemo(() => ({
    onFocusItem: setFocusId,
    claimFocus(id: string, element: HTMLElement | null) {
      if (pendingFocus.current === id && element && document.activeElement !== element) element.focus({ preventScroll: true });
    },
    onActivate: (id: string) => latest.current.activate(id),
    onKey(id: string, event: KeyboardEvent<HTMLElement>) {
      const { activate: act, moveTo: move, items: boxes, nodes: all } = latest.current;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        act(id);
        return;
      }
      const direction = DIRECTION_KEYS[event.key];
      const next = direction ? nearestInDirection(boxes, id, direction) : event.key === 'Home' ? (all[0]?.id ?? null) : null;
      if (direction || event.key === 'Home') event.preventDefault();
      if (next) move(next);
    },
  }), []);
  const [store] = useState(() => {
    const created = new ItemStore();
    created.set({ focusId: current, selectedIds, expanded });
    return created;
  });
  // Before the browser paints, so a focus move and the tab stop it makes are one frame.
  useLayoutEffect(() => { store.set({ focusId: current, selectedIds, expanded }); }, [store, current, selectedIds, expanded]);
  const itemsContext = useMemo(() => ({ store, handlers }), [store, handlers]);

  // Drag the background to pan; a press that does not move is a click on the background (clears the selection).
  const drag = useRef<{ pointer: number; x: number; y: number; view: Viewport; moved: boolean } | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || (e.target as HTMLElement).closest('[data-item], button')) return;
    drag.current = { pointer: e.pointerId, x: e.clientX, y: e.clientY, view, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
    d.moved = true;
    setView({ ...d.view, x: d.view.x + dx, y: d.view.y + dy });
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    drag.current = null;
    if (!d.moved) onSelect(null, null);
  };
  const zoomBy = (factor: number) => setView((v) => zoomAround(v, factor, { x: width / 2, y: height / 2 }));

  const drawnNodes = useMemo(() => nodes.map((n) => {
    const box = layout.nodes.get(n.id);
    return box ? <CardNode key={n.id} node={n} box={box} /> : null;
  }), [nodes, layout]);
  const drawnEdges = useMemo(() => edges.map((e) => <EdgePath key={e.id} edge={e} points={layout.edges.get(e.id)?.points ?? []} arrows={`${ids}-arrow`} />), [edges, layout, ids]);
  const drawnLabels = useMemo(() => edges.map((e) => {
    const label = layout.edges.get(e.id)?.label;
    return label ? <EdgeLabel key={e.id} id={e.id} edge={e} label={label} /> : null;
  }), [edges, layout]);
  const dot = 20 * view.zoom;

  return (
    <div
      data-testid="graph-frame" role="group" aria-label="Volume graph" aria-describedby={`${ids}-description`}
      onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={() => { drag.current = null; }}
      style={{ height, backgroundSize: `${dot}px ${dot}px`, backgroundPosition: `${view.x}px ${view.y}px` }}
      className="graph-frame relative w-full cursor-grab touch-none select-none overflow-hidden active:cursor-grabbing"
    >
      <p id={`${ids}-description`} className="sr-only">{DESCRIPTION}</p>
      <GraphItems.Provider value={itemsContext}>
        <div data-graph-viewport="" className="absolute left-0 top-0 origin-top-left" style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`, width: layout.width, height: layout.height }}>
          <svg aria-hidden="true" className="absolute left-0 top-0 overflow-visible" width={layout.width} height={layout.height}>
            <defs>
              {ARROW_COLOURS.map((colour, i) => (
                <marker key={colour} id={`${ids}-arrow-${i}`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                  <path d="M0,0 L10,5 L0,10 z" fill={colour} />
                </marker>
              ))}
            </defs>
            {drawnEdges}
          </svg>
          {drawnNodes}
          {drawnLabels}
        </div>
      </GraphItems.Provider>
      <div role="group" aria-label="Graph zoom controls" className="absolute bottom-3 left-3 flex flex-col overflow-hidden rounded border border-slate-300 shadow dark:border-slate-500">
        <button type="button" className={CONTROL} aria-label="Zoom in" title="Zoom in" disabled={view.zoom >= ZOOM.max} onClick={() => zoomBy(ZOOM.step)}>+</button>
        <button type="button" className={CONTROL} aria-label="Zoom out" title="Zoom out" disabled={view.zoom <= ZOOM.min} onClick={() => zoomBy(1 / ZOOM.step)}>−</button>
        <button type="button" className={CONTROL} aria-label="Fit the whole graph" title="Fit the whole graph" onClick={() => setView(fitView(layout, frame))}>⤢</button>
      </div>
    </div>
  );
}

export default function VolumeGraph(props: Props) {
  const { nodes, edges } = props;
  const [layout, setLayout] = useState<Layout | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [width, setWidth] = useState(0);
  const measure = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = measure.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    let cancelled = false;
    layoutGraph(nodes, edges)
      .then((result) => {
        // A transition: React renders the new graph in slices instead of one long task.
        if (!cancelled) startTransition(() => { setLayout(result); setFailed(null); });
      })
      .catch((error: unknown) => { if (!cancelled) setFailed(error instanceof Error ? error.message : String(error)); });
    return () => { cancelled = true; };
  }, [nodes, edges]);
  return (
    <div ref={measure} className="w-full">
      {failed && <p role="alert" className="p-4 text-sm">The graph could not be laid out ({failed}); the Volumes table below lists every verdict.</p>}
      {!failed && (!layout || width === 0) && <p role="status" className="p-4 text-sm" style={{ minHeight: MIN_HEIGHT }}>Laying out the graph…</p>}
      {!failed && layout && width > 0 && <Graph {...props} layout={layout} width={width} />}
    </div>
  );
}
