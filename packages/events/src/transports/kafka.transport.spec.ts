/** Against the run's real Kafka broker (started by the test set-up). */
import { eventually, kafkaBrokers, uniqueName } from '@leaderscope/testing';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import {
  catalogue,
  ContractRegistry,
  createEnvelope,
  cycleScoredV1,
  EventEnvelope,
  headerFieldsOf,
  KafkaTransport,
  receivedAs,
  reportComparisonsUpdatedV1,
  reportUpdatedV1,
  ReportUpdatedV1,
} from '../index';
import { reportEvent } from '../../test/report-event';

describe('KafkaTransport on a real broker', () => {
  const namespace = `${uniqueName('events-spec')}.`;
  let transport: KafkaTransport;

  beforeAll(async () => {
    transport = new KafkaTransport({ brokers: kafkaBrokers(), clientId: 'events-spec', registry: catalogue, partitions: 3, namespace });
    await transport.start();
  }, 60000);

  afterAll(async () => {
    await transport?.close();
  });

  it('keeps per-key order, dead-letters a poison message with its reason, and keeps the partition flowing', async () => {
    const handled: string[] = [];
    await transport.subscribe({
      groupId: 'ordering',
      contracts: [reportUpdatedV1],
      retries: 2,
      initialBackoffMs: 10,
      handler: async (e) => {
        const p = e.payload as { subjectId: string; reportVersion: number };
        if (p.subjectId === 'poison') throw new Error('cannot handle this one');
        handled.push(`${p.subjectId}#${p.reportVersion}`);
      },
    });
    // Same key (c:a) for a1..a3 and the poison message on its own key; b on another key.
    await transport.publish([reportEvent('a', 1), reportEvent('poison', 1), reportEvent('a', 2), reportEvent('b', 1), reportEvent('a', 3)]);

    await eventually('the healthy messages to be handled', async () => handled.length === 4, 30000);
    expect(handled.filter((h) => h.startsWith('a#'))).toEqual(['a#1', 'a#2', 'a#3']);
    expect(handled).toContain('b#1');

    // The dead-letter topic holds the poison message with the failure in its headers.
    const kafka = new Kafka({ brokers: kafkaBrokers(), clientId: 'dlq-reader', logLevel: logLevel.NOTHING });
    const reader = kafka.consumer({ groupId: uniqueName('dlq-reader') });
    const dead: { key: string; headers: Record<string, string>; value: string }[] = [];
    await reader.connect();
    await reader.subscribe({ topic: transport.topicName('leaderscope.reports.dlq'), fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        dead.push({ key: String(message.key), headers, value: String(message.value) });
      },
    });
    try {
      await eventually('the poison message on the dead-letter topic', async () => dead.length === 1, 30000);
    } finally {
      await reader.disconnect();
    }
    expect(dead[0].key).toBe('c:poison');
    expect(dead[0].headers['dead-letter-reason']).toBe('Error: cannot handle this one');
    expect(dead[0].headers['dead-letter-attempts']).toBe('3');
    expect(dead[0].headers['original-topic']).toBe(transport.topicName('leaderscope.reports'));
    expect(JSON.parse(dead[0].value).payload.subjectId).toBe('poison');

    // Committed offsets catch up with the end of the topic: nothing is stuck behind the poison.
    await eventually(
      'consumer lag to reach zero',
      async () => {
        const lags = await transport.consumerLag();
        return lags.length > 0 && lags.every((l) => l.lag === 0);
      },
      30000,
    );
  }, 90000);

  it("skips, unparsed, the events of a topic that a consumer does not take (by the envelope's type headers)", async () => {
    // A consumer of cycle.scored shares the cycle-results topic with every subject's comparisons.
    const looked: string[] = [];
    const counting = new (class extends ContractRegistry {
      override find(type: string, version: number) {
        looked.push(type);
        return super.find(type, version);
      }
    })(catalogue.all());
    const consumer = new KafkaTransport({
      brokers: kafkaBrokers(),
      clientId: 'events-spec-skip',
      registry: counting,
      partitions: 3,
      namespace,
    });
    await consumer.start();
    try {
      const handled: string[] = [];
      await consumer.subscribe({
        groupId: 'cycle-events-only',
        contracts: [cycleScoredV1],
        handler: async (e) => void handled.push(e.type),
      });
      const comparisons = (subjectId: string) =>
        createEnvelope(
          reportComparisonsUpdatedV1,
          { cycleId: 'c', subjectId, resultSet: 'live', comparisonVersion: 1, norms: [], trend: null, scoredAt: new Date().toISOString() },
          { organisationId: 'o' },
        );
      await transport.publish([comparisons('s1'), comparisons('s2'), comparisons('s3')]);
      await eventually(
        'the consumer to pass the comparisons',
        async () => {
          const lags = await consumer.consumerLag();
          return lags.length > 0 && lags.every((l) => l.lag === 0);
        },
        30000,
      );
      expect(handled).toEqual([]);
      expect(looked.filter((t) => t === reportComparisonsUpdatedV1.type)).toEqual([]); // never validated against its contract
    } finally {
      await consumer.close();
    }
  }, 60000);

  it("hands a subscriber's received form the bytes the event arrived in: a member's UTF-8 as it was written", async () => {
    const kept: { report: Buffer | undefined; subjectId: string }[] = [];
    const received = receivedAs(reportUpdatedV1, (payload, text) => ({
      subjectId: payload.subjectId,
      report: text?.payloadMember('report'),
    }));
    const groupId = 'received-bytes';
    await transport.subscribe({ groupId, contracts: [received], handler: async (e) => void kept.push(e.payload as (typeof kept)[number]) });
    // the reports topic holds the other tests' reports too: this one is told apart by its subject
    const subjectId = uniqueName('bytes');
    const envelope = reportEvent(subjectId);
    const report = {
      ...(envelope.payload as ReportUpdatedV1).report,
      comments: [{ group: 'peer', dimensionId: null, text: 'Clear « direction » ✓' }],
    };
    // written as another producer might: indented, the report not serialised as JSON.stringify would
    const written = JSON.stringify(report, null, 1);
    const json = JSON.stringify({ ...envelope, payload: { ...(envelope.payload as object), report: '<report>' } }).replace(
      '"<report>"',
      written,
    );
    await transport.publishSerialized([{ ...headerFieldsOf(envelope), json }]);
    await eventually('the report to be received', async () => kept.some((k) => k.subjectId === subjectId), 30000);
    const mine = kept.filter((k) => k.subjectId === subjectId);
    expect(mine).toHaveLength(1);
    expect(Buffer.isBuffer(mine[0].report)).toBe(true);
    expect(mine[0].report!.toString('utf8')).toBe(written);
  }, 60000);

  it('lets a subscriber that is not in a hurry wait for fuller fetches (fetchWait): fewer, bigger batches, nothing lost', async () => {
    const batches: string[][] = [];
    await transport.subscribe({
      groupId: 'patient',
      contracts: [reportUpdatedV1],
      fetchWait: { minBytes: 1024 * 1024, maxWaitMs: 1000 },
      handler: async () => {
        throw new Error('the batch handler takes them');
      },
      batchHandler: async (events) => {
        // The topic also holds the other tests' reports (read from the beginning): only this key counts.
        const mine = (events.map((e) => e.payload) as { subjectId: string; reportVersion: number }[]).filter(
          (p) => p.subjectId === 'patient',
        );
        if (mine.length) batches.push(mine.map((p) => `${p.reportVersion}`));
      },
    });
    // Twelve events of one key, 30 ms apart: without the wait each would come in a fetch of its own.
    for (let version = 1; version <= 12; version++) {
      await transport.publish([reportEvent('patient', version)]);
      await new Promise((r) => setTimeout(r, 30));
    }
    await eventually('all twelve handled', async () => batches.flat().length === 12, 30000);
    expect(batches.flat()).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 1}`));
    expect(batches.length).toBeLessThanOrEqual(4);
  }, 60000);

  it('bounds what one fetch brings of a partition (maxBytesPerPartition): at least one record batch, nothing lost', async () => {
    // Twelve events of one key, each in a record batch of its own, all on the topic before either
    // subscriber starts: a fetch with kafkajs's 1 MiB brings them together; one bounded to a byte
    // brings one record batch each time (Kafka always returns at least one).
    for (let version = 1; version <= 12; version++) await transport.publish([reportEvent('bounded', version)]);
    const subscribe = async (groupId: string, maxBytesPerPartition?: number) => {
      const batches: number[][] = [];
      await transport.subscribe({
        groupId,
        contracts: [reportUpdatedV1],
        maxBytesPerPartition,
        groupBatches: false,
        handler: async () => {
          throw new Error('the batch handler takes them');
        },
        batchHandler: async (events) => {
          const mine = (events.map((e) => e.payload) as { subjectId: string; reportVersion: number }[]).filter(
            (p) => p.subjectId === 'bounded',
          );
          if (mine.length) batches.push(mine.map((p) => p.reportVersion));
        },
      });
      return batches;
    };
    const bounded = await subscribe('bounded', 1);
    const unbounded = await subscribe('unbounded');
    await eventually('all twelve handled by both', async () => bounded.flat().length === 12 && unbounded.flat().length === 12, 30000);
    const inOrder = Array.from({ length: 12 }, (_, i) => i + 1);
    expect(bounded.flat()).toEqual(inOrder);
    expect(unbounded.flat()).toEqual(inOrder);
    expect(Math.max(...bounded.map((b) => b.length))).toBe(1);
    expect(Math.max(...unbounded.map((b) => b.length))).toBeGreaterThan(1);
  }, 60000);

  it('hands the batches of several partitions to one batch call (group commit), in per-key order, and isolates a poison event', async () => {
    // The partition of each key, as the producer's default partitioner chooses it (3 partitions).
    const partitioner = Partitioners.DefaultPartitioner();
    const partitionMetadata = [0, 1, 2].map((partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
    const partitionOf = (subjectId: string) =>
      partitioner({ topic: 't', partitionMetadata, message: { key: `c:${subjectId}`, value: null } });
    const keys = Array.from({ length: 12 }, (_, i) => `grouped-${i}`);
    expect(new Set(keys.map(partitionOf)).size).toBe(3);

    const calls: string[][] = [];
    const handled: string[] = [];
    const mineOf = (events: EventEnvelope[]) =>
      (events.map((e) => e.payload) as { subjectId: string; reportVersion: number }[]).filter((p) => p.subjectId.startsWith('grouped-'));
    // Everything is on the topic before the consumer starts, so its first fetch holds every partition.
    await transport.publish([...keys.flatMap((k) => [reportEvent(k, 1), reportEvent(k, 2)]), reportEvent('grouped-poison', 1)]);
    await transport.subscribe({
      groupId: 'grouped',
      contracts: [reportUpdatedV1],
      retries: 1,
      initialBackoffMs: 10,
      handler: async (e) => {
        const p = e.payload as { subjectId: string; reportVersion: number };
        if (p.subjectId === 'grouped-poison') throw new Error('cannot handle this one');
        if (p.subjectId.startsWith('grouped-')) handled.push(`${p.subjectId}#${p.reportVersion}`);
      },
      batchHandler: async (events) => {
        const mine = mineOf(events);
        calls.push(mine.map((p) => p.subjectId));
        if (mine.some((p) => p.subjectId === 'grouped-poison')) throw new Error('cannot handle this one');
        handled.push(...mine.map((p) => `${p.subjectId}#${p.reportVersion}`));
      },
    });
    await eventually('every healthy event handled', async () => handled.length === 24, 30000);
    // Once each, and each key in order.
    expect(new Set(handled).size).toBe(24);
    for (const k of keys) expect(handled.filter((h) => h.startsWith(`${k}#`))).toEqual([`${k}#1`, `${k}#2`]);
    // One call held events of more than one partition.
    expect(calls.some((subjects) => new Set(subjects.filter((s) => s !== 'grouped-poison').map(partitionOf)).size > 1)).toBe(true);
  }, 60000);

  it("sizes produce requests by partition: one partition never gets more than its record batch may hold, several partitions' share go together", async () => {
    // No compression: the bytes bounded are the bytes the broker checks against its 1 MiB a batch.
    const plain = new KafkaTransport({
      brokers: kafkaBrokers(),
      clientId: 'events-spec-plain',
      registry: catalogue,
      partitions: 3,
      namespace,
      compression: 'none',
    });
    await plain.start();
    try {
      const sendBatch = jest.spyOn(plain['producer'], 'sendBatch');
      // ~300 kB reports whose comment is random text: incompressible, and too big to go 4 to a batch.
      const big = (subjectId: string, reportVersion: number, kB: number) => {
        const event = reportEvent(subjectId, reportVersion);
        const payload = event.payload as { report: { comments: { text: string; group: string; dimensionId: string | null }[] } };
        payload.report.comments = [{ text: randomBytes((kB * 1024 * 3) / 4).toString('base64'), group: 'peer', dimensionId: null }];
        return event;
      };
      const handled: string[] = [];
      await plain.subscribe({
        groupId: 'sized',
        contracts: [reportUpdatedV1],
        handler: async (e) => {
          const p = e.payload as { subjectId: string; reportVersion: number };
          if (p.subjectId.startsWith('sized-')) handled.push(`${p.subjectId}#${p.reportVersion}`);
        },
      });

      // Eight of one key, one partition: 2.4 MB that one request would carry into one batch, which
      // the broker refuses (MESSAGE_TOO_LARGE); two at a time it takes them.
      await plain.publish(Array.from({ length: 8 }, (_, i) => big('sized-one', i + 1, 300)));
      expect(sendBatch).toHaveBeenCalledTimes(4);

      // Twelve keys over three partitions: at most three ~200 kB reports a partition, but together.
      sendBatch.mockClear();
      const keys = Array.from({ length: 12 }, (_, i) => `sized-${i}`);
      await plain.publish(keys.map((k) => big(k, 1, 200)));
      const requests = sendBatch.mock.calls.map(([batch]) => batch.topicMessages!.flatMap((t) => t.messages));
      expect(requests.flat()).toHaveLength(12);
      const partitioner = Partitioners.DefaultPartitioner();
      const partitionMetadata = [0, 1, 2].map((partitionId) => ({
        partitionId,
        leader: 0,
        partitionErrorCode: 0,
        replicas: [0],
        isr: [0],
      }));
      const partitionOf = (key: string) => partitioner({ topic: 't', partitionMetadata, message: { key, value: null } });
      const valueBytes = (messages: { value: unknown }[]) => messages.reduce((sum, m) => sum + Buffer.byteLength(String(m.value)), 0);
      for (const messages of requests)
        for (const partition of [0, 1, 2])
          expect(valueBytes(messages.filter((m) => partitionOf(String(m.key)) === partition))).toBeLessThanOrEqual(768 * 1024);
      // Cut on the request's total (512 KiB before), twelve such reports took six requests.
      expect(requests.length).toBeLessThan(6);
      expect(Math.max(...requests.map(valueBytes))).toBeGreaterThan(768 * 1024);

      await eventually('all twenty handled', async () => handled.length === 20, 30000);
      expect(handled.filter((h) => h.startsWith('sized-one#'))).toEqual(Array.from({ length: 8 }, (_, i) => `sized-one#${i + 1}`));
    } finally {
      await plain.close();
    }
  }, 60000);

  /**
   * The offset commits a group has written, read from the broker's own record of them: each commit
   * appends to `__consumer_offsets` one record per partition it names, keyed (version 0 or 1) by
   * group, topic and partition.
   */
  async function commitRecords(groupId: string, topic: string, partition: number): Promise<number> {
    const kafka = new Kafka({ brokers: kafkaBrokers(), clientId: 'offsets-reader', logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets('__consumer_offsets');
    await admin.disconnect();
    const remaining = new Map(ends.filter((e) => Number(e.high) > 0).map((e) => [e.partition, Number(e.high)]));
    const reader = kafka.consumer({ groupId: uniqueName('offsets-reader') });
    let count = 0;
    await reader.connect();
    await reader.subscribe({ topic: '__consumer_offsets', fromBeginning: true });
    await reader.run({
      eachMessage: async ({ partition: at, message }) => {
        if (Number(message.offset) + 1 >= (remaining.get(at) ?? 0)) remaining.delete(at);
        const key = message.key;
        if (!key || key.readInt16BE(0) > 1) return; // group metadata, not an offset commit
        let pos = 2;
        const text = () => {
          const length = key.readInt16BE(pos);
          const value = key.toString('utf8', pos + 2, pos + 2 + length);
          pos += 2 + length;
          return value;
        };
        if (text() === groupId && text() === topic && key.readInt32BE(pos) === partition) count++;
      },
    });
    try {
      await eventually('the offsets topic read to its end', async () => remaining.size === 0, 30000);
    } finally {
      await reader.disconnect();
    }
    return count;
  }

  it('commits handled offsets on an interval, not after every batch', async () => {
    const own = new KafkaTransport({
      brokers: kafkaBrokers(),
      clientId: 'events-spec-commits',
      registry: catalogue,
      partitions: 3,
      namespace,
      commitIntervalMs: 1000,
    });
    await own.start();
    const subjectId = uniqueName('paced');
    const handled: number[] = [];
    try {
      await own.subscribe({
        groupId: 'paced-commits',
        contracts: [reportUpdatedV1],
        handler: async (e) => {
          const p = e.payload as { subjectId: string; reportVersion: number };
          if (p.subjectId === subjectId) handled.push(p.reportVersion);
        },
      });
      // Thirty events of one key, 40 ms apart: each comes in a fetch of its own.
      for (let version = 1; version <= 30; version++) {
        await own.publish([reportEvent(subjectId, version)]);
        await new Promise((r) => setTimeout(r, 40));
      }
      await eventually('all thirty handled', async () => handled.length === 30, 30000);
      expect(handled).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    } finally {
      await own.close();
    }
    const topic = own.topicName('leaderscope.reports');
    const partitionMetadata = [0, 1, 2].map((partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
    const partition = Partitioners.DefaultPartitioner()({ topic, partitionMetadata, message: { key: `c:${subjectId}`, value: null } });
    // After every batch that would be about thirty commits of that partition; once a second, a few.
    const commits = await commitRecords(`${namespace}paced-commits`, topic, partition);
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThanOrEqual(6);
    // And the last of them, on the graceful stop, holds the end of the partition.
    const lags = await transport.consumerLag(['paced-commits']);
    expect(lags.find((l) => l.partition === partition)?.lag).toBe(0);
  }, 90000);

  it('commits what it handled on a graceful stop: a member starting after it is handed nothing again', async () => {
    const subscribe = async (seen: number[], subjectId: string) => {
      const member = new KafkaTransport({
        brokers: kafkaBrokers(),
        clientId: 'events-spec-stop',
        registry: catalogue,
        partitions: 3,
        namespace,
        commitIntervalMs: 600_000, // never within the test: only the stop commits
      });
      await member.start();
      await member.subscribe({
        groupId: 'commit-on-stop',
        contracts: [reportUpdatedV1],
        handler: async () => {
          throw new Error('the batch handler takes them');
        },
        batchHandler: async (events) => {
          for (const p of events.map((e) => e.payload) as { subjectId: string; reportVersion: number }[]) {
            if (p.subjectId === subjectId) seen.push(p.reportVersion);
          }
        },
      });
      return member;
    };
    const subjectId = uniqueName('stop');
    const first: number[] = [];
    const member = await subscribe(first, subjectId);
    await member.publish([1, 2, 3, 4, 5].map((v) => reportEvent(subjectId, v)));
    await eventually('five handled', async () => first.length === 5, 30000);
    await member.close();

    const again: number[] = [];
    const next = await subscribe(again, subjectId);
    try {
      await next.publish([reportEvent(subjectId, 6)]);
      await eventually('the new event handled', async () => again.includes(6), 30000);
      expect(again).toEqual([6]);
    } finally {
      await next.close();
    }
  }, 90000);

  it('commits what it handled when the group rebalances mid-batch: whoever holds the partition next is handed nothing again', async () => {
    // One partition, so after the rebalance exactly one member holds it, and starts where the group
    // committed; the interval is ten minutes, so only the rebalance (or a stop) can have committed.
    const ownNamespace = `${uniqueName('events-rebalance')}.`;
    const subjectId = uniqueName('rebalance');
    const handled: { member: string; version: number }[] = [];
    const members: KafkaTransport[] = [];
    const join = async (name: string) => {
      const member = new KafkaTransport({
        brokers: kafkaBrokers(),
        clientId: `events-spec-${name}`,
        registry: catalogue,
        partitions: 1,
        namespace: ownNamespace,
        commitIntervalMs: 600_000,
      });
      members.push(member);
      await member.start();
      await member.subscribe({
        groupId: 'commit-on-rebalance',
        contracts: [reportUpdatedV1],
        // Slow, so the batch is still being handled when the second member joins.
        handler: async (e) => {
          const p = e.payload as { subjectId: string; reportVersion: number };
          if (p.subjectId !== subjectId) return;
          handled.push({ member: name, version: p.reportVersion });
          await new Promise((r) => setTimeout(r, 200));
        },
      });
      return member;
    };
    try {
      const first = await join('first');
      await first.publish(Array.from({ length: 30 }, (_, i) => reportEvent(subjectId, i + 1)));
      await eventually('the first member in its batch', async () => handled.length >= 5, 30000);
      await join('second');
      const beforeRebalance = handled.length;
      await eventually('all thirty handled', async () => new Set(handled.map((h) => h.version)).size === 30, 60000);
      // Give a redelivery, if any, the time to show.
      await new Promise((r) => setTimeout(r, 1500));
      expect(beforeRebalance).toBeLessThan(30);
      // Each event handled once, in order, across both members: the rebalance committed what the
      // first had handled, so its partition's next holder did not start again from the beginning.
      expect(handled.map((h) => h.version)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    } finally {
      for (const member of members) await member.close();
    }
  }, 120000);

  it('reports itself healthy while connected', async () => {
    await expect(transport.healthCheck()).resolves.toMatchObject({ ok: true });
  });
});
