import { MigrationInterface, QueryRunner } from 'typeorm';

/** When HR erased a person (docs/data-protection.md): their name, e-mail and account are gone since. */
export class AddPersonErasedAt1765200000003 implements MigrationInterface {
  name = 'AddPersonErasedAt1765200000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."person" ADD COLUMN "erased_at" timestamptz NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."person" DROP COLUMN "erased_at"`);
  }
}
