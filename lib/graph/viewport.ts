// The graph's view, pure: where the drawing sits in its frame (pan) and at what zoom. The default view keeps the
// text legible (zoom ≥ 1: 13 px names and 11 px secondary text stay at least 12 px and 10.5 px on screen); the
// zoom buttons zoom around the frame's centre; "fit" shows all of it, never above 1.25.
import type { Box, Layout, Point } from './layout';

export interface Viewport { x: number; y: number; zoom: number }
export interface Size { width: number; height: number }

export const ZOOM = { min: 0.2, max: 2, fitMax: 1.25, step: 1.2 } as const;
const MIN_HEIGHT = 180;
const MAX_HEIGHT = 560;
const MARGIN = 16;

const clampZoom = (zoom: number) => Math.min(ZOOM.max, Math.max(ZOOM.min, zoom));

/** The default view and the frame's height: fit when the graph fits at zoom ≥ 1, else zoom 1 from the top-left (pan to see more). */
export function defaultViewport(layout: Pick<Layout, 'width' | 'height'>, width: number): { viewport: Viewport; height: number } {
  const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, layout.height + 2 * MARGIN));
  const fit = Math.min((width - 2 * MARGIN) / Math.max(1, layout.width), (height - 2 * MARGIN) / Math.max(1, layout.height));
  const zoom = Math.min(ZOOM.fitMax, Math.max(1, fit));
  const x = fit >= 1 ? (width - layout.width * zoom) / 2 : MARGIN;
  const y = layout.height * zoom <= height ? (height - layout.height * zoom) / 2 : MARGIN;
  return { viewport: { x, y, zoom }, height };
}

/** Zoom by `factor`, keeping the drawing's point under `at` (frame coordinates) where it is. */
export function zoomAround(view: Viewport, factor: number, at: Point): Viewport {
  const zoom = clampZoom(view.zoom * factor);
  const k = zoom / view.zoom;
  return { x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k, zoom };
}

/** All of the drawing in the frame, with `padding` (a fraction of the frame) around it. */
export function fitView(layout: Pick<Layout, 'width' | 'height'>, frame: Size, padding = 0.05): Viewport {
  const zoom = clampZoom(Math.min(ZOOM.fitMax, (frame.width * (1 - 2 * padding)) / Math.max(1, layout.width), (frame.height * (1 - 2 * padding)) / Math.max(1, layout.height)));
  return { x: (frame.width - layout.width * zoom) / 2, y: (frame.height - layout.height * zoom) / 2, zoom };
}

/** The view that puts the drawing's point `at` in the middle of the frame. */
export const centerOn = (at: Point, frame: Size, zoom: number): Viewport => ({ x: frame.width / 2 - at.x * zoom, y: frame.height / 2 - at.y * zoom, zoom });

/** Whether a box of the drawing is entirely inside the frame. */
export function inView(box: Box, view: Viewport, frame: Size): boolean {
  const left = view.x + box.x * view.zoom;
  const top = view.y + box.y * view.zoom;
  return left >= 0 && top >= 0 && left + box.width * view.zoom <= frame.width && top + box.height * view.zoom <= frame.height;
}
