/**
 * A token bucket: `perMinute` mails a minute, at most one second's worth (at least one) at once.
 * 0 means no limit.
 */
export class RateLimiter {
  private tokens: number;
  private last = Date.now();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.capacity = perMinute === 0 ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(perMinute / 60));
    this.perMs = perMinute / 60_000;
    this.tokens = this.capacity;
    this.last = now();
  }

  private refill(): void {
    if (!Number.isFinite(this.capacity)) return;
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (t - this.last) * this.perMs);
    this.last = t;
  }

  /** How many may go now. */
  available(): number {
    this.refill();
    return Number.isFinite(this.tokens) ? Math.floor(this.tokens) : Number.MAX_SAFE_INTEGER;
  }

  take(n: number): void {
    this.refill();
    this.tokens -= n;
  }

  /** Returns tokens taken but not used. */
  giveBack(n: number): void {
    if (n <= 0 || !Number.isFinite(this.capacity)) return;
    this.refill();
    this.tokens = Math.min(this.capacity, this.tokens + n);
  }

  /** Milliseconds until the next one may go. */
  waitMs(): number {
    this.refill();
    if (this.tokens >= 1) return 0;
    return Math.ceil((1 - this.tokens) / this.perMs);
  }
}
