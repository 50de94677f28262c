import type { EventEnvelope } from '../envelope';
import type { EventContract } from '../envelope';

/** What a handler learns about the delivery it is handling. */
export interface DeliveryContext {
  /** 1 for the first attempt, then 2, 3… on retries of the same delivery. */
  attempt: number;
  /** Keeps the consumer's group membership alive during long work (a whole-cycle rescore). */
  heartbeat(): Promise<void>;
}

export type EventHandler = (event: EventEnvelope, context: DeliveryContext) => Promise<void>;

/**
 * Handles several events at once, typically in one transaction: consecutive events of one partition
 * (Kafka) or lane (in-process), in their order; on Kafka, the batches of several partitions that
 * arrive together, one after the other (`groupBatches`), so events of one key stay in order but
 * events of different keys are mixed. All or nothing: if it throws, the transport hands each
 * partition's batch to it alone, then the same events one by one to `handler` (with its retries and
 * dead letters), so a poison event still ends alone on the dead-letter topic and the others are
 * handled.
 */
export type EventBatchHandler = (events: EventEnvelope[], context: DeliveryContext) => Promise<void>;

export interface SubscribeOptions {
  /** Consumer group: each group receives every event once; members of a group share partitions. */
  groupId: string;
  /** The contracts this subscriber handles; other events on the same topics are acknowledged and skipped. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- contracts of every payload type side by side
  contracts: EventContract<any, any>[];
  handler: EventHandler;
  /** Optional: handle the events a fetch brings together (see EventBatchHandler). */
  batchHandler?: EventBatchHandler;
  /** Most events per `batchHandler` call. Default 500. */
  maxBatchSize?: number;
  /** Attempts after the first failure before the message goes to the dead-letter topic. Default 4. */
  retries?: number;
  /** First backoff in ms, doubled at every retry. Default 100. */
  initialBackoffMs?: number;
  /**
   * How many partitions (Kafka) or key lanes (in-process) this subscriber handles at once. Order is
   * kept within a partition / lane, so per-key order holds whatever the value. Default: the
   * transport's `consumerConcurrency`.
   */
  concurrency?: number;
  /**
   * Kafka only: a fetch is answered once it holds `minBytes`, or after `maxWaitMs` whatever it
   * holds, so a subscriber that is not in a hurry (a receipt's status) handles bigger batches, in
   * fewer transactions, under load. Default: answered as soon as one message is there.
   */
  fetchWait?: { minBytes: number; maxWaitMs: number };
  /**
   * Kafka only: most bytes one fetch brings of a partition (kafkajs's default 1 MiB). Counted as
   * stored, so compressed: a subscriber of large events that compress well (report.updated, ~45 kB
   * as ~7 kB) bounds with it how many it holds at once (at least one record batch always comes).
   */
  maxBytesPerPartition?: number;
  /**
   * Kafka only, with a `batchHandler`: the batches of several partitions that arrive together are
   * handed to it in one call (group commit, `BatchGroups`): the first waits `lingerMs` (default 2)
   * for others, `maxConcurrent` calls (default 2) run at once and what arrives meanwhile goes in the
   * next, never more than `maxBatchSize` events. `false`: one call per partition batch.
   */
  groupBatches?: false | { lingerMs?: number; maxConcurrent?: number };
}

/**
 * An event already serialised (by the outbox that stored it): its JSON text, and beside it the
 * envelope fields a transport needs to route it, so that publishing it does not parse the text.
 * `json` must be the text of a valid envelope with these id, type, version, key and correlationId.
 */
export interface SerializedEvent {
  id: string;
  type: string;
  version: number;
  key: string;
  correlationId: string;
  json: string;
}

/** The fields of an envelope a `SerializedEvent` carries beside its text. */
export function headerFieldsOf(envelope: EventEnvelope): Omit<SerializedEvent, 'json'> {
  return {
    id: envelope.id,
    type: envelope.type,
    version: envelope.version,
    key: envelope.key,
    correlationId: envelope.correlationId,
  };
}

/** A message that kept failing, as it lands on the dead-letter topic. */
export interface DeadLetter {
  topic: string;
  originalTopic: string;
  reason: string;
  attempts: number;
  key: string | null;
  value: string;
}

/**
 * What services need from an event transport. Kafka in production, an in-process queue for the
 * single-machine default; both keep the same promises: validated envelopes, asynchronous
 * delivery, per-key order within a consumer group, retries with backoff, then a dead letter.
 */
export interface EventTransport {
  readonly kind: 'kafka' | 'in-process';
  /** Creates topics and connects the producer. */
  start(): Promise<void>;
  /** Publishes already-validated envelopes; resolves when the transport has them durably. */
  publish(envelopes: EventEnvelope[]): Promise<void>;
  /**
   * Publishes already-serialised events as `publish` would their envelopes (same topics, keys,
   * headers and order), with their text as it is: no JSON.parse and no JSON.stringify of it (the
   * outbox relay's path, where report.updated events are ~44 kB each).
   */
  publishSerialized(events: SerializedEvent[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<void>;
  /** Stops taking new messages and finishes the ones in hand; publishing still works. */
  stopConsumers(): Promise<void>;
  /** Stops consumers (as above), then disconnects everything. */
  close(): Promise<void>;
  /** Is the transport connected and usable (for readiness checks)? */
  healthCheck(): Promise<{ ok: boolean; detail?: string }>;
}

export function backoffMs(initial: number, attempt: number): number {
  return Math.min(initial * 2 ** (attempt - 1), 5000);
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 1000);
  return String(error).slice(0, 1000);
}
