import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashToken, newToken } from '../accounts/secrets';

/** How long a download ticket opens its file: the browser follows it at once. */
const DOWNLOAD_TICKET_TTL_MS = 60_000;

/**
 * Single-use tickets to one download each, for a browser that fetches the file by itself (a link it
 * follows cannot carry the bearer token; it then streams the file to disk). Stored by hash; tied to
 * the session that asked (a ticket dies with it, and the viewer is the session's when it is used),
 * to one path, and to a minute.
 */
@Injectable()
export class DownloadTicketsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new ticket for `path`, for the session with this bearer token; expired tickets are cleared. */
  async issue(sessionToken: string, path: string, now = new Date()): Promise<{ ticket: string; expiresAt: Date }> {
    const ticket = newToken();
    const expiresAt = new Date(now.getTime() + DOWNLOAD_TICKET_TTL_MS);
    await this.dataSource.query(`DELETE FROM "gateway"."download_ticket" WHERE "expires_at" < $1`, [now]);
    await this.dataSource.query(
      `INSERT INTO "gateway"."download_ticket" ("ticket_hash", "session_hash", "path", "expires_at") VALUES ($1, $2, $3, $4)`,
      [hashToken(ticket), hashToken(sessionToken), path, expiresAt],
    );
    return { ticket, expiresAt };
  }

  /**
   * Uses the ticket up (whatever the outcome: it opens at most one download) and gives the hash of
   * the session it belongs to, or null when it is unknown, used, expired or for another path.
   */
  async redeem(ticket: string, path: string): Promise<string | null> {
    // TypeORM answers a DELETE … RETURNING with [rows, affected].
    const [rows]: [{ session_hash: string; path: string; live: boolean }[], number] = await this.dataSource.query(
      `DELETE FROM "gateway"."download_ticket" WHERE "ticket_hash" = $1
       RETURNING "session_hash", "path", "expires_at" > now() AS "live"`,
      [hashToken(ticket)],
    );
    const row = rows[0];
    return row && row.live && row.path === path ? row.session_hash : null;
  }
}
