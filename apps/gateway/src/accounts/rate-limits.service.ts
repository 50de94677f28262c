import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../common/errors';

/**
 * Limits on the operations anyone can try: sign-in (per e-mail and per address) and survey-token
 * use (per address). Kept in each gateway process's memory.
 */
@Injectable()
export class RateLimitsService {
  private readonly loginPerEmail = new RateLimiterMemory({ keyPrefix: 'login-email', points: 10, duration: 15 * 60 });
  private readonly loginPerIp = new RateLimiterMemory({ keyPrefix: 'login-ip', points: 100, duration: 15 * 60 });
  private readonly tokenPerIp = new RateLimiterMemory({ keyPrefix: 'token-ip', points: 600, duration: 60 });

  async login(email: string, ip: string): Promise<void> {
    await this.consume(this.loginPerEmail, email.toLowerCase());
    await this.consume(this.loginPerIp, ip);
  }

  async tokenUse(ip: string): Promise<void> {
    await this.consume(this.tokenPerIp, ip);
  }

  private async consume(limiter: RateLimiterMemory, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new RateLimitedError(Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }
}
