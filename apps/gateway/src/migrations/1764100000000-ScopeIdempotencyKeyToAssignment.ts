import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An idempotency key belongs to its assignment: one rater's key can neither collide with another
 * rater's nor replay another rater's receipt.
 */
export class ScopeIdempotencyKeyToAssignment1764100000000 implements MigrationInterface {
  name = 'ScopeIdempotencyKeyToAssignment1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."submission" DROP CONSTRAINT IF EXISTS "submission_idempotency_key_key"`);
    await q.query(
      `ALTER TABLE "gateway"."submission" ADD CONSTRAINT "submission_assignment_idempotency_key" UNIQUE ("assignment_id", "idempotency_key")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."submission" DROP CONSTRAINT "submission_assignment_idempotency_key"`);
    await q.query(`ALTER TABLE "gateway"."submission" ADD CONSTRAINT "submission_idempotency_key_key" UNIQUE ("idempotency_key")`);
  }
}
