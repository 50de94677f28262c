import { MigrationInterface, QueryRunner } from 'typeorm';

/** Keyset paging of the directory by name (the default sort) reads an index, not the whole organisation. */
export class AddPagingIndexes1764600000000 implements MigrationInterface {
  name = 'AddPagingIndexes1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "person_by_name" ON "gateway"."person" ("organisation_id", "name", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "gateway"."person_by_name"`);
  }
}
