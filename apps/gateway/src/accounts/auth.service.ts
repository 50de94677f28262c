import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';
import { InputError, UnauthenticatedError } from '../common/errors';
import { Viewer } from '../access/viewer';
import { AccountEntity } from './account.entity';
import { AccountsRepository } from './accounts.repository';
import { RateLimitsService } from './rate-limits.service';
import { hashToken, newToken } from './secrets';

const SESSION_HOURS = 12;
/** Compared against when the e-mail is unknown, so timing does not tell which e-mails exist. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$SXIza2rIQ7WYc18zioVjDQ$I9zzAt1ox12wod78dMcC7cgU4zi/gsNQn/pQ/PYmPC0';

/** Sessions: sign in, sign out, and the viewer behind a bearer token. */
@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly rateLimits: RateLimitsService,
  ) {}

  static hashPassword(password: string): Promise<string> {
    return hash(password);
  }

  /** Signs in with e-mail and password; returns a bearer token valid for SESSION_HOURS. */
  async login(email: string, password: string, ip: string): Promise<{ token: string; expiresAt: Date; viewer: Viewer }> {
    const problems = [];
    if (!email || !email.includes('@')) problems.push({ field: 'email', message: 'must be an e-mail address', code: 'isEmail' });
    if (!password) problems.push({ field: 'password', message: 'must not be empty', code: 'isNotEmpty' });
    if (problems.length) throw new InputError(problems);
    await this.rateLimits.login(email, ip);
    const account = await this.accounts.byEmail(email);
    const ok = await verify(account?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!account || !ok) throw new UnauthenticatedError('E-mail or password is wrong');
    const token = newToken();
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600 * 1000);
    await this.accounts.startSession({ tokenHash: hashToken(token), accountId: account.id, expiresAt, revokedAt: null });
    return { token, expiresAt, viewer: toViewer(account) };
  }

  async logout(token: string): Promise<void> {
    await this.accounts.endSession(hashToken(token));
  }

  /** The viewer behind a bearer token, or null when the token is unknown, expired or revoked. */
  async resolve(token: string | undefined | null): Promise<Viewer | null> {
    return token ? this.resolveSession(hashToken(token)) : null;
  }

  /** The viewer of a live session, by its token's hash (a download ticket holds only that). */
  async resolveSession(tokenHash: string): Promise<Viewer | null> {
    const account = await this.accounts.bySession(tokenHash);
    return account ? toViewer(account) : null;
  }
}

function toViewer(account: AccountEntity): Viewer {
  return {
    accountId: account.id,
    organisationId: account.organisationId,
    personId: account.personId,
    email: account.email,
    isHrAdmin: account.isHrAdmin,
  };
}

/** Reads `Bearer <token>` from an Authorization header value. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}
