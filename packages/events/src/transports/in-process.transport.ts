import { ContractRegistry, EventEnvelope, parseEnvelope } from '../envelope';
import { deadLetterTopic } from '../contracts/topics';
import { backoffMs, DeadLetter, describeError, EventTransport, SerializedEvent, SubscribeOptions } from './transport';

interface Message {
  topic: string;
  value: string;
  key: string;
}

/** One ordered queue of a consumer group: the in-process counterpart of a Kafka partition. */
interface Lane {
  queue: Message[];
  running: Promise<void> | null;
}

interface Group {
  options: SubscribeOptions;
  topics: Set<string>;
  lanes: Lane[];
  registry: ContractRegistry;
}

export interface InProcessTransportOptions {
  /**
   * Lanes per consumer group (default 6, like KAFKA_PARTITIONS): a message's lane is chosen by its
   * key, so one key's events stay in order while other keys are handled alongside.
   */
  lanes?: number;
  /** Default most events per `batchHandler` call; default 500. */
  maxBatchSize?: number;
}

/** The lane (partition) of a key: FNV-1a, stable across runs. */
export function laneOf(key: string, lanes: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % lanes;
}

/**
 * The in-process transport used by `npm start` on one machine. Same contract as Kafka: messages are
 * serialised and re-validated on delivery, delivered asynchronously, in publish order per key (each
 * key maps to one lane of its consumer group, as a Kafka key maps to one partition), retried with
 * backoff, then dead-lettered with the reason while the lane moves on.
 *
 * Unlike Kafka its queues live in memory: a graceful stop drains them, a crash loses what was not
 * handled yet.
 */
