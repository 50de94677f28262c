import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox keeps each envelope as `json` (its text, checked), no longer `jsonb`: since the relay
 * publishes the stored text as it is (OutboxHeaderColumns), nothing reads inside an envelope in SQL
 * but tests (`->`/`->>` work on json), so PostgreSQL parsing each envelope into a jsonb tree as it
 * is written and rendering it back to text when it is published was work for nothing, on every
 * submission. Envelopes here are small (about 1 kB), stored inline as before.
 */
export class OutboxEnvelopeAsJson1768200000011 implements MigrationInterface {
  name = 'OutboxEnvelopeAsJson1768200000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey"."outbox_event" ALTER COLUMN "envelope" TYPE json USING "envelope"::json`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey"."outbox_event" ALTER COLUMN "envelope" TYPE jsonb USING "envelope"::jsonb`);
  }
}
