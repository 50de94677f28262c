import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each cycle's automatic reminder schedule: days before the close (default 3 days). */
export class AddReminderSchedule1764200000002 implements MigrationInterface {
  name = 'AddReminderSchedule1764200000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gateway"."cycle" ADD COLUMN "reminder_days_before_close" int[] NOT NULL DEFAULT '{3}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gateway"."cycle" DROP COLUMN "reminder_days_before_close"`);
  }
}
