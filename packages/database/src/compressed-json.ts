import { zstdContentSize } from '@leaderscope/events';
import { constants, zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import type { QueryRunner, ValueTransformer } from 'typeorm';

/**
 * Whole JSON documents that are large, written often and never queried inside (reports), stored in
 * a `bytea` column compressed with Zstandard by the service that writes them.
 *
 * PostgreSQL splits any value over about 2 kB into TOAST chunks of about 2 kB, one row and one index
 * entry each: a 28 kB report took it about 0.4–0.7 ms of CPU to store, as text or as raw bytes,
 * uncompressed or compressed by PostgreSQL itself (lz4 saves no CPU; pglz costs more), and 30 kB of
 * WAL. Compressed here (about 0.09 ms, to about 5.5 kB) it takes PostgreSQL about 0.03 ms and 6 kB of
 * WAL, and reading it back costs 0.05 ms to decompress against fewer chunks to fetch
 * (docs/benchmarks.md, "Twenty-third round").
 *
 * A stored value is either a Zstandard frame (it starts with the frame's magic number) or, for rows
 * written before a column held compressed documents, the document's UTF-8 text as it was
 * (`convert_to(text, 'UTF8')`): `jsonTextOfStored` reads both, so a migration only retypes the column
 * and rewrites no document.
 */
const ZSTD_MAGIC = 0xfd2fb528; // little-endian 28 B5 2F FD (RFC 8878, 3.1.1)
const LEVEL = 3; // zstd's default: at this size levels 1–3 differ by under 3% in size and 0.01 ms in time

/**
 * The document's text, compressed for a `bytea` column. zlib's output buffer is sized for what a
 * report compresses to (about a fifth; a larger frame takes a second pass): its default, 16 KiB or
 * more per call, is memory V8 counts against the heap, and in a process with a large heap the
 * collections it brought on cost more than the compression (docs/benchmarks.md, "Twenty-third round").
 */
export function compressJsonText(text: string | Buffer): Buffer {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return zstdCompressSync(bytes, {
    params: { [constants.ZSTD_c_compressionLevel]: LEVEL },
    chunkSize: Math.max(1024, bytes.length >> 2),
  });
}

/** Whether `stored` is a Zstandard frame (as opposed to a document's plain UTF-8 text). */
export function isCompressed(stored: Buffer): boolean {
  return stored.length >= 4 && stored.readUInt32LE(0) === ZSTD_MAGIC;
}

/** The document's JSON text from what the column holds: a compressed document, or the plain text of one written before. */
export function jsonTextOfStored(stored: Buffer | string): string {
  if (typeof stored === 'string') return stored;
  if (!isCompressed(stored)) return stored.toString('utf8');
  // into a buffer of the size the frame states (Node.js's one-shot compressor writes it): one pass, no join
  const stated = zstdContentSize(stored);
  return zstdDecompressSync(stored, stated === null ? {} : { chunkSize: Math.max(64, stated + 1) }).toString('utf8');
}

/**
 * The TypeORM transformer of such a column, for documents our own code writes (`JSON.stringify`'s
 * text) and reads whole: written compressed, read back with `JSON.parse`, then `read` (default: the
 * parsed value as it is). Null stays null.
 */
export function compressedJson(read: (parsed: unknown) => unknown = (parsed) => parsed): ValueTransformer {
  return {
    to: (value: unknown) => (value === null || value === undefined ? value : compressJsonText(JSON.stringify(value))),
    from: (value: unknown) => (Buffer.isBuffer(value) || typeof value === 'string' ? read(JSON.parse(jsonTextOfStored(value))) : value),
  };
}

/**
 * For a migration: turns columns holding whole JSON documents as `text` into `bytea` for compressed
 * documents. The documents already stored keep their text, as its UTF-8 bytes (`jsonTextOfStored`
 * reads both), so none is rewritten; stored out of line without PostgreSQL's own compression (new
 * values are compressed already).
 */
export async function retypeToCompressedDocuments(
  queryRunner: QueryRunner,
  schema: string,
  columns: [table: string, column: string][],
): Promise<void> {
  for (const [table, column] of columns) {
    const target = `"${schema}"."${table}" ALTER COLUMN "${column}"`;
    await queryRunner.query(`ALTER TABLE ${target} TYPE bytea USING convert_to("${column}", 'UTF8')`);
    await queryRunner.query(`ALTER TABLE ${target} SET STORAGE EXTERNAL`);
  }
}

/** For a migration's `down`: throws, changing nothing, while any of `columns` holds a compressed document (SQL cannot decompress it). */
export async function refuseWhileCompressed(
  queryRunner: QueryRunner,
  schema: string,
  columns: [table: string, column: string][],
  advice: string,
): Promise<void> {
  for (const [table, column] of columns) {
    const [{ n }] = (await queryRunner.query(
      `SELECT count(*)::int AS "n" FROM "${schema}"."${table}" WHERE substring("${column}" FROM 1 FOR 4) = '\\x28b52ffd'::bytea`,
    )) as { n: number }[];
    if (n > 0) throw new Error(`${schema}.${table} holds ${n} compressed document(s), which SQL cannot turn back into text: ${advice}`);
  }
}

/** The reverse of `retypeToCompressedDocuments`, for a migration's `down`: back to `text`, refused while any document is compressed. */
export async function retypeToTextDocuments(
  queryRunner: QueryRunner,
  schema: string,
  columns: [table: string, column: string][],
  advice: string,
): Promise<void> {
  await refuseWhileCompressed(queryRunner, schema, columns, advice);
  for (const [table, column] of columns) {
    const target = `"${schema}"."${table}" ALTER COLUMN "${column}"`;
    await queryRunner.query(`ALTER TABLE ${target} TYPE text USING convert_from("${column}", 'UTF8')`);
    await queryRunner.query(`ALTER TABLE ${target} SET STORAGE EXTERNAL`);
  }
}
