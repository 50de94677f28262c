/** Large JSON documents stored compressed in `bytea`, on a real PostgreSQL. */
import { createTestDatabase, TestDatabase } from '@leaderscope/testing';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  compressedJson,
  compressJsonText,
  isCompressed,
  jsonTextOfStored,
  retypeToCompressedDocuments,
  retypeToTextDocuments,
} from '../src';

@Entity({ schema: 'docs', name: 'document' })
class DocumentEntity {
  @PrimaryColumn('int') id!: number;
  @Column('bytea', { nullable: true, transformer: compressedJson((parsed) => ({ read: parsed })) }) body!: unknown;
}

/** A document shaped like a report: many rows of figures, as repetitive as a real one. */
function reportLike(seed: number): { rows: [string, number, number, [number, number]][]; note: string } {
  const rows: [string, number, number, [number, number]][] = [];
  for (let i = 0; i < 400; i++)
    rows.push([`item-${i % 52}`, (i * seed) % 7, Math.round(((i * 37 + seed) % 400) / 0.97) / 100, [1.25, 4.5]]);
  return { rows, note: 'Zoë — “quotes”, emoji 🙂 and </script>' };
}

describe('compressed JSON documents', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: db.url, entities: [DocumentEntity] });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA "docs"`);
    await dataSource.query(`CREATE TABLE "docs"."document" ("id" int PRIMARY KEY, "body" bytea NULL)`);
    await dataSource.query(`CREATE TABLE "docs"."legacy" ("id" int PRIMARY KEY, "body" text NOT NULL)`);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('stores a document in a fraction of its text and reads back the exact text', async () => {
    const text = JSON.stringify(reportLike(3));
    await dataSource.query(`INSERT INTO "docs"."document" VALUES (1, $1::bytea)`, [compressJsonText(text)]);
    const [row] = await dataSource.query<{ body: Buffer; bytes: number }[]>(
      `SELECT "body", octet_length("body") AS "bytes" FROM "docs"."document" WHERE "id" = 1`,
    );
    expect(isCompressed(row.body)).toBe(true);
    expect(row.bytes).toBeLessThan(Buffer.byteLength(text) / 3);
    expect(jsonTextOfStored(row.body)).toBe(text);
  });

  it('reads a document stored as text before its column held compressed ones (retyped with convert_to)', async () => {
    const text = JSON.stringify(reportLike(5));
    await dataSource.query(`INSERT INTO "docs"."legacy" VALUES (1, $1)`, [text]);
    await dataSource.query(`ALTER TABLE "docs"."legacy" ALTER COLUMN "body" TYPE bytea USING convert_to("body", 'UTF8')`);
    const [row] = await dataSource.query<{ body: Buffer }[]>(`SELECT "body" FROM "docs"."legacy" WHERE "id" = 1`);
    expect(isCompressed(row.body)).toBe(false);
    expect(jsonTextOfStored(row.body)).toBe(text);
  });

  it('writes and reads through TypeORM: compressed on the way in, parsed and handed to the reader on the way out; null stays null', async () => {
    const repository = dataSource.getRepository(DocumentEntity);
    const document = reportLike(7);
    await repository.save([
      Object.assign(new DocumentEntity(), { id: 2, body: document }),
      Object.assign(new DocumentEntity(), { id: 3, body: null }),
    ]);
    const [raw] = await dataSource.query<{ body: Buffer }[]>(`SELECT "body" FROM "docs"."document" WHERE "id" = 2`);
    expect(isCompressed(raw.body)).toBe(true);
    expect(JSON.parse(jsonTextOfStored(raw.body))).toEqual(document);
    expect((await repository.findOneByOrFail({ id: 2 })).body).toEqual({ read: document });
    expect((await repository.findOneByOrFail({ id: 3 })).body).toBeNull();
  });

  it('retypes text columns for compressed documents and back, and refuses to go back (changing nothing) while one is compressed', async () => {
    const texts = [JSON.stringify(reportLike(11)), JSON.stringify(reportLike(13))];
    await dataSource.query(`CREATE TABLE "docs"."migrated" ("id" int PRIMARY KEY, "body" text NOT NULL)`);
    await dataSource.query(`INSERT INTO "docs"."migrated" VALUES (1, $1), (2, $2)`, texts);
    const runner = dataSource.createQueryRunner();
    try {
      await retypeToCompressedDocuments(runner, 'docs', [['migrated', 'body']]);
      const stored = await dataSource.query<{ body: Buffer }[]>(`SELECT "body" FROM "docs"."migrated" ORDER BY "id"`);
      expect(stored.map((r) => jsonTextOfStored(r.body))).toEqual(texts); // no document rewritten
      const [{ storage }] = await dataSource.query<{ storage: string }[]>(
        `SELECT attstorage AS "storage" FROM pg_attribute WHERE attrelid = '"docs"."migrated"'::regclass AND attname = 'body'`,
      );
      expect(storage).toBe('e'); // out of line, not compressed again by PostgreSQL

      await dataSource.query(`INSERT INTO "docs"."migrated" VALUES (3, $1)`, [compressJsonText(texts[0])]);
      await expect(retypeToTextDocuments(runner, 'docs', [['migrated', 'body']], 'keep it')).rejects.toThrow(
        /docs\.migrated holds 1 compressed document\(s\).*keep it/,
      );
      const [{ type }] = await dataSource.query<{ type: string }[]>(
        `SELECT data_type AS "type" FROM information_schema.columns WHERE table_schema = 'docs' AND table_name = 'migrated' AND column_name = 'body'`,
      );
      expect(type).toBe('bytea');

      await dataSource.query(`DELETE FROM "docs"."migrated" WHERE "id" = 3`);
      await retypeToTextDocuments(runner, 'docs', [['migrated', 'body']], 'keep it');
      const back = await dataSource.query<{ body: string }[]>(`SELECT "body" FROM "docs"."migrated" ORDER BY "id"`);
      expect(back.map((r) => r.body)).toEqual(texts);
    } finally {
      await runner.release();
    }
  });

  it('takes a plain text (already a string) as it is, and tells a frame from text by its magic number only', () => {
    expect(jsonTextOfStored('{"a":1}')).toBe('{"a":1}');
    expect(isCompressed(Buffer.from('{"a":1}'))).toBe(false);
    expect(isCompressed(Buffer.alloc(0))).toBe(false);
    expect(isCompressed(compressJsonText('{}'))).toBe(true);
    expect(jsonTextOfStored(compressJsonText(Buffer.from('[1,2]')))).toBe('[1,2]');
  });
});
