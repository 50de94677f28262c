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
 */
@Injectable()
export class LiveUpdates implements OnModuleInit, OnModuleDestroy {
  readonly pubsub = new PubSub();
  private readonly logger = new Logger(LiveUpdates.name);
  private listener: Client | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    this.listener = new Client({ connectionString: url });
    this.listener.on('notification', (message) => this.deliver(message.payload));
    this.listener.on('error', (error) => this.logger.warn(`live updates: ${error.message}`));
    await this.listener.connect();
    await this.listener.query(`LISTEN ${CHANNEL}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /** A cycle's progress changed (call after the change committed). */
  changed(cycleId: string): void {
    void this.notify({ kind: 'progress', cycleId });
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
