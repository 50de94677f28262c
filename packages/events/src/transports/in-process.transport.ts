import { ContractRegistry, EventEnvelope, parseEnvelope } from '../envelope';
import { deadLetterTopic } from '../contracts/topics';
import { backoffMs, DeadLetter, describeError, EventTransport, SubscribeOptions } from './transport';

interface Group {
  options: SubscribeOptions;
  topics: Set<string>;
  queue: { topic: string; value: string; key: string }[];
  running: Promise<void> | null;
}

/**
 * The in-process transport used by `npm start` on one machine. Same contract as Kafka: messages are
 * serialised and re-validated on delivery, delivered asynchronously and in publish order within a
 * consumer group (so per-key order holds), retried with backoff, then dead-lettered.
 */
export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private readonly groups = new Map<string, Group>();
  private closed = false;
  readonly deadLetters: DeadLetter[] = [];

  constructor(private readonly registry: ContractRegistry) {}

  async start(): Promise<void> {}

  async publish(envelopes: EventEnvelope[]): Promise<void> {
    if (this.closed) throw new Error('transport is closed');
    for (const envelope of envelopes) {
      const contract = this.registry.find(envelope.type, envelope.version);
      if (!contract) throw new Error(`no contract registered for ${envelope.type} v${envelope.version}`);
      const value = JSON.stringify(envelope);
      for (const group of this.groups.values()) {
        if (!group.topics.has(contract.topic)) continue;
        group.queue.push({ topic: contract.topic, value, key: envelope.key });
        this.drain(group);
      }
    }
  }

  async subscribe(options: SubscribeOptions): Promise<void> {
    if (this.groups.has(options.groupId)) throw new Error(`consumer group ${options.groupId} already subscribed`);
    this.groups.set(options.groupId, {
      options,
      topics: new Set(options.contracts.map((c) => c.topic)),
      queue: [],
      running: null,
    });
  }

  private drain(group: Group): void {
    if (group.running) return;
    group.running = (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      while (group.queue.length > 0 && !this.closed) {
        const message = group.queue.shift()!;
        await this.deliver(group, message);
      }
      group.running = null;
    })();
  }

  private async deliver(group: Group, message: { topic: string; value: string; key: string }): Promise<void> {
    const { options } = group;
    let envelope: EventEnvelope;
    try {
      envelope = parseEnvelope(JSON.parse(message.value), this.registry);
    } catch (error) {
      this.deadLetter(message, `invalid message: ${describeError(error)}`, 1);
      return;
    }
    const wanted = options.contracts.some((c) => c.type === envelope.type && c.version === envelope.version);
    if (!wanted) return;
    const retries = options.retries ?? 4;
    for (let attempt = 1; ; attempt++) {
      try {
        await options.handler(envelope);
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

  private deadLetter(message: { topic: string; value: string; key: string }, reason: string, attempts: number): void {
    this.deadLetters.push({
      topic: deadLetterTopic(message.topic),
      originalTopic: message.topic,
      reason,
      attempts,
      key: message.key,
      value: message.value,
    });
  }

  /** Resolves when every queue is empty and nothing is being handled. */
  async idle(): Promise<void> {
    for (;;) {
      const busy = [...this.groups.values()].filter((g) => g.running || g.queue.length > 0);
      if (busy.length === 0) return;
      await Promise.all(busy.map((g) => g.running));
    }
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
