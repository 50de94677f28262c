import { claimEvent, claimEvents, enqueueEvents, OutboxRelay } from '@leaderscope/database';
import { createEnvelope, EventContract, EventEnvelope, EventMeta, EventTransport, SubscribeOptions } from '@leaderscope/events';
import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  BeforeApplicationShutdown,
  Module,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { currentCorrelationId, withCorrelation } from './correlation';

export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');
const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  /**
   * Owned by the caller: started before the app and closed after it. `null` (a CLI without a
   * broker): events are still written to the outbox, and the service's own relay publishes them
   * when it next runs; nothing can be subscribed.
   */
  transport: EventTransport | null;
  /** The service's schema, where its outbox and processed-events tables live. */
  schema: string;
  /** The service's name, used as the consumer-group prefix. */
  service: string;
  /** Relay tuning: poll interval (default 200 ms) and batch size (default 500). */
  relay?: { intervalMs?: number; batchSize?: number };
  /** The relation the relay reads envelopes from (`OutboxRelayOptions.envelopeSource`; default the outbox table). */
  envelopeSource?: string;
  /** Whether this process subscribes its consumers (default true; false for one-off commands). */
  consume?: boolean;
}

/** What a use-case gets inside its transaction. */
export interface UnitOfWork {
  manager: EntityManager;
  /** Queues an event; it is written to the outbox in the same transaction. */
  emit: <P, I>(contract: EventContract<P, I>, payload: I, meta: EventMeta) => EventEnvelope<P>;
  /**
   * Writes the events emitted so far to the outbox now, in their order (the rest are written when the
   * work returns). For a use-case that writes some outbox rows itself in the same transaction (the
   * scoring service's live report.updated, whose row refers to its ledger row's report instead of
   * holding a copy): its rows then follow the events it emitted before them, as emitted events
   * follow each other. The relay is woken after the commit only for emitted events: a use-case that
   * writes rows itself calls `wake()` once it has committed.
   */
  writeEmitted: () => Promise<void>;
}

/**
 * The transactional outbox as a service: `transact` runs the work and writes its events in one
 * transaction, then wakes the relay; `handleOnce` does the same for a consumed event, and does
 * nothing if that event was already handled by this consumer.
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxService.name);
  private readonly relay: OutboxRelay | null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    this.relay = options.transport
      ? new OutboxRelay({
          dataSource,
          schema: options.schema,
          transport: options.transport,
          intervalMs: options.relay?.intervalMs,
          batchSize: options.relay?.batchSize,
          envelopeSource: options.envelopeSource,
          onError: (error) => this.logger.warn(`outbox relay: ${String(error)}`),
        })
      : null;
  }

  onApplicationBootstrap(): void {
    this.relay?.start();
    this.relay?.kick();
  }

  /** Before the database closes: publish what is pending, then stop. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }

  /**
   * Wakes the relay after a commit that wrote outbox rows without `transact` (the `submitSurvey`
   * group commit writes its own rows in the same transaction as its state change).
   */
  wake(): void {
    this.relay?.kick();
  }

  async transact<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(async (manager) => {
      let pending: EventEnvelope[] = [];
      let emitted = 0;
      const writeEmitted = async (): Promise<void> => {
        const envelopes = pending;
        pending = [];
        await enqueueEvents(manager, this.options.schema, envelopes);
      };
      const value = await work({
        manager,
        // Without an explicit one, an event carries the correlation id of the work in hand.
        emit: (contract, payload, meta) => {
          const envelope = createEnvelope(contract, payload, { ...meta, correlationId: meta.correlationId ?? currentCorrelationId() });
          pending.push(envelope);
          emitted++;
          return envelope;
        },
        writeEmitted,
      });
      await writeEmitted();
      return { value, emitted };
    });
    if (result.emitted > 0) this.relay?.kick();
    return result.value;
  }

  /**
   * Handles a consumed event exactly once per consumer: returns `undefined` without running `work`
   * when the event was handled before.
   */
  async handleOnce<T>(consumer: string, event: EventEnvelope, work: (uow: UnitOfWork) => Promise<T>): Promise<T | undefined> {
    return this.transact(async (uow) => {
      const first = await claimEvent(uow.manager, this.options.schema, consumer, event.id);
      if (!first) {
        this.logger.debug(`${consumer}: skipped redelivered event ${event.id} (${event.type})`);
        return undefined;
      }
      return work(uow);
    });
  }

  /**
   * `handleOnce` for a batch of consumed events, in one transaction: the events this consumer has
   * not handled before (in their order, each id once) are passed to `work`; the others are skipped.
   * `work` is not called when every event was handled before.
   */
  async handleBatchOnce<T>(
    consumer: string,
    events: EventEnvelope[],
    work: (uow: UnitOfWork, fresh: EventEnvelope[]) => Promise<T>,
  ): Promise<T | undefined> {
    return this.transact(async (uow) => {
      const claimed = await claimEvents(
        uow.manager,
        this.options.schema,
        consumer,
        events.map((e) => e.id.toLowerCase()),
      );
      const fresh: EventEnvelope[] = [];
      for (const event of events) {
        if (claimed.delete(event.id.toLowerCase())) fresh.push(event);
        else this.logger.debug(`${consumer}: skipped redelivered event ${event.id} (${event.type})`);
      }
      if (fresh.length === 0) return undefined;
      return work(uow, fresh);
    });
  }

  /** Publishes everything pending now (tests, shutdown, one-off commands). */
  flush(): Promise<number> {
    return this.relay ? this.relay.drain() : Promise.resolve(0);
  }

  /** Outbox rows not published yet. */
  async pending(): Promise<number> {
    const rows: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) AS count FROM "${this.options.schema}"."outbox_event" WHERE "published_at" IS NULL`,
    );
    return Number(rows[0].count);
  }
}

/** Subscribes consumers with the service's group prefix. */
@Injectable()
export class EventSubscriber {
  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  /** Whether this process consumes (false for one-off commands such as the rescore CLI). */
  get enabled(): boolean {
    return this.options.consume !== false && this.options.transport !== null;
  }

  subscribe(options: Omit<SubscribeOptions, 'groupId'> & { consumer: string }): Promise<void> {
    const { consumer, handler, ...rest } = options;
    if (!this.enabled) return Promise.resolve();
    // Each event is handled under its envelope's correlation id (logs, events it causes).
    return this.options.transport!.subscribe({
      ...rest,
      handler: (event, context) => withCorrelation(event.correlationId, () => handler(event, context)),
      groupId: `${this.options.service}.${consumer}`,
    });
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: EVENT_TRANSPORT, useValue: options.transport },
        OutboxService,
        EventSubscriber,
      ],
      exports: [EVENT_TRANSPORT, OutboxService, EventSubscriber],
    };
  }
}
