'use client';
// Namespace → PVC → pod graph (non-PVC volumes under their pod; big namespaces grouped by controller), laid
// out by ELK in a Web Worker. Legible at its default view (zoom ≥ 1, so 13 px names and 11 px secondary text
// stay at least 12 px and 10.5 px); one tab stop, arrow keys between items, Enter or Space selects.
import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { GraphEdge, GraphNode } from '@/lib/api/types';
import type { Box, Layout } from '@/lib/graph/layout';
import { DIRECTION_KEYS, nearestInDirection } from '@/lib/graph/roving';
import { layoutGraph } from './graph/elk-layout';
import { CardNode, RoutedEdge, TONE, type CardData, type ItemHandlers, type RoutedData } from './graph/graph-parts';

interface Props {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Selected node or edge id. */
  selectedIds: ReadonlySet<string>;
  expanded: ReadonlySet<string>;
  onSelect(node: GraphNode | null, edge: GraphEdge | null): void;
  onToggleGroup(ref: string): void;
}

const nodeTypes = { card: CardNode };
const edgeTypes = { routed: RoutedEdge };
const MIN_HEIGHT = 180;
const MAX_HEIGHT = 560;
const MARGIN = 16;

const ARIA = {
  'node.a11yDescription.default': 'Graph items are buttons: arrow keys move between them, Enter or Space selects one (a group expands or collapses). Nothing can be moved or deleted.',
  'node.a11yDescription.keyboardDisabled': 'Graph items are buttons: arrow keys move between them, Enter or Space selects one (a group expands or collapses). Nothing can be moved or deleted.',
  'edge.a11yDescription.default': 'A volume edge: Enter or Space selects the volume.',
  'controls.ariaLabel': 'Graph zoom controls',
};

/** The default view: fit when the graph fits at zoom ≥ 1, else zoom 1 from the top-left (pan to see more). */
export function defaultViewport(layout: Pick<Layout, 'width' | 'height'>, width: number): { viewport: Viewport; height: number } {
  const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, layout.height + 2 * MARGIN));
  const fit = Math.min((width - 2 * MARGIN) / Math.max(1, layout.width), (height - 2 * MARGIN) / Math.max(1, layout.height));
  const zoom = Math.min(1.25, Math.max(1, fit));
  const x = fit >= 1 ? (width - layout.width * zoom) / 2 : MARGIN;
  const y = layout.height * zoom <= height ? (height - layout.height * zoom) / 2 : MARGIN;
  return { viewport: { x, y, zoom }, height };
}

