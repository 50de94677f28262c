import { MigrationInterface, QueryRunner } from 'typeorm';

/** Development plans: every save is a new version (history kept), and the manager's comments on them. */
export class AddDevelopmentPlans1765400000000 implements MigrationInterface {
  name = 'AddDevelopmentPlans1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "gateway"."development_plan_version" (
        "cycle_id" uuid NOT NULL,
        "subject_id" uuid NOT NULL,
        "version" int NOT NULL CHECK ("version" > 0),
        "organisation_id" uuid NOT NULL,
        "focus_areas" jsonb NOT NULL,
        "review_date" date NOT NULL,
        "saved_by_account_id" uuid NOT NULL,
        "saved_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("cycle_id", "subject_id", "version"),
        FOREIGN KEY ("cycle_id", "subject_id") REFERENCES "gateway"."cycle_subject" ("cycle_id", "person_id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "gateway"."development_plan_comment" (
        "id" uuid PRIMARY KEY,
        "cycle_id" uuid NOT NULL,
        "subject_id" uuid NOT NULL,
        "plan_version" int NOT NULL,
        "organisation_id" uuid NOT NULL,
        "author_person_id" uuid NOT NULL REFERENCES "gateway"."person" ("id"),
        "body" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY ("cycle_id", "subject_id", "plan_version") REFERENCES "gateway"."development_plan_version" ("cycle_id", "subject_id", "version") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "development_plan_comment_by_plan" ON "gateway"."development_plan_comment" ("cycle_id", "subject_id", "created_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."development_plan_comment"`);
    await q.query(`DROP TABLE "gateway"."development_plan_version"`);
  }
}
