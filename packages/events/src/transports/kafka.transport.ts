import { Admin, Consumer, Kafka, KafkaConfig, KafkaMessage, logLevel, Message, PartitionMetadata, Partitioners, Producer } from 'kafkajs';
import { ContractRegistry, EventEnvelope, parseEnvelope } from '../envelope';
import { deadLetterTopic } from '../contracts/topics';
import { backoffMs, describeError, EventTransport, headerFieldsOf, SerializedEvent, SubscribeOptions } from './transport';
import { silenceKafkajsNegativeTimeoutWarning } from './kafkajs-node24';
import { eventLoopTurns } from './event-loop-turns';
import { BatchGroups } from './batch-groups';
import { compressionType, KafkaCompression, registerZstdCodec } from './kafka-compression';
import { DEFAULT_PRODUCE_REQUEST_LIMITS, splitIntoRequests } from './produce-requests';
import { byTopic, OffsetCommits } from './offset-commits';

/** A record's bytes in its batch beyond its value, key and headers (lengths, offsets, timestamp). */
const RECORD_FRAMING_BYTES = 64;

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  registry: ContractRegistry;
  /** Partitions for topics this transport creates. Default 6 (KAFKA_PARTITIONS). */
  partitions?: number;
  replicationFactor?: number;
  logLevel?: logLevel;
  /**
   * Prefix for every topic and consumer group (KAFKA_TOPIC_PREFIX): several environments, or test
   * runs, can share one cluster without reading each other's events.
   */
  namespace?: string;
  /** Passed through to kafkajs (ssl, sasl…). */
  kafka?: Partial<KafkaConfig>;
  /**
   * How often handled offsets are committed (KAFKA_COMMIT_INTERVAL_MS, default 500 ms). A crash
   * redelivers at most this much handled work, which the idempotent consumers then skip.
   */
  commitIntervalMs?: number;
  /** Partitions a subscriber handles at once (default: `partitions`); order holds per partition. */
  consumerConcurrency?: number;
  /** Default most events per `batchHandler` call (KAFKA_CONSUMER_BATCH_SIZE); default 500. */
  maxBatchSize?: number;
  /** Most bytes of records `publish` sends one partition in one request (bigger batches are split, in order). Default 768 KiB. */
  maxPartitionBytes?: number;
  /** Most bytes of records in one produce request, over all its partitions. Default 8 MiB. */
  maxRequestBytes?: number;
  /** Codec of produced record batches (KAFKA_COMPRESSION): zstd (default), gzip or none. */
  compression?: KafkaCompression;
  /** Requests with at most this many bytes of values go uncompressed. Default 4 KiB. */
  compressAboveBytes?: number;
}

export interface ConsumerLag {
  groupId: string;
  topic: string;
  partition: number;
  lag: number;
}

