import { describe, expect, it } from 'vitest';
import { centerOn, defaultViewport, fitView, inView, zoomAround, ZOOM } from './viewport';

describe('graph viewport', () => {
  it('opens a small graph centred at a zoom of at least 1 and at most 1.25, a frame as tall as the graph', () => {
    expect(defaultViewport({ width: 400, height: 100 }, 1000)).toEqual({ viewport: { x: 250, y: 27.5, zoom: 1.25 }, height: 180 });
    expect(defaultViewport({ width: 400, height: 200 }, 1000)).toEqual({ viewport: { x: 300, y: 16, zoom: 1 }, height: 232 });
  });

  it('opens a graph too big for the frame at zoom 1 from the top-left, in a frame at most 560 px tall', () => {
    expect(defaultViewport({ width: 3000, height: 2000 }, 1000)).toEqual({ viewport: { x: 16, y: 16, zoom: 1 }, height: 560 });
  });

  it('zooms around a point, which stays where it is on screen, within the zoom limits', () => {
    const view = { x: 10, y: 20, zoom: 1 };
    const at = { x: 300, y: 200 };
    const zoomed = zoomAround(view, 1.5, at);
    const before = { x: (at.x - view.x) / view.zoom, y: (at.y - view.y) / view.zoom };
    expect((at.x - zoomed.x) / zoomed.zoom).toBeCloseTo(before.x);
    expect((at.y - zoomed.y) / zoomed.zoom).toBeCloseTo(before.y);
    expect(zoomAround({ x: 0, y: 0, zoom: 1.9 }, 2, at).zoom).toBe(ZOOM.max);
    expect(zoomAround({ x: 0, y: 0, zoom: 0.25 }, 0.5, at).zoom).toBe(ZOOM.min);
  });

  it('fits the whole drawing into the frame, centred, never above 1.25', () => {
    const frame = { width: 1000, height: 500 };
    const view = fitView({ width: 4000, height: 1000 }, frame);
    expect(inView({ x: 0, y: 0, width: 4000, height: 1000 }, view, frame)).toBe(true);
    expect(view.zoom).toBeCloseTo(0.225);
    expect(fitView({ width: 100, height: 100 }, frame).zoom).toBe(1.25);
  });

  it('centres a point and tells whether a box is in view', () => {
    const frame = { width: 800, height: 400 };
    const view = centerOn({ x: 1000, y: 500 }, frame, 1);
    expect(view).toEqual({ x: -600, y: -300, zoom: 1 });
    expect(inView({ x: 950, y: 480, width: 100, height: 40 }, view, frame)).toBe(true);
    expect(inView({ x: 0, y: 0, width: 100, height: 40 }, view, frame)).toBe(false);
  });
});
