import { MigrationInterface, QueryRunner } from 'typeorm';

/** A cycle's optional stricter threshold for comments (docs/anonymity.md); null = the anonymity threshold. */
export class AddCommentThreshold1765100000001 implements MigrationInterface {
  name = 'AddCommentThreshold1765100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."cycle" ADD COLUMN "comment_threshold" integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."cycle" DROP COLUMN "comment_threshold"`);
  }
}
