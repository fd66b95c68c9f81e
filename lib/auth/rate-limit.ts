// At most one expensive action per key per interval (refresh=1 rescans the whole cluster).
export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

export class IntervalLimiter {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): Taken {
    if (this.intervalMs <= 0) return { ok: true };
    const at = this.now();
    const previous = this.last.get(key);
    if (previous !== undefined && at - previous < this.intervalMs) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((this.intervalMs - (at - previous)) / 1000)) };
    }
    this.last.delete(key);
    if (this.last.size >= this.maxKeys) this.last.delete(this.last.keys().next().value as string);
    this.last.set(key, at);
    return { ok: true };
  }
}

/** At most `limit` actions per key in any `windowMs` (login attempts per client address). */
export class WindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): Taken {
    const at = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => at - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((this.windowMs - (at - (recent[0] as number))) / 1000)) };
    }
    recent.push(at);
    this.hits.delete(key);
    if (this.hits.size >= this.maxKeys) this.hits.delete(this.hits.keys().next().value as string);
    this.hits.set(key, recent);
    return { ok: true };
  }
}
