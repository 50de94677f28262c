import { catalogue, compileContract, EventEnvelope, headerFieldsOf, InProcessTransport, reportUpdatedV1 } from '../index';
import { reportEvent } from '../../test/report-event';

describe('InProcessTransport', () => {
  it('delivers asynchronously, in publish order, to every consumer group', async () => {
    const transport = new InProcessTransport(catalogue);
    const a: number[] = [];
    const b: number[] = [];
    let inHandler = false;
    await transport.subscribe({
      groupId: 'a',
      contracts: [reportUpdatedV1],
      handler: async (e) => {
        inHandler = true;
        a.push((e.payload as { reportVersion: number }).reportVersion);
      },
    });
    await transport.subscribe({
      groupId: 'b',
      contracts: [reportUpdatedV1],
      handler: async (e) => {
        b.push((e.payload as { reportVersion: number }).reportVersion);
      },
    });
    await transport.publish([1, 2, 3, 4, 5].map((v) => reportEvent('s', v)));
    expect(inHandler).toBe(false); // publish returned before any handler ran
    await transport.idle();
    expect(a).toEqual([1, 2, 3, 4, 5]);
    expect(b).toEqual([1, 2, 3, 4, 5]);
  });

  it('publishes serialised events in order with publish’s, and delivers them validated', async () => {
    const transport = new InProcessTransport(catalogue);
    const got: number[] = [];
    await transport.subscribe({
      groupId: 'g',
      contracts: [reportUpdatedV1],
      handler: async (e) => void got.push((e.payload as { reportVersion: number }).reportVersion),
    });
    await transport.publish([reportEvent('s', 1)]);
    await transport.publishSerialized(
      [2, 3].map((v) => {
        const e = reportEvent('s', v);
        return { ...headerFieldsOf(e), json: JSON.stringify(e, null, 2) };
      }),
    );
    await transport.publish([reportEvent('s', 4)]);
    await transport.idle();
    expect(got).toEqual([1, 2, 3, 4]);
    await expect(transport.publishSerialized([{ ...headerFieldsOf(reportEvent('s', 5)), type: 'nope', json: '{}' }])).rejects.toThrow(
      'no contract registered for nope v1',
    );
  });

  it('delivers a copy validated on the way in, not the publisher’s object', async () => {
    const transport = new InProcessTransport(catalogue);
    const received: EventEnvelope[] = [];
    await transport.subscribe({
      groupId: 'g',
      contracts: [reportUpdatedV1],
      handler: async (e) => {
        received.push(e);
      },
    });
    const sent = reportEvent('s', 1);
    await transport.publish([sent]);
    await transport.idle();
    expect(received[0]).toEqual(sent);
    expect(received[0]).not.toBe(sent);
  });

  it('retries a failing handler, then succeeds without a dead letter', async () => {
    const transport = new InProcessTransport(catalogue);
    let calls = 0;
    await transport.subscribe({
      groupId: 'g',
      contracts: [reportUpdatedV1],
      initialBackoffMs: 1,
      retries: 3,
      handler: async () => {
        calls++;
        if (calls < 3) throw new Error('flaky');
      },
    });
    await transport.publish([reportEvent('s', 1)]);
    await transport.idle();
    expect(calls).toBe(3);
    expect(transport.deadLetters).toEqual([]);
  });

  it('dead-letters a message that keeps failing, with the reason, and keeps delivering the next ones', async () => {
    const transport = new InProcessTransport(catalogue);
    const handled: string[] = [];
    await transport.subscribe({
      groupId: 'g',
      contracts: [reportUpdatedV1],
      initialBackoffMs: 1,
      retries: 2,
      handler: async (e) => {
        const p = e.payload as { subjectId: string };
        if (p.subjectId === 'poison') throw new Error('cannot score');
        handled.push(p.subjectId);
      },
    });
    await transport.publish([reportEvent('ok-1', 1), reportEvent('poison', 1), reportEvent('ok-2', 1)]);
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

  it('keeps per-key order while other keys flow past a slow or failing key (lanes, like partitions)', async () => {
    const transport = new InProcessTransport(catalogue, { lanes: 4 });
    const handled: string[] = [];
    await transport.subscribe({
      groupId: 'g',
      contracts: [reportUpdatedV1],
      initialBackoffMs: 5,
      retries: 2,
      handler: async (e) => {
        const p = e.payload as { subjectId: string; reportVersion: number };
        if (p.subjectId === 'poison') throw new Error('cannot handle this one');
        if (p.subjectId === 'slow') await new Promise((r) => setTimeout(r, 5));
        handled.push(`${p.subjectId}#${p.reportVersion}`);
      },
    });
    const keys = ['slow', 'a', 'b', 'c', 'poison'];
    const batch: EventEnvelope[] = [];
    for (let v = 1; v <= 20; v++) for (const k of keys) batch.push(reportEvent(k, v));
    await transport.publish(batch);
    expect(transport.pending()).toBe(100);
    await transport.idle();
    for (const k of ['slow', 'a', 'b', 'c']) {
      expect(handled.filter((h) => h.startsWith(`${k}#`))).toEqual(Array.from({ length: 20 }, (_, i) => `${k}#${i + 1}`));
    }
    // 80 handled, 20 poison messages dead-lettered, each after 3 attempts, in order.
    expect(handled).toHaveLength(80);
    expect(transport.deadLetters.map((d) => JSON.parse(d.value).payload.reportVersion)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(transport.deadLetters.every((d) => d.attempts === 3 && d.key === 'c:poison')).toBe(true);
  });

  it('dead-letters a message that is not a valid envelope, and skips events the group does not handle', async () => {
    const transport = new InProcessTransport(catalogue);
    const handled: number[] = [];
    await transport.subscribe({
      groupId: 'g',
      contracts: [reportUpdatedV1],
      handler: async (e) => void handled.push((e.payload as { reportVersion: number }).reportVersion),
    });
    transport.publishRaw('leaderscope.reports', 'c:s', '{"not": "an envelope"}');
    await transport.publish([reportEvent('s', 1)]);
    await transport.idle();
    expect(handled).toEqual([1]);
    expect(transport.deadLetters).toHaveLength(1);
    expect(transport.deadLetters[0].reason).toMatch(/^invalid message: EventValidationError/);
  });

  it('finishes the work in hand on stopConsumers, and refuses to publish once closed', async () => {
    const transport = new InProcessTransport(catalogue);
    const handled: number[] = [];
    await transport.subscribe({
      groupId: 'g',
      contracts: [reportUpdatedV1],
      handler: async (e) => {
        await new Promise((r) => setTimeout(r, 2));
        handled.push((e.payload as { reportVersion: number }).reportVersion);
      },
    });
    await transport.publish([1, 2, 3, 4, 5, 6, 7, 8].map((v) => reportEvent('s', v)));
    await transport.close();
    expect(handled).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(transport.publish([reportEvent('s', 9)])).rejects.toThrow(/closed/);
    await expect(transport.healthCheck()).resolves.toEqual({ ok: false, detail: 'closed' });
  });

  it("validates a group's events with the contracts the group names (a compiled one gives the same events)", async () => {
    const transport = new InProcessTransport(catalogue);
    const got = { runtime: [] as EventEnvelope[], compiled: [] as EventEnvelope[], strict: [] as number[] };
    await transport.subscribe({ groupId: 'runtime', contracts: [reportUpdatedV1], handler: async (e) => void got.runtime.push(e) });
    await transport.subscribe({
      groupId: 'compiled',
      contracts: [compileContract(reportUpdatedV1)],
      handler: async (e) => void got.compiled.push(e),
    });
    // Same type and version, a stricter schema: if the group's own contract validates, version 3 is refused here only.
    const strict = { ...reportUpdatedV1, schema: reportUpdatedV1.schema.refine((p) => p.reportVersion < 3, 'too new') };
    await transport.subscribe({
      groupId: 'strict',
      contracts: [strict],
      handler: async (e) => void got.strict.push((e.payload as { reportVersion: number }).reportVersion),
    });
    await transport.publish([1, 2, 3].map((v) => reportEvent('s', v)));
    await transport.idle();
    expect(got.runtime.map((e) => (e.payload as { reportVersion: number }).reportVersion)).toEqual([1, 2, 3]);
    expect(got.compiled).toEqual(got.runtime);
    expect(got.strict).toEqual([1, 2]);
    expect(transport.deadLetters).toHaveLength(1);
    expect(transport.deadLetters[0].reason).toMatch(/too new/);
  });

  it('takes a batch whole or not at all', async () => {
    const transport = new InProcessTransport(catalogue);
    const handled: number[] = [];
    await transport.subscribe({
      groupId: 'g',
      contracts: [reportUpdatedV1],
      handler: async (e) => void handled.push((e.payload as { reportVersion: number }).reportVersion),
    });
    await expect(transport.publish([reportEvent('s', 1), { ...reportEvent('s', 2), version: 99 }])).rejects.toThrow(
      /no contract registered/,
    );
    await transport.idle();
    expect(handled).toEqual([]);
  });
});
