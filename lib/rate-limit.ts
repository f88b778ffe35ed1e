/**
 * A sliding-window limiter: at most `limit` hits per key within `windowMs`. Pure apart from the
 * clock it is given, so tests drive time. It lives in one process's memory: right for one app
 * server; several servers behind a balancer each count their own share (documented in the README).
 */
export interface LimitDecision {
  allowed: boolean;
  /** When allowed is false: how long until the oldest hit leaves the window. */
  retryAfterMs: number;
}

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  hit(key: string): LimitDecision {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((h) => t - h < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterMs: this.windowMs - (t - recent[0]!) };
    }
    recent.push(t);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.sweep(t); // bounded memory under a spray of keys
    return { allowed: true, retryAfterMs: 0 };
  }

  /** Would a hit be refused now? Counts nothing (for limits that count only failures). */
  peek(key: string): LimitDecision {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((h) => t - h < this.windowMs);
    return recent.length >= this.limit
      ? { allowed: false, retryAfterMs: this.windowMs - (t - recent[0]!) }
      : { allowed: true, retryAfterMs: 0 };
  }

  /** Forget a key (after a successful sign-in, its failures no longer count). */
  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(t: number): void {
    for (const [key, list] of this.hits) if (list.every((h) => t - h >= this.windowMs)) this.hits.delete(key);
  }
}
