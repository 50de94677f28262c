import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Responses stay append-only, with one exception: the retention purge of a closed cycle
 * (`cycle.responses-purge-requested`) may delete them, inside a transaction that says so with
 * `SET LOCAL leaderscope.retention_purge = 'on'`. Updates are still refused.
 */
export class AllowRetentionPurge1765200000001 implements MigrationInterface {
  name = 'AllowRetentionPurge1765200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION "survey"."refuse_response_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('leaderscope.retention_purge', true) = 'on' THEN RETURN OLD; END IF;
        RAISE EXCEPTION 'survey.response is append-only: write a new version instead';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION "survey"."refuse_response_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'survey.response is append-only: write a new version instead'; END $$`);
  }
}
