import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rate-limit counters shared by all gateway replicas (rate-limiter-flexible's PostgreSQL store layout). */
export class CreateRateLimitTable1764100000001 implements MigrationInterface {
  name = 'CreateRateLimitTable1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "gateway"."rate_limit" (
        "key" varchar(255) PRIMARY KEY,
        "points" integer NOT NULL DEFAULT 0,
        "expire" bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."rate_limit"`);
  }
}
