import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-up pulses (docs/growth.md): a pulse is a cycle of kind `pulse` that asks only some of its
 * instrument's items (`asked_items`: the slots of the leader's plan), linked by `gateway.pulse` to
 * the released cycle and the plan version it follows up, with the focus area behind each slot.
 */
export class AddPulses1765600000000 implements MigrationInterface {
  name = 'AddPulses1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."cycle" ADD COLUMN "kind" text NOT NULL DEFAULT '360' CHECK ("kind" IN ('360', 'pulse'))`);
    await q.query(`ALTER TABLE "gateway"."cycle" ADD COLUMN "asked_items" text[]`);
    await q.query(`
      CREATE TABLE "gateway"."pulse" (
        "pulse_id" uuid PRIMARY KEY REFERENCES "gateway"."cycle" ("id") ON DELETE CASCADE,
        "organisation_id" uuid NOT NULL,
        "cycle_id" uuid NOT NULL,
        "subject_id" uuid NOT NULL,
        "plan_version" int NOT NULL,
        "focus_areas" jsonb NOT NULL,
        "started_by" text NOT NULL CHECK ("started_by" IN ('leader', 'hr')),
        "started_by_account_id" uuid NOT NULL,
        "started_at" timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY ("cycle_id", "subject_id", "plan_version")
          REFERENCES "gateway"."development_plan_version" ("cycle_id", "subject_id", "version") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "pulse_of_cycle_subject" ON "gateway"."pulse" ("cycle_id", "subject_id", "started_at" DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."pulse"`);
    await q.query(`ALTER TABLE "gateway"."cycle" DROP COLUMN "asked_items"`);
    await q.query(`ALTER TABLE "gateway"."cycle" DROP COLUMN "kind"`);
  }
}
