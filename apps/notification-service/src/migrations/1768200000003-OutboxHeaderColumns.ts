import { addOutboxHeaderColumns, dropOutboxHeaderColumns } from '@leaderscope/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox's routing columns (type, version, key, correlation id), so the relay publishes each
 * envelope's stored text without parsing it (`addOutboxHeaderColumns`). Rows already written keep
 * them null and are parsed when published, as before.
 */
export class OutboxHeaderColumns1768200000003 implements MigrationInterface {
  name = 'OutboxHeaderColumns1768200000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addOutboxHeaderColumns(queryRunner, 'notification');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxHeaderColumns(queryRunner, 'notification');
  }
}
