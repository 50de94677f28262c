/** Delivery is exact: an SMTP outage delays and loses nothing, a 5xx marks the mail failed with the server's reason, sending keeps to the rate limit. */
import { eventually } from '@leaderscope/testing';
import { Harness, harness, invitation } from './support';

describe('notification service: SMTP failures and rate limit', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('SMTP down, then up: mails are deferred (retrying), then every mail arrives exactly once', async () => {
    h = await harness();
    await h.sink!.down();
    const invited = Array.from({ length: 10 }, (_, i) => invitation('cycle-outage', i));
    await h.publish(invited.map((x) => x.envelope));
    await eventually('every mail deferred at least twice', async () => {
      const latest = [...h.latest().values()];
      return latest.length === 10 && latest.every((d) => d.status === 'deferred' && d.attempts >= 2);
    });
    const deferred = [...h.latest().values()][0];
    expect(deferred.reason).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
    expect(h.sink!.received).toHaveLength(0);
    await h.sink!.up();
    await eventually('10 sent', async () => [...h.latest().values()].filter((d) => d.status === 'sent').length === 10, 30000);
    await new Promise((r) => setTimeout(r, 1000));
    for (const x of invited) expect(h.sink!.to(x.email)).toHaveLength(1);
    expect(h.sink!.received).toHaveLength(10);
  });

  it('a temporary refusal (451) is retried; a permanent one (550) marks the mail failed with the SMTP reason and is not retried', async () => {
    h = await harness();
    h.sink!.setMode('tempfail');
    const soft = invitation('cycle-codes', 1);
    await h.publish([soft.envelope]);
    await eventually('deferred with 451', async () => h.latest().get([...h.latest().keys()][0])?.status === 'deferred');
    expect([...h.latest().values()][0].reason).toMatch(/451/);
    h.sink!.setMode('reject', /rater2@/);
    const hard = invitation('cycle-codes', 2);
    await h.publish([hard.envelope]);
    const failed = await eventually('failed', async () =>
      [...h.latest().values()].find((d) => d.assignmentId === hard.assignmentId && d.status === 'failed'),
    );
    expect(failed.reason).toMatch(/550/);
    // The 451 one goes through once the server takes mail again; the 550 one is never tried again.
    await eventually(
      'soft one sent',
      async () => [...h.latest().values()].find((d) => d.assignmentId === soft.assignmentId)?.status === 'sent',
    );
    const attempts = failed.attempts;
    await new Promise((r) => setTimeout(r, 1000));
    const [row] = await h.sql<{ attempts: number; status: string }>(
      `SELECT attempts, status FROM notification.mail WHERE assignment_id = $1`,
      [hard.assignmentId],
    );
    expect(row).toEqual({ attempts, status: 'failed' });
    expect(h.sink!.to(hard.email)).toHaveLength(0);
    expect(h.sink!.to(soft.email)).toHaveLength(1);
  });

  it('keeps to MAIL_RATE_PER_MINUTE', async () => {
    // 120 a minute: a burst of 2, then one every half second. Ten mails cannot all be sent
    // within 4 s of the first, and without the limit they would all go within about a second.
    h = await harness({ config: { ratePerMinute: 120 } });
    const invited = Array.from({ length: 10 }, (_, i) => invitation('cycle-rate', i));
    const publishedAt = Date.now();
    await h.publish(invited.map((x) => x.envelope));
    await eventually('10 mails', async () => h.sink!.received.length >= 10, 30000);
    const times = h.sink!.received.map((m) => m.receivedAt.getTime()).sort((a, b) => a - b);
    // Measured from the publication, which comes before the first send: a slow first delivery
    // (a loaded machine) cannot shorten it, as it could the span between the first and last arrival.
    expect(times[9] - publishedAt).toBeGreaterThanOrEqual(3800);
    // The dispatcher sends a batch only after the previous one was delivered, and a batch is at most
    // the burst (2): in any one second, at most a late batch (2), the burst (2) and a second's
    // refill (2) arrive, however unevenly the deliveries took.
    const mostInASecond = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(mostInASecond).toBeLessThanOrEqual(6);
  });
});
