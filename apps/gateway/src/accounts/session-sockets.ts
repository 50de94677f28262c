import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { SessionEntity } from './account.entity';

/** What graphql-ws hands us for a connection on the ws server: the socket to close. */
interface Socket {
  close(code?: number, reason?: string): void;
  once?(event: 'close', listener: () => void): void;
}

/** The WebSocket close code for "your session ended": the client must sign in again. */
export const SESSION_ENDED = 4401;

/**
 * Subscriptions belong to the session that opened them: every few seconds each gateway replica
 * checks the sessions behind its open subscription sockets (one query for all of them) and closes
 * the sockets whose session was signed out, revoked or has expired. So `logout` on any replica, or
 * the session's expiry, ends every subscription opened with it within `sweepMs` (docs/anonymity.md).
 */
@Injectable()
export class SessionSockets implements OnModuleDestroy {
  static sweepMs = 2000;
  private readonly sockets = new Map<Socket, string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly logger = new Logger(SessionSockets.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Binds a subscription socket to the session (token hash) it signed in with. */
  register(socket: Socket, tokenHash: string): void {
    this.sockets.set(socket, tokenHash);
    socket.once?.('close', () => this.sockets.delete(socket));
    if (!this.timer) {
      this.timer = setInterval(
        () => void this.sweep().catch((e: Error) => this.logger.warn(`session sweep: ${e.message}`)),
        SessionSockets.sweepMs,
      );
      this.timer.unref();
    }
  }

  /** Closes every socket whose session is no longer valid. */
  async sweep(): Promise<number> {
    if (this.sockets.size === 0) return 0;
    const hashes = [...new Set(this.sockets.values())];
    const valid = new Set(
      (
        await this.dataSource
          .getRepository(SessionEntity)
          .createQueryBuilder('s')
          .select('s.tokenHash', 'tokenHash')
          .where({ tokenHash: In(hashes) })
          .andWhere('s.revokedAt IS NULL')
          .andWhere('s.expiresAt > now()')
          .getRawMany<{ tokenHash: string }>()
      ).map((r) => r.tokenHash),
    );
    let closed = 0;
    for (const [socket, hash] of [...this.sockets]) {
      if (valid.has(hash)) continue;
      this.sockets.delete(socket);
      socket.close(SESSION_ENDED, 'Session ended: sign in again');
      closed++;
    }
    return closed;
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
