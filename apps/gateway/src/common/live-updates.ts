import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PubSub } from 'graphql-subscriptions';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

export const PROGRESS_CHANGED = 'cycleProgressChanged';
export const REPORT_CHANGED = 'subjectReportChanged';
export const IMPORT_PROGRESS = 'importProgress';

/** How far a directory import has got (announced while it runs). */
export interface ImportProgressMessage {
  importId: string;
  organisationId: string;
  phase: 'reading' | 'checking' | 'applying' | 'done' | 'failed';
  done: number;
  total: number;
}
const CHANNEL = 'leaderscope_live';

/** Whether this replica hears changes: false from losing the LISTEN connection until it is back. */
export interface LiveUpdatesState {
  listening: boolean;
  /** when the connection was lost (null while listening) */
  downSince: Date | null;
  /** attempts to reconnect since it was lost */
  attempts: number;
  lastError: string | null;
}

/** What travels on the NOTIFY channel between gateway replicas. */
type LiveMessage =
  | { kind: 'progress'; cycleId: string }
  | { kind: 'report'; cycleId: string; subjectId: string }
  | ({ kind: 'import' } & ImportProgressMessage);

/**
 * Live updates for GraphQL subscriptions across every gateway replica. A change is announced with
 * PostgreSQL's NOTIFY after its transaction commits; every gateway process LISTENs and passes it to
 * its own subscribers, so a subscriber on any replica hears about a change made on any other, and
 * never before the data it will read is committed.
 *
 * The LISTEN connection is re-established when it is lost (the database restarted, a failover, a
 * network cut): retried with exponential backoff (`reconnectBaseMs`, doubled, at most
 * `reconnectMaxMs`), each loss and recovery logged, and `/health` reports live updates down in
 * between. Subscriptions stay open across it; a change announced while the connection was down is
 * not replayed (its subscribers get the next one).
 */
@Injectable()
export class LiveUpdates implements OnModuleInit, OnModuleDestroy {
  readonly pubsub = new PubSub();
  private readonly logger = new Logger(LiveUpdates.name);
  static reconnectBaseMs = 250;
  static reconnectMaxMs = 5000;
  /** Progress announcements of one cycle: at most one per this many ms (see `changed`). */
  static progressCoalesceMs = 100;
  private readonly progressWindows = new Map<string, { timer: NodeJS.Timeout; dirty: boolean }>();
  private listener: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly current: LiveUpdatesState = { listening: false, downSince: null, attempts: 0, lastError: null };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    // What changed inside a window still open is announced now, not lost with the process.
    const dirty = [...this.progressWindows].filter(([, w]) => w.dirty).map(([cycleId]) => cycleId);
    for (const { timer } of this.progressWindows.values()) clearTimeout(timer);
    this.progressWindows.clear();
    await Promise.all(dirty.map((cycleId) => this.notify({ kind: 'progress', cycleId })));
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** Whether this replica is listening (for /health). */
  state(): LiveUpdatesState {
    return { ...this.current };
  }

  /** Opens the LISTEN connection; throws if it cannot (the caller retries). */
  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new Client({ connectionString: url });
    client.on('notification', (message) => this.deliver(message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('the connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    Object.assign(this.current, { listening: true, downSince: null, attempts: 0, lastError: null });
  }

  /** The LISTEN connection broke: forget it and reconnect. */
  private lost(client: Client, error: Error): void {
    if (client !== this.listener || this.stopped) return;
    this.listener = null;
    Object.assign(this.current, { listening: false, downSince: new Date(), attempts: 0, lastError: error.message });
    this.logger.warn(`live updates: lost the LISTEN connection (${error.message}); reconnecting`);
    void client.end().catch(() => undefined);
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.stopped || this.retry) return;
    const delay = Math.min(LiveUpdates.reconnectMaxMs, LiveUpdates.reconnectBaseMs * 2 ** this.current.attempts);
    this.retry = setTimeout(() => {
      this.retry = null;
      const attempt = ++this.current.attempts;
      this.listen().then(
        () => {
          if (!this.stopped) this.logger.log(`live updates: listening again after ${attempt} attempt(s)`);
        },
        (error: Error) => {
          this.current.lastError = error.message;
          if (attempt === 1 || attempt % 10 === 0)
            this.logger.warn(`live updates: reconnect attempt ${attempt} failed (${error.message}); retrying`);
          this.reconnectLater();
        },
      );
    }, delay);
    this.retry.unref();
  }

  /**
   * A cycle's progress changed (call after the change committed). Announced at once, then at most
   * once per `progressCoalesceMs` per cycle: changes inside the window are announced together by one
   * announcement at its end (always after they committed). Under load (hundreds of submissions a
   * second into one cycle) this is one NOTIFY, and one progress query per subscriber, per window
   * instead of one per submission; a subscriber reads the progress as of the announcement anyway.
   */
  changed(cycleId: string): void {
    const window = this.progressWindows.get(cycleId);
    if (window) {
      window.dirty = true;
      return;
    }
    void this.notify({ kind: 'progress', cycleId });
    const timer = setTimeout(() => {
      const dirty = this.progressWindows.get(cycleId)?.dirty;
      this.progressWindows.delete(cycleId);
      if (dirty && !this.stopped) this.changed(cycleId);
    }, LiveUpdates.progressCoalesceMs);
    timer.unref();
    this.progressWindows.set(cycleId, { timer, dirty: false });
  }

  /** A subject's report changed (call after the change committed). */
  reportChanged(cycleId: string, subjectId: string): void {
    void this.notify({ kind: 'report', cycleId, subjectId });
  }

  /**
   * A directory import's progress, announced to every replica like the other changes. Resolves
   * once sent: awaiting each keeps a subscriber's updates in order.
   */
  importProgress(progress: ImportProgressMessage): Promise<void> {
    return this.notify({ kind: 'import', ...progress });
  }

  private notify(message: LiveMessage): Promise<void> {
    return this.dataSource.query(`SELECT pg_notify($1, $2)`, [CHANNEL, JSON.stringify(message)]).then(
      () => undefined,
      (error: Error) => {
        this.logger.warn(`live updates: ${error.message}`);
      },
    );
  }

  private deliver(payload: string | undefined): void {
    if (!payload) return;
    // Only gateways write to this channel, with `notify` above.
    const message = JSON.parse(payload) as LiveMessage;
    switch (message.kind) {
      case 'import': {
        const { kind: _kind, ...progress } = message;
        void this.pubsub.publish(IMPORT_PROGRESS, progress);
        return;
      }
      case 'progress':
        void this.pubsub.publish(PROGRESS_CHANGED, { cycleId: message.cycleId });
        return;
      case 'report':
        void this.pubsub.publish(REPORT_CHANGED, { cycleId: message.cycleId, subjectId: message.subjectId });
    }
  }
}
