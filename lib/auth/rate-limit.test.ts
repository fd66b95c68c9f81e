import { describe, expect, it } from 'vitest';
import { IntervalLimiter, WindowLimiter } from './rate-limit';

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

describe('the login limiter', () => {
  it('allows `limit` attempts per window per key, then says when the oldest one expires', () => {
    let now = 0;
    const limiter = new WindowLimiter(3, 60_000, 100, () => now);
    for (const at of [0, 1_000, 2_000]) {
      now = at;
      expect(limiter.take('10.0.0.1')).toEqual({ ok: true });
    }
    now = 30_000;
    expect(limiter.take('10.0.0.1')).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(limiter.take('10.0.0.2')).toEqual({ ok: true });
    now = 60_500;
    expect(limiter.take('10.0.0.1')).toEqual({ ok: true });
  });
});
