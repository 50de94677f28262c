import { retypeJsonColumns } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox keeps each envelope's text as `text`, no longer `jsonb`: the relay publishes it as
 * stored and nothing reads inside it in SQL, so PostgreSQL parsing each envelope into a tree as it
 * was written was work for nothing (`createOutboxTables`; the other services did the same,
 * docs/benchmarks.md "Ninth round").
 */
export class OutboxEnvelopeAsText1768600000003 implements MigrationInterface {
  name = 'OutboxEnvelopeAsText1768600000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await retypeJsonColumns(queryRunner, 'notification', [['outbox_event', 'envelope']], 'text', 'default');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await retypeJsonColumns(queryRunner, 'notification', [['outbox_event', 'envelope']], 'jsonb', 'default');
  }
}
