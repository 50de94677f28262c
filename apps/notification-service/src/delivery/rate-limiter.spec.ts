import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it("lets one second's worth go at once, then perMinute/60 a second", () => {
    let t = 0;
    const limiter = new RateLimiter(120, () => t);
    expect(limiter.available()).toBe(2);
    limiter.take(2);
    expect(limiter.available()).toBe(0);
    expect(limiter.waitMs()).toBe(500);
    t += 500;
    expect(limiter.available()).toBe(1);
    t += 60_000;
    expect(limiter.available()).toBe(2);
  });

  it('0 is no limit', () => {
    const limiter = new RateLimiter(0);
    limiter.take(1_000_000);
    expect(limiter.available()).toBeGreaterThan(1_000_000);
    expect(limiter.waitMs()).toBe(0);
  });
});
