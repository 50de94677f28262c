/**
 * The survey-token limit on a real PostgreSQL: the uses of concurrent requests share one statement,
 * and each use gets what one rate-limiter-flexible upsert per use would have given (the same table,
 * key and window arithmetic, so the library's limiters and this one count the same rows).
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { TestGateway } from '../test-support/test-gateway';
import { BatchedPostgresLimiter, LimitExceeded } from './batched-limiter';
import { RateLimitsService } from './rate-limits.service';

describe('batched survey-token limit', () => {
  let gw: TestGateway;
  let statements: string[];
  let limiter: (points: number, duration?: number) => BatchedPostgresLimiter;

  beforeAll(async () => {
    gw = await TestGateway.start();
    const pool = (gw.dataSource.driver as unknown as { master: Pool }).master;
    statements = [];
    // Counts the limiter's statements (the pool is the gateway's own).
    const counting = new Proxy(pool, {
      get(target, prop, receiver) {
        if (prop === 'query')
          return (config: { text: string }, ...rest: unknown[]) => {
            statements.push(config.text);
            return (target.query as (...a: unknown[]) => unknown).call(target, config, ...rest);
          };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    limiter = (points, duration = 60) =>
      new BatchedPostgresLimiter(() => counting, { table: '"gateway"."rate_limit"', keyPrefix: `test-${randomUUID()}`, points, duration });
  }, 120000);

  afterAll(async () => {
    await gw?.stop();
  });

  const settle = (uses: Promise<void>[]) =>
    Promise.allSettled(uses).then((all) => ({
      accepted: all.filter((r) => r.status === 'fulfilled').length,
      refused: all.filter((r) => r.status === 'rejected' && r.reason instanceof LimitExceeded).length,
    }));

  it('lets exactly `points` uses of one key through in a window, however they are batched, in far fewer statements', async () => {
    const ten = limiter(10);
    statements.length = 0;
    const first = await settle(Array.from({ length: 14 }, () => ten.consume('10.0.0.1')));
    expect(first).toEqual({ accepted: 10, refused: 4 });
    expect(statements.length).toBeLessThan(14);
    // The refused uses counted too (as in the library): the key stays refused for the window.
    expect(await settle([ten.consume('10.0.0.1')])).toEqual({ accepted: 0, refused: 1 });
    // Other keys have their own count, also when they share a statement.
    expect(await settle([...Array.from({ length: 3 }, () => ten.consume('10.0.0.2')), ten.consume('10.0.0.3')])).toEqual({
      accepted: 4,
      refused: 0,
    });
  });

  it('refuses with the time left in the window, and starts a new window once it ends', async () => {
    const two = limiter(2, 1);
    expect(await settle([two.consume('a'), two.consume('a')])).toEqual({ accepted: 2, refused: 0 });
    const refused = await two.consume('a').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LimitExceeded);
    expect((refused as LimitExceeded).msBeforeNext).toBeGreaterThan(0);
    expect((refused as LimitExceeded).msBeforeNext).toBeLessThanOrEqual(1000);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await settle([two.consume('a'), two.consume('a'), two.consume('a')])).toEqual({ accepted: 2, refused: 1 });
  });

  it("counts the same rows as rate-limiter-flexible's RateLimiterPostgres", async () => {
    const keyPrefix = `test-${randomUUID()}`;
    const library = new RateLimiterPostgres({
      storeClient: gw.dataSource,
      storeType: 'typeorm',
      schemaName: 'gateway',
      tableName: 'rate_limit',
      tableCreated: true,
      keyPrefix,
      points: 5,
      duration: 60,
    });
    const batched = new BatchedPostgresLimiter(() => (gw.dataSource.driver as unknown as { master: Pool }).master, {
      table: '"gateway"."rate_limit"',
      keyPrefix,
      points: 5,
      duration: 60,
    });
    await library.consume('k');
    await library.consume('k');
    expect(await settle([batched.consume('k'), batched.consume('k'), batched.consume('k'), batched.consume('k')])).toEqual({
      accepted: 3,
      refused: 1,
    });
    await expect(library.consume('k')).rejects.toMatchObject({ consumedPoints: 7 });
  });

  it('is what survey links count against: the 601st use from one address in a minute is RATE_LIMITED', async () => {
    const limits = gw.get(RateLimitsService);
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const all = await Promise.allSettled(Array.from({ length: 601 }, () => limits.tokenUse(ip)));
    const refused = all.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
  });
});
