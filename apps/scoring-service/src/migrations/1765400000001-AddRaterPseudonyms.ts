import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each rater assignment's stable pseudonym (cycle.rater-pseudonyms): the trend counts raters in common without knowing who. */
export class AddRaterPseudonyms1765400000001 implements MigrationInterface {
  name = 'AddRaterPseudonyms1765400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "scoring"."rater_pseudonym" (
        "cycle_id" text NOT NULL,
        "rater_id" text NOT NULL,
        "subject_id" text NOT NULL,
        "organisation_id" text NOT NULL,
        "rater_key" text NOT NULL,
        PRIMARY KEY ("cycle_id", "rater_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "scoring"."rater_pseudonym"`);
  }
}