/**
 * Kafka transport on kafkajs: an idempotent producer acknowledged by all in-sync replicas; consumers
 * that commit an offset only after its message was handled (or dead-lettered), so delivery is
 * at-least-once and handlers must be idempotent; per-key order through the message key.
 */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly consumers: { groupId: string; consumer: Consumer; offsets: OffsetCommits; timer: NodeJS.Timeout }[] = [];
  private started = false;
  private stopping = false;
  private readonly ns: string;
  /** Each catalogue topic's partition count, read at start (to size produce requests per partition). */
  private readonly partitionCounts = new Map<string, number>();
  private readonly partitionMetadata = new Map<number, PartitionMetadata[]>();
  private readonly partitioner = Partitioners.DefaultPartitioner();

  constructor(private readonly options: KafkaTransportOptions) {
    silenceKafkajsNegativeTimeoutWarning();
    registerZstdCodec();
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: options.logLevel ?? logLevel.ERROR,
      retry: { initialRetryTime: 200, retries: 10 },
      ...options.kafka,
    });
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.admin = this.kafka.admin();
    this.ns = options.namespace ?? '';
  }

  /** The Kafka topic name of a catalogue topic. */
  topicName(topic: string): string {
    return `${this.ns}${topic}`;
  }

  /** Creates every catalogue topic and its dead-letter topic (if missing), then connects the producer. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.admin.connect();
    const topics = new Set<string>();
    for (const contract of this.options.registry.all()) {
      topics.add(this.topicName(contract.topic));
      topics.add(this.topicName(deadLetterTopic(contract.topic)));
    }
    await this.ensureTopics([...topics]);
    const metadata = await this.admin.fetchTopicMetadata({ topics: [...topics] });
    for (const topic of metadata.topics) this.partitionCounts.set(topic.name, topic.partitions.length);
    await this.producer.connect();
    this.started = true;
  }

  /**
   * Creates the missing topics and waits until each has a leader. A broker that has just started (or
   * several apps creating the same topics at once) can answer the metadata request that follows
   * `createTopics` with "This server does not host this topic-partition" before the new partitions'
   * leaders are known; kafkajs only retries "leader not available", so we retry the whole step.
   */
  private async ensureTopics(topics: string[], attempts = 20): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = new Set(await this.admin.listTopics());
        const missing = topics.filter((t) => !existing.has(t));
        if (missing.length > 0) {
          await this.admin.createTopics({
            waitForLeaders: true,
            topics: missing.map((topic) => ({
              topic,
              numPartitions: this.options.partitions ?? 6,
              replicationFactor: this.options.replicationFactor ?? 1,
            })),
          });
        }
        await this.admin.fetchTopicMetadata({ topics });
        return;
      } catch (error) {
        const retriable = (error as { retriable?: boolean }).retriable !== false || /topic-partition|already exists/i.test(String(error));
        if (attempt >= attempts || !retriable) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * attempt)));
      }
    }
  }

  async publish(envelopes: EventEnvelope[]): Promise<void> {
    await this.publishSerialized(envelopes.map((envelope) => ({ ...headerFieldsOf(envelope), json: JSON.stringify(envelope) })));
  }

  /** The relay's path: each event's text is the message value as it is (not parsed, not re-serialised). */
  async publishSerialized(events: SerializedEvent[]): Promise<void> {
    if (events.length === 0) return;
    // Large batches (a relay catching up on reports of ~45 kB each) go as several requests, one after
    // the other, so order per key holds; each request gives every partition at most what its record
    // batch may hold (produce-requests.ts).
    const records = events.map((event) => {
      const contract = this.options.registry.find(event.type, event.version);
      if (!contract) throw new Error(`no contract registered for ${event.type} v${event.version}`);
      const topic = this.topicName(contract.topic);
      const headers = {
        'event-id': event.id,
        'event-type': event.type,
        'event-version': String(event.version),
        'correlation-id': event.correlationId,
      };
      // The record's bytes as the batch holds them: value, key and headers, and a little framing.
      const valueBytes = Buffer.byteLength(event.json);
      let bytes = valueBytes + Buffer.byteLength(event.key) + RECORD_FRAMING_BYTES;
      for (const [name, value] of Object.entries(headers)) bytes += name.length + Buffer.byteLength(value);
      return {
        topic,
        partition: this.partitionOf(topic, event.key),
        bytes,
        valueBytes,
        message: { key: event.key, value: event.json, headers },
      };
    });
    const limits = {
      maxPartitionBytes: this.options.maxPartitionBytes ?? DEFAULT_PRODUCE_REQUEST_LIMITS.maxPartitionBytes,
      maxRequestBytes: this.options.maxRequestBytes ?? DEFAULT_PRODUCE_REQUEST_LIMITS.maxRequestBytes,
    };
    for (const request of splitIntoRequests(records, (r) => ({ partition: `${r.topic}/${r.partition}`, bytes: r.bytes }), limits)) {
      const byTopic = new Map<string, Message[]>();
      let valueBytes = 0;
      for (const record of request) {
        const messages = byTopic.get(record.topic) ?? [];
        messages.push(record.message);
        byTopic.set(record.topic, messages);
        valueBytes += record.valueBytes;
      }
      const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
      const compression = compressionType(this.options.compression ?? 'zstd', valueBytes, this.options.compressAboveBytes ?? 4096);
      await this.producer.sendBatch({ acks: -1, compression, topicMessages });
    }
  }

  /**
   * The partition kafkajs's default partitioner gives a key, for the topic's partition count as read
   * at start (a topic it did not read counts as one partition: every record then shares one bound).
   * Partitions added to a topic while the process runs are not seen until it restarts: the bound
   * still holds when the new count is a multiple of the old (each new partition's keys all fell in
   * one old partition), not otherwise.
   */
  private partitionOf(topic: string, key: string): number {
    const count = this.partitionCounts.get(topic) ?? 1;
    let metadata = this.partitionMetadata.get(count);
    if (!metadata) {
      metadata = Array.from({ length: count }, (_, partitionId) => ({
        partitionErrorCode: 0,
        partitionId,
        leader: 0,
        replicas: [0],
        isr: [0],
      }));
      this.partitionMetadata.set(count, metadata);
    }
    return this.partitioner({ topic, partitionMetadata: metadata, message: { key, value: null } });
  }

  async subscribe(options: SubscribeOptions): Promise<void> {
    this.stopping = false;
    const consumer = this.kafka.consumer({
      groupId: `${this.ns}${options.groupId}`,
      allowAutoTopicCreation: false,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      ...(options.fetchWait ? { minBytes: options.fetchWait.minBytes, maxWaitTimeInMs: options.fetchWait.maxWaitMs } : {}),
      ...(options.maxBytesPerPartition ? { maxBytesPerPartition: options.maxBytesPerPartition } : {}),
      // After a crash (broker gone longer than the retries), kafkajs restarts the consumer, unless we are stopping.
      retry: { initialRetryTime: 200, retries: 10, restartOnFailure: async () => !this.stopping },
    });
    await consumer.connect();
    const topics = [...new Set(options.contracts.map((c) => this.topicName(c.topic)))];
    await consumer.subscribe({ topics, fromBeginning: true });
    const wanted = (type: string, version: number) => options.contracts.some((c) => c.type === type && c.version === version);
    // The subscriber's own contracts validate its events (a compiled one is faster on large payloads).
    const registry = this.options.registry.with(options.contracts);
    const retries = options.retries ?? 4;
    const concurrency = options.concurrency ?? this.options.consumerConcurrency ?? this.options.partitions ?? 6;

    // Offsets are recorded only once their message was handled (or dead-lettered), and committed
    // every commitIntervalMs, when the group rebalances and on a graceful stop (OffsetCommits; not
    // kafkajs's autoCommit, which commits after every batch): at-least-once, never at-most-once.
    // Partitions in parallel, each partition strictly in order (so each key in order).
    const offsets = new OffsetCommits();
    const base = {
      autoCommit: false,
      partitionsConsumedConcurrently: Math.max(1, concurrency),
    };
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => offsets.keepOnly(payload.memberAssignment));
    const commitEvery = this.options.commitIntervalMs ?? 500;
    const timer = setInterval(() => {
      if (this.stopping) return;
      offsets.commit((pending) => consumer.commitOffsets(pending)).catch(() => undefined);
    }, commitEvery);
    timer.unref();

    /**
     * Parses a message; a message that is not a valid envelope goes to the DLQ at once (null).
     * A message whose `event-type`/`event-version` headers (set by `publish`) name an event this
     * consumer does not take is skipped (null) unparsed: a topic carries several event types (the
     * reports topic: every large `report.updated` and the cycle-wide events), and a consumer of one
     * of them would otherwise JSON-parse and validate all of them against their contracts only to
     * drop them. The consumers of those events validate them.
     */
    const parse = async (topic: string, partition: number, message: KafkaMessage): Promise<EventEnvelope | null> => {
      const headerType = message.headers?.['event-type'];
      const headerVersion = Number(String(message.headers?.['event-version'] ?? ''));
      if (typeof headerType !== 'undefined' && !Array.isArray(headerType) && Number.isInteger(headerVersion)) {
        if (!wanted(String(headerType), headerVersion)) return null;
      }
      const raw = message.value?.toString('utf8') ?? '';
      try {
        return parseEnvelope(JSON.parse(raw), registry, raw, message.value ?? undefined);
      } catch (error) {
        await this.deadLetter(topic, partition, message.offset, message.key, raw, `invalid message: ${describeError(error)}`, 1);
        return null;
      }
    };
    /** One event through `handler`: retries with backoff, then the DLQ. */
    const handleOne = async (
      topic: string,
      partition: number,
      message: KafkaMessage,
      envelope: EventEnvelope,
      heartbeat: () => Promise<void>,
    ) => {
      for (let attempt = 1; ; attempt++) {
        try {
          await options.handler(envelope, { attempt, heartbeat });
          return;
        } catch (error) {
          if (attempt > retries) {
            const raw = message.value?.toString('utf8') ?? '';
            await this.deadLetter(topic, partition, message.offset, message.key, raw, describeError(error), attempt);
            return;
          }
          await new Promise((r) => setTimeout(r, backoffMs(options.initialBackoffMs ?? 100, attempt)));
          await heartbeat();
        }
      }
    };

    // A batch that ends while the transport stops commits what was handled, the consumer's group
    // still joined (kafkajs's own commit after a batch would have done so); the same when a
    // heartbeat finds the group rebalancing, before this member gives up its partitions.
    const commitFromBatch = (commitOffsetsIfNecessary: (o: ReturnType<typeof byTopic>) => Promise<void>) =>
      offsets.commit((pending) => commitOffsetsIfNecessary(byTopic(pending)));
    const heartbeatOf =
      (heartbeat: () => Promise<void>, commitOffsetsIfNecessary: (o: ReturnType<typeof byTopic>) => Promise<void>) => async () => {
        try {
          await heartbeat();
        } catch (error) {
          if ((error as { type?: string }).type === 'REBALANCE_IN_PROGRESS')
            await commitFromBatch(commitOffsetsIfNecessary).catch(() => undefined);
          throw error;
        }
      };

    const batchHandler = options.batchHandler;
    if (!batchHandler) {
      await consumer.run({
        ...base,
        eachBatchAutoResolve: false,
        // eslint-disable-next-line @typescript-eslint/unbound-method -- kafkajs declares these as methods; they are closures over the batch
        eachBatch: async ({ batch, resolveOffset, heartbeat: kafkaHeartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
          const { topic, partition } = batch;
          const heartbeat = heartbeatOf(kafkaHeartbeat, commitOffsetsIfNecessary);
          for (const message of batch.messages) {
            if (!isRunning() || isStale()) break;
            const envelope = await parse(topic, partition, message);
            if (envelope && wanted(envelope.type, envelope.version)) await handleOne(topic, partition, message, envelope, heartbeat);
            resolveOffset(message.offset);
            offsets.handledUpTo(topic, partition, message.offset);
            await heartbeat();
          }
          if (this.stopping) await commitFromBatch(commitOffsetsIfNecessary);
        },
      });
    } else {
      const maxBatch = Math.max(1, options.maxBatchSize ?? this.options.maxBatchSize ?? 500);
      // The partitions' batches that arrive together are handled together (group commit; see
      // BatchGroups). `heartbeat` is the consumer's, whichever partition's batch lends it.
      let heartbeatOfGroup: () => Promise<void> = async () => undefined;
      const grouping = options.groupBatches || {};
      const groups = new BatchGroups<EventEnvelope>((events) => batchHandler(events, { attempt: 1, heartbeat: () => heartbeatOfGroup() }), {
        maxEvents: maxBatch,
        lingerMs: grouping.lingerMs ?? 2,
        maxConcurrent: grouping.maxConcurrent ?? 2,
      });
      await consumer.run({
        ...base,
        eachBatchAutoResolve: false,
        // eslint-disable-next-line @typescript-eslint/unbound-method -- kafkajs declares these as methods; they are closures over the batch
        eachBatch: async ({ batch, resolveOffset, heartbeat: kafkaHeartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
          const { topic, partition } = batch;
          const heartbeat = heartbeatOf(kafkaHeartbeat, commitOffsetsIfNecessary);
          // Parsing is synchronous: a turn for the process's other work (HTTP requests) every 10 ms of it.
          const turn = eventLoopTurns();
          for (let from = 0; from < batch.messages.length; from += maxBatch) {
            if (!isRunning() || isStale()) break;
            const chunk = batch.messages.slice(from, from + maxBatch);
            const events: { message: KafkaMessage; envelope: EventEnvelope }[] = [];
            for (const message of chunk) {
              const envelope = await parse(topic, partition, message);
              if (envelope && wanted(envelope.type, envelope.version)) events.push({ message, envelope });
              await turn();
            }
            if (events.length > 0) {
              heartbeatOfGroup = heartbeat;
              const own = events.map((e) => e.envelope);
              const outcome = options.groupBatches === false ? null : await groups.add(own);
              let handled = outcome?.handled ?? false;
              // Not grouped, or its group failed with others' batches in it: this batch alone.
              if (!outcome || (!outcome.handled && !outcome.alone)) {
                try {
                  await batchHandler(own, { attempt: 1, heartbeat });
                  handled = true;
                } catch {
                  // All or nothing failed: one by one, below.
                }
              }
              // One by one, so only a poison event is retried and dead-lettered.
              if (!handled) for (const e of events) await handleOne(topic, partition, e.message, e.envelope, heartbeat);
            }
            const last = chunk[chunk.length - 1].offset;
            resolveOffset(last);
            offsets.handledUpTo(topic, partition, last);
            await heartbeat();
          }
          if (this.stopping) await commitFromBatch(commitOffsetsIfNecessary);
        },
      });
    }
    this.consumers.push({ groupId: `${this.ns}${options.groupId}`, consumer, offsets, timer });
  }

  private async deadLetter(
    topic: string,
    partition: number,
    offset: string,
    key: Buffer | null,
    value: string,
    reason: string,
    attempts: number,
  ): Promise<void> {
    await this.producer.send({
      topic: deadLetterTopic(topic),
      acks: -1,
      messages: [
        {
          key,
          value,
          headers: {
            'dead-letter-reason': reason,
            'dead-letter-attempts': String(attempts),
            'original-topic': topic,
            'original-partition': String(partition),
            'original-offset': offset,
          },
        },
      ],
    });
  }

  /**
   * How far consumer groups are behind the end of their topics: this transport's groups, or the
   * given (unprefixed) group ids of any process sharing the namespace.
   */
  async consumerLag(groupIds?: string[]): Promise<ConsumerLag[]> {
    const lags: ConsumerLag[] = [];
    const groups = groupIds ? groupIds.map((g) => `${this.ns}${g}`) : this.consumers.map((c) => c.groupId);
    for (const groupId of groups) {
      const committed = await this.admin.fetchOffsets({ groupId });
      for (const { topic, partitions } of committed) {
        const ends = await this.admin.fetchTopicOffsets(topic);
        for (const p of partitions) {
          const end = Number(ends.find((e) => e.partition === p.partition)?.offset ?? 0);
          const at = Number(p.offset) < 0 ? 0 : Number(p.offset);
          lags.push({ groupId, topic, partition: p.partition, lag: Math.max(0, end - at) });
        }
      }
    }
    return lags;
  }

  /** How many messages a (catalogue) topic has received: the sum of its partitions' end offsets. */
  async messageCount(topic: string): Promise<number> {
    const offsets = await this.admin.fetchTopicOffsets(this.topicName(topic));
    return offsets.reduce((sum, o) => sum + Number(o.high), 0);
  }

  async stopConsumers(): Promise<void> {
    // Commits what each consumer handled while it is still in its group; disconnecting then waits
    // for the batch in hand, which commits its own offsets as it ends (this.stopping), and leaves.
    this.stopping = true;
    await Promise.all(
      this.consumers.map(async ({ consumer, offsets, timer }) => {
        clearInterval(timer);
        await offsets.commit((pending) => consumer.commitOffsets(pending)).catch(() => undefined);
        await consumer.disconnect();
      }),
    );
    this.consumers.length = 0;
  }

  async close(): Promise<void> {
    await this.stopConsumers();
    await this.producer.disconnect();
    await this.admin.disconnect();
    this.started = false;
  }

  async healthCheck(): Promise<{ ok: boolean; detail?: string }> {
    try {
      const cluster = await this.admin.describeCluster();
      return { ok: cluster.brokers.length > 0, detail: `${cluster.brokers.length} broker(s)` };
    } catch (error) {
      return { ok: false, detail: describeError(error) };
    }
  }
}
