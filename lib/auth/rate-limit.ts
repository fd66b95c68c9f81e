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
