import { retypeJsonColumns } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox keeps each envelope's text as `text`, no longer `json`: the relay publishes it as
 * stored and nothing reads inside it in SQL, so PostgreSQL's check of each envelope as it was written
 * was work for nothing (`createOutboxTables`; the other services did the same,
 * docs/benchmarks.md "Ninth round").
 */
export class OutboxEnvelopeAsText1768600000002 implements MigrationInterface {
  name = 'OutboxEnvelopeAsText1768600000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await retypeJsonColumns(queryRunner, 'survey', [['outbox_event', 'envelope']], 'text', 'default');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await retypeJsonColumns(queryRunner, 'survey', [['outbox_event', 'envelope']], 'json', 'default');
  }
}
