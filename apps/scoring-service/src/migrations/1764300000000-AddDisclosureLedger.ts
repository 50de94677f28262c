import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The disclosure ledger (docs/anonymity.md): every view of a subject ever disclosed — the live
 * snapshots and each rescore's view of one — with the frozen response versions it was computed
 * from. A result-set report the disclosure rule withholds is kept (so a rescore resumes) but marked.
 */
export class AddDisclosureLedger1764300000000 implements MigrationInterface {
  name = 'AddDisclosureLedger1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "scoring"."disclosed_view" (
        "cycle_id" text NOT NULL,
        "subject_id" text NOT NULL,
        "result_set" text NOT NULL,
        "snapshot" int NOT NULL,
        "instrument_id" text NOT NULL,
        "instrument_version" int NOT NULL,
        "role_profile_id" text,
        "min_group_size" int NOT NULL,
        "response_ids" uuid[] NOT NULL,
        "group_counts" jsonb NOT NULL,
        "report" jsonb NOT NULL,
        "disclosed_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("cycle_id", "subject_id", "result_set", "snapshot")
      )`);
    await queryRunner.query(`ALTER TABLE "scoring"."subject_report" ADD COLUMN "withheld" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scoring"."subject_report" DROP COLUMN "withheld"`);
    await queryRunner.query(`DROP TABLE "scoring"."disclosed_view"`);
  }
}
