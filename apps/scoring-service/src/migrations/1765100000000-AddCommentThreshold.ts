import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stricter threshold for comments (docs/anonymity.md) each disclosed view was taken under, so
 * the disclosure rule knows which comment figures were shown. Null: the view's minGroupSize.
 */
export class AddCommentThreshold1765100000000 implements MigrationInterface {
  name = 'AddCommentThreshold1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scoring"."disclosed_view" ADD COLUMN "comment_threshold" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scoring"."disclosed_view" DROP COLUMN "comment_threshold"`);
  }
}
