import { Pool, QueryConfig } from 'pg';

/** A refused use: how long until the window resets. */
export class LimitExceeded {
  constructor(readonly msBeforeNext: number) {}
}

interface Waiting {
  key: string;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * A fixed-window counter in PostgreSQL (`gateway.rate_limit`), for a limit checked on every request
 * of a hot path (survey-token use). Same table, key format (`<prefix>:<key>`) and arithmetic as
 * rate-limiter-flexible's `RateLimiterPostgres` (its upsert, for many keys at once): a window of
 * `duration` seconds starts at a key's first use, every use adds a point, and a use that takes the
 * count past `points` is refused until the window ends. Refused uses count too, as in the library.
 *
 * The difference is the round trip: rate-limiter-flexible sends one upsert per use; here the uses
 * of one turn of the event loop, and those that arrive while `maxInFlight` statements are out, go
 * together in ONE statement (one row per key, its uses summed), so under load the limiter costs one
 * round trip per batch, and a lone request still goes at once. Each use learns its own place in its key's count, so the
 * outcome per use is what one upsert per use would have given in the same order.
 */
export class BatchedPostgresLimiter {
  /** Statements in flight at most; uses arriving meanwhile wait and go together in the next one. */
  static maxInFlight = 4;
  private queue: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly upsert: QueryConfig;

  constructor(
    private readonly pool: () => Pool,
    private readonly options: { table: string; keyPrefix: string; points: number; duration: number },
  ) {
    this.upsert = {
      name: `batched-limiter-${options.keyPrefix}`,
      text: `INSERT INTO ${options.table} AS r (key, points, expire)
             SELECT key, uses, $3::bigint FROM unnest($1::text[], $2::int[]) AS t(key, uses)
             ON CONFLICT (key) DO UPDATE SET
               points = CASE WHEN r.expire <= $4::bigint THEN EXCLUDED.points ELSE r.points + EXCLUDED.points END,
               expire = CASE WHEN r.expire <= $4::bigint THEN EXCLUDED.expire ELSE r.expire END
             RETURNING key, points, expire`,
    };
  }

  /** Counts one use of `key`; rejects with `LimitExceeded` when it is over the limit. */
  consume(key: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ key: `${this.options.keyPrefix}:${key}`, resolve, reject });
      // The uses of the same turn of the event loop go together; then as many as arrive while
      // `maxInFlight` statements are out.
      if (!this.scheduled && this.inFlight < BatchedPostgresLimiter.maxInFlight) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    if (this.queue.length === 0 || this.inFlight >= BatchedPostgresLimiter.maxInFlight) return;
    const batch = this.queue;
    this.queue = [];
    this.inFlight++;
    this.write(batch)
      .catch((error: unknown) => {
        for (const one of batch) one.reject(error);
      })
      .finally(() => {
        this.inFlight--;
        this.flush();
      });
  }

  private async write(batch: Waiting[]): Promise<void> {
    const uses = new Map<string, Waiting[]>();
    for (const one of batch) {
      const list = uses.get(one.key);
      if (list) list.push(one);
      else uses.set(one.key, [one]);
    }
    const now = Date.now();
    // Sorted: concurrent statements lock shared keys' rows in the same order (no deadlock).
    const keys = [...uses.keys()].sort();
    const { rows } = await this.pool().query<{ key: string; points: number; expire: string | null }>({
      ...this.upsert,
      values: [keys, keys.map((k) => uses.get(k)!.length), now + this.options.duration * 1000, now],
    });
    const answered = Date.now();
    for (const row of rows) {
      const waiting = uses.get(row.key)!;
      const msBeforeNext = row.expire === null ? -1 : Math.max(Number(row.expire) - answered, 0);
      // The count before this batch's uses of the key, then one point per use, in arrival order.
      const before = row.points - waiting.length;
      waiting.forEach((one, i) => {
        if (before + i + 1 > this.options.points) one.reject(new LimitExceeded(msBeforeNext));
        else one.resolve();
      });
      uses.delete(row.key);
    }
    for (const left of uses.values()) for (const one of left) one.reject(new Error('the rate limit was not counted'));
  }
}
