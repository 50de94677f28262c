import { QueryRunner, ValueTransformer } from 'typeorm';

/**
 * For a migration: turns columns holding whole JSON documents (written whole, read whole, never
 * queried inside: reports, envelopes) into `type`, then sets how they are stored. `fast`: lz4 where
 * the server has it, else out of line and uncompressed (`STORAGE EXTERNAL`: pglz, PostgreSQL's
 * default, costs more CPU than the write it compresses; the embedded PostgreSQL has no lz4);
 * `default`: PostgreSQL's own (EXTENDED, default compression). A type change resets the storage,
 * so it is always set after it.
 */
export async function retypeJsonColumns(
  queryRunner: QueryRunner,
  schema: string,
  columns: [table: string, column: string][],
  type: 'json' | 'jsonb' | 'text',
  storage: 'fast' | 'default',
): Promise<void> {
  const rows = (await queryRunner.query(
    `SELECT coalesce('lz4' = ANY("enumvals"), false) AS "lz4" FROM "pg_settings" WHERE "name" = 'default_toast_compression'`,
  )) as { lz4: boolean }[];
  const lz4 = rows[0]?.lz4 === true;
  for (const [table, column] of columns) {
    const target = `"${schema}"."${table}" ALTER COLUMN "${column}"`;
    await queryRunner.query(`ALTER TABLE ${target} TYPE ${type} USING "${column}"::${type}`);
    if (storage === 'default') {
      await queryRunner.query(`ALTER TABLE ${target} SET STORAGE EXTENDED`);
      await queryRunner.query(`ALTER TABLE ${target} SET COMPRESSION DEFAULT`);
    } else await queryRunner.query(lz4 ? `ALTER TABLE ${target} SET COMPRESSION lz4` : `ALTER TABLE ${target} SET STORAGE EXTERNAL`);
  }
}

/**
 * A TypeORM column transformer for a JSON document kept as `text` (reports: see the services'
 * `WholeJsonAsText` migrations): written as `JSON.stringify`'s text, read back with `JSON.parse`;
 * null stays null. The writers are our own code, which only ever stores `JSON.stringify` output, so
 * PostgreSQL no longer checks each document (about 0.4 ms of its CPU for a 45 kB report).
 */
export const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === null || value === undefined ? value : JSON.stringify(value)),
  from: (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value),
};