function Graph({ nodes, edges, selectedIds, expanded, onSelect, onToggleGroup, layout, width }: Props & { layout: Layout; width: number }) {
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [focusId, setFocusId] = useState<string | null>(nodes[0]?.id ?? null);
  const { viewport, height } = useMemo(() => defaultViewport(layout, width), [layout, width]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const edgeById = useMemo(() => new Map(edges.map((e) => [e.id, e])), [edges]);
  const items = useMemo(() => {
    const boxes = new Map<string, Box>(layout.nodes);
    for (const [id, route] of layout.edges) if (route.label) boxes.set(id, route.label);
    return boxes;
  }, [layout]);
  const current = focusId && items.has(focusId) ? focusId : (nodes[0]?.id ?? null);

  const activate = useCallback((id: string) => {
    const node = byId.get(id);
    if (node?.kind === 'group') onToggleGroup(node.ref);
    else if (node) onSelect(node, null);
    else onSelect(null, edgeById.get(id) ?? null);
  }, [byId, edgeById, onSelect, onToggleGroup]);

  // Focus moves after the render that made the item the tab stop (items may be re-created by that render).
  const pendingFocus = useRef<string | null>(null);
  const moveTo = useCallback((id: string) => {
    pendingFocus.current = id;
    // React Flow may re-create an item in a later render: the item claims focus whenever it renders (see
    // claimFocus) until the move has settled.
    setTimeout(() => { if (pendingFocus.current === id) pendingFocus.current = null; }, 1000);
    setFocusId(id);
    const box = items.get(id);
    const element = wrapper.current?.querySelector<HTMLElement>(`[data-item="${CSS.escape(id)}"]`);
    const frame = wrapper.current?.getBoundingClientRect();
    const rect = element?.getBoundingClientRect();
    if (box && frame && (!rect || rect.left < frame.left || rect.right > frame.right || rect.top < frame.top || rect.bottom > frame.bottom)) {
      void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: flow.getZoom() });
    }
  }, [flow, items]);
  const handlers: ItemHandlers = useMemo(() => ({
    focusId: current,
    onFocusItem: setFocusId,
    claimFocus(id: string, element: HTMLElement | null) {
      if (pendingFocus.current === id && element && document.activeElement !== element) element.focus({ preventScroll: true });
    },
    onActivate: activate,
    onKey(id: string, event: KeyboardEvent<HTMLElement>) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        activate(id);
        return;
      }
      const direction = DIRECTION_KEYS[event.key];
      const next = direction ? nearestInDirection(items, id, direction) : event.key === 'Home' ? (nodes[0]?.id ?? null) : null;
      if (direction || event.key === 'Home') event.preventDefault();
      if (next) moveTo(next);
    },
  }), [current, activate, items, nodes, moveTo]);

  const flowNodes = useMemo<Node<CardData>[]>(() => nodes.map((n) => {
    const box = layout.nodes.get(n.id) ?? { x: 0, y: 0, width: 150, height: 50 };
    return {
      id: n.id, type: 'card', position: { x: box.x, y: box.y }, width: box.width, height: box.height,
      data: { node: n, selected: selectedIds.has(n.id), expanded: n.kind === 'group' && expanded.has(n.ref), handlers },
      style: { width: box.width, height: box.height }, draggable: false, selectable: false, focusable: false, connectable: false,
    };
  }), [nodes, layout, selectedIds, expanded, handlers]);

  const flowEdges = useMemo<Edge<RoutedData>[]>(() => edges.map((e) => {
    const colour = e.action === 'fs-backup' ? TONE['fs-backup'] : e.action === 'skip' ? TONE.skip : e.counts ? TONE.mixed : '#94a3b8';
    const route = layout.edges.get(e.id) ?? { points: [], label: null };
    return {
      id: e.id, source: e.source, target: e.target, type: 'routed', focusable: false, selectable: false,
      data: { edge: e, points: route.points, label: route.label, selected: selectedIds.has(e.id), handlers },
      style: { stroke: colour, strokeWidth: e.kind === 'volume' ? 2 : 1, strokeDasharray: e.action === 'skip' ? '6 4' : undefined },
      markerEnd: e.kind === 'volume' ? { type: MarkerType.ArrowClosed, color: colour } : undefined,
    };
  }), [edges, layout, selectedIds, handlers]);

  return (
    <div ref={wrapper} style={{ height }} className="w-full" data-testid="graph-frame">
      <ReactFlow
        nodes={flowNodes} edges={flowEdges} nodeTypes={nodeTypes} edgeTypes={edgeTypes}
        defaultViewport={viewport} minZoom={0.2} maxZoom={2}
        nodesDraggable={false} nodesConnectable={false} nodesFocusable={false} edgesFocusable={false} elementsSelectable={false}
        deleteKeyCode={null} selectionKeyCode={null} multiSelectionKeyCode={null} disableKeyboardA11y
        zoomOnScroll={false} preventScrolling={false} zoomOnDoubleClick={false}
        colorMode="system" ariaLabelConfig={ARIA}
        onNodeClick={(_, node) => activate(node.id)}
        onPaneClick={() => onSelect(null, null)}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} fitViewOptions={{ maxZoom: 1.25, padding: 0.05 }} />
      </ReactFlow>
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
      .then((result) => { if (!cancelled) { setLayout(result); setFailed(null); } })
      .catch((error: unknown) => { if (!cancelled) setFailed(error instanceof Error ? error.message : String(error)); });
    return () => { cancelled = true; };
  }, [nodes, edges]);
  return (
    <div ref={measure} className="w-full">
      {failed && <p role="alert" className="p-4 text-sm">The graph could not be laid out ({failed}); the Volumes table below lists every verdict.</p>}
      {!failed && (!layout || width === 0) && <p role="status" className="p-4 text-sm" style={{ minHeight: MIN_HEIGHT }}>Laying out the graph…</p>}
      {!failed && layout && width > 0 && (
        <ReactFlowProvider>
          <Graph {...props} layout={layout} width={width} />
        </ReactFlowProvider>
      )}
    </div>
  );
}
