import { describe, expect, it } from 'vitest';
import { IntervalLimiter } from './rate-limit';

describe('the refresh limiter', () => {
  it('allows one action per key per interval and says when to retry', () => {
    let now = 0;
    const limiter = new IntervalLimiter(10_000, 100, () => now);
    expect(limiter.take('alice')).toEqual({ ok: true });
    now = 2_500;
    expect(limiter.take('alice')).toEqual({ ok: false, retryAfterSeconds: 8 });
    expect(limiter.take('bob')).toEqual({ ok: true });
    now = 10_000;
    expect(limiter.take('alice')).toEqual({ ok: true });
  });

  it('allows everything with a zero interval', () => {
    const limiter = new IntervalLimiter(0);
    expect([limiter.take('a'), limiter.take('a')]).toEqual([{ ok: true }, { ok: true }]);
  });

  it('keeps at most maxKeys keys, forgetting the oldest', () => {
    const limiter = new IntervalLimiter(10_000, 2, () => 0);
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('c').ok).toBe(false);
  });
});
