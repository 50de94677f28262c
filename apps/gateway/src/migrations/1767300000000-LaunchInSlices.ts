import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cycle is launched in slices of subjects, each slice's assignments and events committed
 * together (issue #16): `launching` is the state between the first slice and the last, in which
 * nominations are frozen and the cycle is not yet `launched`. `launch_cursor` is the last subject
 * launched (subjects are launched in id order), so a launch interrupted anywhere resumes after the
 * last committed slice; `launch_subjects_done` of `launch_subjects_total` is its progress.
 */
export class LaunchInSlices1767300000000 implements MigrationInterface {
  name = 'LaunchInSlices1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."cycle" DROP CONSTRAINT "cycle_status_check"`);
    await q.query(
      `ALTER TABLE "gateway"."cycle" ADD CONSTRAINT "cycle_status_check" CHECK ("status" IN ('draft', 'launching', 'launched', 'closed', 'released'))`,
    );
    await q.query(`ALTER TABLE "gateway"."cycle" ADD COLUMN "launch_cursor" uuid NULL`);
    await q.query(`ALTER TABLE "gateway"."cycle" ADD COLUMN "launch_subjects_total" int NULL`);
    await q.query(`ALTER TABLE "gateway"."cycle" ADD COLUMN "launch_subjects_done" int NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."cycle" DROP COLUMN "launch_subjects_done"`);
    await q.query(`ALTER TABLE "gateway"."cycle" DROP COLUMN "launch_subjects_total"`);
    await q.query(`ALTER TABLE "gateway"."cycle" DROP COLUMN "launch_cursor"`);
    await q.query(`ALTER TABLE "gateway"."cycle" DROP CONSTRAINT "cycle_status_check"`);
    await q.query(
      `ALTER TABLE "gateway"."cycle" ADD CONSTRAINT "cycle_status_check" CHECK ("status" IN ('draft', 'launched', 'closed', 'released'))`,
    );
  }
}
