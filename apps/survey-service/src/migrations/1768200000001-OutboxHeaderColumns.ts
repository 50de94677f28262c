import { addOutboxHeaderColumns, dropOutboxHeaderColumns } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox's routing columns (type, version, key, correlation id), so the relay publishes each
 * envelope's stored text without parsing it (`addOutboxHeaderColumns`). Rows already written keep
 * them null and are parsed when published, as before.
 */
export class OutboxHeaderColumns1768200000001 implements MigrationInterface {
  name = 'OutboxHeaderColumns1768200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addOutboxHeaderColumns(queryRunner, 'survey');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxHeaderColumns(queryRunner, 'survey');
  }
}
