// Arrow-key movement between graph items by position: the nearest item in the pressed direction, preferring
// items in line with the current one.
import type { Box } from './layout';

export type Direction = 'left' | 'right' | 'up' | 'down';

export const DIRECTION_KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

const center = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

export function nearestInDirection(items: ReadonlyMap<string, Box>, from: string, direction: Direction): string | null {
  const origin = items.get(from);
  if (!origin) return null;
  const o = center(origin);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const [id, box] of items) {
    if (id === from) continue;
    const c = center(box);
    const along = direction === 'right' ? c.x - o.x : direction === 'left' ? o.x - c.x : direction === 'down' ? c.y - o.y : o.y - c.y;
    const across = direction === 'left' || direction === 'right' ? Math.abs(c.y - o.y) : Math.abs(c.x - o.x);
    if (along <= 1) continue;
    const score = along + across * 2;
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}
