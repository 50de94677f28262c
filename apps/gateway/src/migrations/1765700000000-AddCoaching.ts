import { MigrationInterface, QueryRunner } from 'typeorm';

/** The coach role: coached cycles, and each leader's coach with the moment the debrief was done. */
export class AddCoaching1765700000000 implements MigrationInterface {
  name = 'AddCoaching1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "gateway"."coached_cycle" (
        "cycle_id" uuid PRIMARY KEY REFERENCES "gateway"."cycle" ("id") ON DELETE CASCADE,
        "organisation_id" uuid NOT NULL,
        "marked_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE "gateway"."coach_assignment" (
        "cycle_id" uuid NOT NULL REFERENCES "gateway"."coached_cycle" ("cycle_id") ON DELETE CASCADE,
        "subject_id" uuid NOT NULL,
        "coach_id" uuid NOT NULL REFERENCES "gateway"."person" ("id"),
        "organisation_id" uuid NOT NULL,
        "assigned_at" timestamptz NOT NULL DEFAULT now(),
        "debrief_done_at" timestamptz,
        PRIMARY KEY ("cycle_id", "subject_id"),
        FOREIGN KEY ("cycle_id", "subject_id") REFERENCES "gateway"."cycle_subject" ("cycle_id", "person_id") ON DELETE CASCADE,
        CHECK ("coach_id" <> "subject_id")
      )`);
    await q.query(`CREATE INDEX "coach_assignment_by_coach" ON "gateway"."coach_assignment" ("coach_id", "cycle_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."coach_assignment"`);
    await q.query(`DROP TABLE "gateway"."coached_cycle"`);
  }
}
