import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Download tickets: a short-lived, single-use link to one file, for the browser to fetch by itself
 * (a link it follows cannot carry the bearer token). The browser then streams the file to disk
 * instead of holding it in the page: the results CSV of a cycle of 10,000 leaders is about 417 MiB.
 * Stored by hash only, tied to the session that asked (ended with it, and gone with its account),
 * and to the one path it opens.
 */
export class AddDownloadTickets1768800000000 implements MigrationInterface {
  name = 'AddDownloadTickets1768800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "gateway"."download_ticket" (
         "ticket_hash" text PRIMARY KEY,
         "session_hash" text NOT NULL REFERENCES "gateway"."session" ("token_hash") ON DELETE CASCADE,
         "path" text NOT NULL,
         "expires_at" timestamptz NOT NULL
       )`,
    );
    await q.query(`CREATE INDEX "download_ticket_expiry" ON "gateway"."download_ticket" ("expires_at")`);
    await q.query(`CREATE INDEX "download_ticket_session" ON "gateway"."download_ticket" ("session_hash")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."download_ticket"`);
  }
}
