import { notificationConfigFromEnv } from './config';
import { classifySmtpError } from './delivery/smtp-sender';

const base = { PUBLIC_URL: 'https://feedback.example.com/', LEADERSCOPE_SECRET: 'a-long-enough-secret-123' };

describe('notification settings', () => {
  it('reads SMTP_URL, MAIL_FROM, PUBLIC_URL and the rate limit', () => {
    const config = notificationConfigFromEnv({
      ...base,
      SMTP_URL: 'smtps://user:pass@mail.example.com:465',
      MAIL_FROM: 'HR <hr@example.com>',
      MAIL_RATE_PER_MINUTE: '120',
    });
    expect(config).toMatchObject({
      smtpUrl: 'smtps://user:pass@mail.example.com:465',
      mailFrom: 'HR <hr@example.com>',
      publicUrl: 'https://feedback.example.com',
      ratePerMinute: 120,
    });
    expect(notificationConfigFromEnv(base).smtpUrl).toBeNull();
  });

  it('refuses a bad value, naming the variable', () => {
    expect(() => notificationConfigFromEnv({ ...base, SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
    expect(() => notificationConfigFromEnv({ LEADERSCOPE_SECRET: base.LEADERSCOPE_SECRET })).toThrow(/PUBLIC_URL/);
    expect(() => notificationConfigFromEnv({ ...base, MAIL_RATE_PER_MINUTE: 'fast' })).toThrow(/MAIL_RATE_PER_MINUTE/);
    expect(() => notificationConfigFromEnv({ PUBLIC_URL: base.PUBLIC_URL })).toThrow(/LEADERSCOPE_SECRET/);
  });

  it('a 5xx is final, a 4xx or a lost connection is retried', () => {
    expect(classifySmtpError({ responseCode: 550, response: '550 5.1.1 Mailbox unavailable' })).toEqual({
      status: 'failed',
      reason: '550 5.1.1 Mailbox unavailable',
    });
    expect(classifySmtpError({ responseCode: 451, response: '451 Try again later' }).status).toBe('deferred');
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:2525' })).toEqual({
      status: 'deferred',
      reason: 'ECONNECTION: connect ECONNREFUSED 127.0.0.1:2525',
    });
  });
});
