import { catalogue, createEnvelope, EventEnvelope, InProcessTransport, reportUpdatedV1 } from '../index';

function report(subjectId: string, reportVersion: number): EventEnvelope {
  return createEnvelope(
    reportUpdatedV1,
    { cycleId: 'c', subjectId, reportVersion, instrumentId: 'i', instrumentVersion: 1, responseCount: 1, report: {}, scoredAt: new Date().toISOString() },
    { organisationId: 'o' },
  );
}

describe('InProcessTransport', () => {
  it('delivers asynchronously, in publish order, to every consumer group', async () => {
    const transport = new InProcessTransport(catalogue);
    const a: number[] = [];
    const b: number[] = [];
    let inHandler = false;
    await transport.subscribe({ groupId: 'a', contracts: [reportUpdatedV1], handler: async (e) => { inHandler = true; a.push((e.payload as { reportVersion: number }).reportVersion); } });
    await transport.subscribe({ groupId: 'b', contracts: [reportUpdatedV1], handler: async (e) => { b.push((e.payload as { reportVersion: number }).reportVersion); } });
    await transport.publish([1, 2, 3, 4, 5].map((v) => report('s', v)));
    expect(inHandler).toBe(false); // publish returned before any handler ran
    await transport.idle();
    expect(a).toEqual([1, 2, 3, 4, 5]);
    expect(b).toEqual([1, 2, 3, 4, 5]);
  });

  it('delivers a copy validated on the way in, not the publisher’s object', async () => {
    const transport = new InProcessTransport(catalogue);
    const received: EventEnvelope[] = [];
    await transport.subscribe({ groupId: 'g', contracts: [reportUpdatedV1], handler: async (e) => { received.push(e); } });
    const sent = report('s', 1);
    await transport.publish([sent]);
    await transport.idle();
    expect(received[0]).toEqual(sent);
    expect(received[0]).not.toBe(sent);
  });

  it('retries a failing handler, then succeeds without a dead letter', async () => {
    const transport = new InProcessTransport(catalogue);
    let calls = 0;
    await transport.subscribe({
      groupId: 'g', contracts: [reportUpdatedV1], initialBackoffMs: 1, retries: 3,
      handler: async () => { calls++; if (calls < 3) throw new Error('flaky'); },
    });
    await transport.publish([report('s', 1)]);
    await transport.idle();
    expect(calls).toBe(3);
    expect(transport.deadLetters).toEqual([]);
  });

  it('dead-letters a message that keeps failing, with the reason, and keeps delivering the next ones', async () => {
    const transport = new InProcessTransport(catalogue);
    const handled: string[] = [];
    await transport.subscribe({
      groupId: 'g', contracts: [reportUpdatedV1], initialBackoffMs: 1, retries: 2,
      handler: async (e) => {
        const p = e.payload as { subjectId: string };
        if (p.subjectId === 'poison') throw new Error('cannot score');
        handled.push(p.subjectId);
      },
    });
    await transport.publish([report('ok-1', 1), report('poison', 1), report('ok-2', 1)]);
    await transport.idle();
    expect(handled).toEqual(['ok-1', 'ok-2']);
    expect(transport.deadLetters).toHaveLength(1);
    expect(transport.deadLetters[0]).toMatchObject({
      topic: 'leaderscope.reports.dlq',
      originalTopic: 'leaderscope.reports',
      attempts: 3,
      reason: 'Error: cannot score',
      key: 'c:poison',
    });
  });
});