export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private readonly groups = new Map<string, Group>();
  private closed = false;
  private readonly lanes: number;
  private readonly maxBatchSize: number;
  readonly deadLetters: DeadLetter[] = [];

  constructor(
    private readonly registry: ContractRegistry,
    options: InProcessTransportOptions = {},
  ) {
    this.lanes = Math.max(1, options.lanes ?? 6);
    this.maxBatchSize = Math.max(1, options.maxBatchSize ?? 500);
  }

  async start(): Promise<void> {}

  async publish(envelopes: EventEnvelope[]): Promise<void> {
    if (this.closed) throw new Error('transport is closed');
    // Validate the whole batch first: a batch is taken entirely or not at all.
    const messages = envelopes.map((envelope) => {
      const contract = this.registry.find(envelope.type, envelope.version);
      if (!contract) throw new Error(`no contract registered for ${envelope.type} v${envelope.version}`);
      return { topic: contract.topic, value: JSON.stringify(envelope), key: envelope.key };
    });
    for (const message of messages) this.enqueue(message);
  }

  /** As `publish`, with each event's text as the message (not parsed). */
  async publishSerialized(events: SerializedEvent[]): Promise<void> {
    if (this.closed) throw new Error('transport is closed');
    const messages = events.map((event) => {
      const contract = this.registry.find(event.type, event.version);
      if (!contract) throw new Error(`no contract registered for ${event.type} v${event.version}`);
      return { topic: contract.topic, value: event.json, key: event.key };
    });
    for (const message of messages) this.enqueue(message);
  }

  /** Puts a raw message on a topic, as a foreign or broken producer might (for tests of dead letters). */
  publishRaw(topic: string, key: string, value: string): void {
    this.enqueue({ topic, key, value });
  }

  private enqueue(message: Message): void {
    for (const group of this.groups.values()) {
      if (!group.topics.has(message.topic)) continue;
      const lane = group.lanes[laneOf(message.key, group.lanes.length)];
      lane.queue.push(message);
      this.drain(group, lane);
    }
  }

  async subscribe(options: SubscribeOptions): Promise<void> {
    if (this.groups.has(options.groupId)) throw new Error(`consumer group ${options.groupId} already subscribed`);
    const lanes = Math.max(1, options.concurrency ?? this.lanes);
    this.groups.set(options.groupId, {
      options,
      topics: new Set(options.contracts.map((c) => c.topic)),
      // The subscriber's own contracts validate its events (a compiled one is faster on large payloads).
      registry: this.registry.with(options.contracts),
      lanes: Array.from({ length: lanes }, () => ({ queue: [], running: null })),
    });
  }

  private drain(group: Group, lane: Lane): void {
    if (lane.running) return;
    lane.running = (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      while (lane.queue.length > 0 && !this.closed) {
        if (group.options.batchHandler) {
          // What is queued in this lane (up to maxBatchSize) is handled together, in order.
          const taken = lane.queue.slice(0, Math.max(1, group.options.maxBatchSize ?? this.maxBatchSize));
          await this.deliverBatch(group, taken);
          lane.queue.splice(0, taken.length);
        } else {
          const message = lane.queue[0];
          await this.deliver(group, message);
          lane.queue.shift();
        }
      }
      lane.running = null;
    })();
  }

  /** Parses a queued message; one that is not a valid envelope is dead-lettered at once (null). */
  private parse(group: Group, message: Message): EventEnvelope | null {
    let envelope: EventEnvelope;
    try {
      envelope = parseEnvelope(JSON.parse(message.value), group.registry, message.value);
    } catch (error) {
      this.deadLetter(message, `invalid message: ${describeError(error)}`, 1);
      return null;
    }
    const wanted = group.options.contracts.some((c) => c.type === envelope.type && c.version === envelope.version);
    return wanted ? envelope : null;
  }

  private async deliverBatch(group: Group, messages: Message[]): Promise<void> {
    const events: { message: Message; envelope: EventEnvelope }[] = [];
    for (const message of messages) {
      const envelope = this.parse(group, message);
      if (envelope) events.push({ message, envelope });
    }
    if (events.length === 0) return;
    try {
      await group.options.batchHandler!(
        events.map((e) => e.envelope),
        { attempt: 1, heartbeat: async () => {} },
      );
      return;
    } catch {
      // All or nothing failed: one by one, so only a poison event is retried and dead-lettered.
    }
    for (const e of events) await this.handle(group, e.message, e.envelope);
  }

  private async deliver(group: Group, message: Message): Promise<void> {
    const envelope = this.parse(group, message);
    if (envelope) await this.handle(group, message, envelope);
  }

  private async handle(group: Group, message: Message, envelope: EventEnvelope): Promise<void> {
    const { options } = group;
    const retries = options.retries ?? 4;
    for (let attempt = 1; ; attempt++) {
      try {
        await options.handler(envelope, { attempt, heartbeat: async () => {} });
        return;
      } catch (error) {
        if (attempt > retries || this.closed) {
          this.deadLetter(message, describeError(error), attempt);
          return;
        }
        await new Promise((r) => setTimeout(r, backoffMs(options.initialBackoffMs ?? 100, attempt)));
      }
    }
  }

  private deadLetter(message: Message, reason: string, attempts: number): void {
    this.deadLetters.push({
      topic: deadLetterTopic(message.topic),
      originalTopic: message.topic,
      reason,
      attempts,
      key: message.key,
      value: message.value,
    });
  }

  private busyLanes(): Lane[] {
    return [...this.groups.values()].flatMap((g) => g.lanes.filter((l) => l.running !== null || l.queue.length > 0));
  }

  /** Resolves when every queue is empty and nothing is being handled. */
  async idle(): Promise<void> {
    for (;;) {
      const busy = this.busyLanes();
      if (busy.length === 0) return;
      await Promise.all(busy.map((l) => l.running ?? Promise.resolve()));
    }
  }

  /** Events handed over but not handled yet (the in-process counterpart of consumer lag). */
  pending(): number {
    return [...this.groups.values()].reduce((sum, g) => sum + g.lanes.reduce((s, l) => s + l.queue.length, 0), 0);
  }

  async stopConsumers(): Promise<void> {
    await this.idle();
    this.groups.clear();
  }

  async close(): Promise<void> {
    await this.stopConsumers();
    this.closed = true;
  }

  async healthCheck(): Promise<{ ok: boolean; detail?: string }> {
    return this.closed ? { ok: false, detail: 'closed' } : { ok: true, detail: 'in-process' };
  }
}
