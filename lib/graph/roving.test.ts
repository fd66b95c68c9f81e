import { describe, expect, it } from 'vitest';
import { nearestInDirection } from './roving';

// ns → two claims stacked → one pod to their right.
const items = new Map([
  ['ns:shop', { x: 0, y: 50, width: 100, height: 40 }],
  ['pvc:data', { x: 200, y: 0, width: 100, height: 40 }],
  ['pvc:cache', { x: 200, y: 100, width: 100, height: 40 }],
  ['pod:redis-0', { x: 400, y: 100, width: 100, height: 40 }],
]);

describe('arrow keys in the graph', () => {
  it('moves right to the nearest item, preferring the one in line', () => {
    expect(nearestInDirection(items, 'pvc:cache', 'right')).toBe('pod:redis-0');
    expect(nearestInDirection(items, 'pod:redis-0', 'left')).toBe('pvc:cache');
  });

  it('moves up and down within a column', () => {
    expect(nearestInDirection(items, 'pvc:data', 'down')).toBe('pvc:cache');
    expect(nearestInDirection(items, 'pvc:cache', 'up')).toBe('pvc:data');
  });

  it('stays put at the edge of the graph', () => {
    expect(nearestInDirection(items, 'ns:shop', 'left')).toBeNull();
    expect(nearestInDirection(items, 'missing', 'left')).toBeNull();
  });
});
