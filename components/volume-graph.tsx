'use client';
// Namespace → PVC → pod graph (non-PVC volumes under their pod), laid out left to right by ELK's layered
// algorithm. Every volume edge is labelled with its volume, verdict and reason; skip edges are dashed.
import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import ELK from 'elkjs/lib/elk.bundled.js';
import { useEffect, useMemo, useState } from 'react';
import type { GraphEdge, GraphNode } from '@/lib/api/types';

const SIZE: Record<GraphNode['kind'], { width: number; height: number }> = {
  namespace: { width: 150, height: 44 },
  pvc: { width: 210, height: 52 },
  pod: { width: 220, height: 52 },
  volume: { width: 190, height: 40 },
};
const TONE: Record<GraphNode['status'], string> = { 'fs-backup': '#059669', skip: '#d97706', mixed: '#2563eb', none: '#64748b' };
const STATUS_TEXT: Record<GraphNode['status'], string> = { 'fs-backup': 'all fs-backup', skip: 'all skip', mixed: 'some skipped', none: 'no volumes' };
const KIND_TEXT: Record<GraphNode['kind'], string> = { namespace: 'namespace', pvc: 'PVC', pod: 'pod', volume: 'volume' };

interface Props {
  nodes: GraphNode[];
  edges: GraphEdge[];
  selectedId: string | null;
  onSelect(node: GraphNode | null, edge: GraphEdge | null): void;
}

function label(node: GraphNode) {
  return (
    <div className="text-left leading-tight">
      <div className="text-[10px] uppercase tracking-wide text-slate-500">{KIND_TEXT[node.kind]} · {STATUS_TEXT[node.status]}{node.missing ? ' · missing' : ''}</div>
      <div className="truncate font-mono text-xs">{node.label}</div>
      {node.kind === 'pvc' && (node.sharedBy ?? 0) > 1 && <div className="text-[10px] font-semibold text-blue-700">shared by {node.sharedBy} pods</div>}
    </div>
  );
}

export default function VolumeGraph({ nodes, edges, selectedId, onSelect }: Props) {
  const [positions, setPositions] = useState<Map<string, { x: number; y: number }> | null>(null);
  useEffect(() => {
    let cancelled = false;
    const elk = new ELK();
    elk
      .layout({
        id: 'root',
        layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.layered.spacing.nodeNodeBetweenLayers': '220', 'elk.spacing.nodeNode': '28', 'elk.spacing.edgeLabel': '4' },
        children: nodes.map((n) => ({ id: n.id, ...SIZE[n.kind] })),
        edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
      })
      .then((layout) => {
        if (!cancelled) setPositions(new Map((layout.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }])));
      })
      .catch(() => setPositions(new Map()));
    return () => {
      cancelled = true;
    };
  }, [nodes, edges]);

  const flowNodes = useMemo<Node[]>(() => nodes.map((n) => ({
    id: n.id,
    position: positions?.get(n.id) ?? { x: 0, y: 0 },
    data: { label: label(n) },
    selected: n.id === selectedId,
    ariaLabel: `${KIND_TEXT[n.kind]} ${n.label}, ${STATUS_TEXT[n.status]}`,
    sourcePosition: 'right' as Node['sourcePosition'],
    targetPosition: 'left' as Node['targetPosition'],
    style: { ...SIZE[n.kind], borderColor: TONE[n.status], borderWidth: n.id === selectedId ? 3 : 1.5, borderStyle: n.missing ? 'dashed' : 'solid', padding: 6, borderRadius: 6, background: 'var(--node-bg, white)' },
  })), [nodes, positions, selectedId]);

  const flowEdges = useMemo<Edge[]>(() => edges.map((e) => {
    const colour = e.action === 'fs-backup' ? TONE['fs-backup'] : e.action === 'skip' ? TONE.skip : '#94a3b8';
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      label: e.kind === 'volume' ? `${e.volume}: ${e.action} · ${e.reason}` : undefined,
      labelStyle: { fontSize: 10, fontFamily: 'monospace' },
      labelBgStyle: { fillOpacity: 0.85 },
      style: { stroke: colour, strokeWidth: e.kind === 'volume' ? 2 : 1, strokeDasharray: e.action === 'skip' ? '6 4' : undefined },
      markerEnd: e.kind === 'volume' ? { type: MarkerType.ArrowClosed, color: colour } : undefined,
    };
  }), [edges]);

  if (!positions) return <p role="status" className="p-4 text-sm">Laying out the graph…</p>;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edgeById = new Map(edges.map((e) => [e.id, e]));
  return (
    <ReactFlow
      nodes={flowNodes}
      edges={flowEdges}
      fitView
      minZoom={0.05}
      nodesDraggable={false}
      nodesConnectable={false}
      onNodeClick={(_, node) => onSelect(byId.get(node.id) ?? null, null)}
      onEdgeClick={(_, edge) => onSelect(null, edgeById.get(edge.id) ?? null)}
      onPaneClick={() => onSelect(null, null)}
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
