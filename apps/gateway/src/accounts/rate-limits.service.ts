import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterAbstract, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { RateLimitedError } from '../common/errors';
import { BatchedPostgresLimiter, LimitExceeded } from './batched-limiter';

/** How many colleague searches one account may make in a minute. */
export const COLLEAGUE_SEARCHES_PER_MINUTE = 60;

/**
 * Limits on the operations anyone can try: sign-in (per e-mail and per address) and survey-token
 * use (per address); and on a leader's colleague search (per account), which would otherwise read
 * the directory out a page at a time. Kept in PostgreSQL (`gateway.rate_limit`), so every gateway replica counts
 * against the same limits: a second replica is not a second set of attempts.
 */
@Injectable()
export class RateLimitsService {
  private readonly loginPerEmail: RateLimiterAbstract;
  private readonly loginPerIp: RateLimiterAbstract;
  /** A leader's colleague searches, per account (typing with a debounce makes about one a second at most). */
  private readonly colleagueSearchPerAccount: RateLimiterAbstract;
  /** On every survey request (the submitSurvey hot path): the uses of concurrent requests share one statement. */
  private readonly tokenPerIp: BatchedPostgresLimiter;

  constructor(@InjectDataSource() dataSource: DataSource) {
    // The table comes from a migration (1764100000001); expired rows are cleared every 5 minutes.
    const limiter = (keyPrefix: string, points: number, duration: number) =>
      new RateLimiterPostgres({
        storeClient: dataSource,
        storeType: 'typeorm',
        schemaName: 'gateway',
        tableName: 'rate_limit',
        tableCreated: true,
        keyPrefix,
        points,
        duration,
      });
    this.loginPerEmail = limiter('login-email', 10, 15 * 60);
    this.loginPerIp = limiter('login-ip', 100, 15 * 60);
    this.colleagueSearchPerAccount = limiter('colleague-search', COLLEAGUE_SEARCHES_PER_MINUTE, 60);
    this.tokenPerIp = new BatchedPostgresLimiter(() => (dataSource.driver as unknown as { master: Pool }).master, {
      table: '"gateway"."rate_limit"',
      keyPrefix: 'token-ip',
      points: 600,
      duration: 60,
    });
  }

  async login(email: string, ip: string): Promise<void> {
    await this.consume(this.loginPerEmail, email.toLowerCase());
    await this.consume(this.loginPerIp, ip);
  }

  /** One search of the directory by a leader (not HR's own directory queries). */
  colleagueSearch(accountId: string): Promise<void> {
    return this.consume(this.colleagueSearchPerAccount, accountId);
  }

  async tokenUse(ip: string): Promise<void> {
    try {
      await this.tokenPerIp.consume(ip);
    } catch (error) {
      if (error instanceof LimitExceeded) throw new RateLimitedError(Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }

  private async consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new RateLimitedError(Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }
}
