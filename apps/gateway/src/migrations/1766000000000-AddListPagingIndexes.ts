import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyset paging of the lists that grow with the organisation (issue #16), beside the directory's
 * `person_by_name`:
 * - a cycle's nominations filtered on a rater (the RATER sort and rater search join through it),
 *   and the approval list (nominations still proposed) per subject, which stays small as a cycle is
 *   approved;
 * - progress per subject counts each subject's assignments from a covering index (no heap reads).
 * A cycle's subjects are read through the `cycle_subject` primary key and `person_by_name`.
 */
export class AddListPagingIndexes1766000000000 implements MigrationInterface {
  name = 'AddListPagingIndexes1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "nomination_by_rater" ON "gateway"."nomination" ("cycle_id", "rater_id")`);
    await q.query(`CREATE INDEX "nomination_proposed" ON "gateway"."nomination" ("cycle_id", "subject_id") WHERE "status" = 'proposed'`);
    await q.query(
      `CREATE INDEX "assignment_progress" ON "gateway"."assignment" ("cycle_id", "subject_id") INCLUDE ("status", "rater_group") WHERE "revoked_at" IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "gateway"."assignment_progress"`);
    await q.query(`DROP INDEX "gateway"."nomination_proposed"`);
    await q.query(`DROP INDEX "gateway"."nomination_by_rater"`);
  }
}
