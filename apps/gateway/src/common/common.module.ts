import { RaterPseudonyms } from '@leaderscope/events';
import { Global, Module } from '@nestjs/common';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AuthService } from '../accounts/auth.service';
import { RateLimitsService } from '../accounts/rate-limits.service';
import { TOKEN_CIPHER, TokenCipher } from '../accounts/secrets';
import { SessionSockets } from '../accounts/session-sockets';
import { AuditRepository } from './audit.repository';
import { LiveUpdates } from './live-updates';

/** What every capability uses: sessions (the viewer behind a token), rate limits, audit, live updates, the token cipher and rater pseudonyms. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(secret: string) {
    return {
      module: CommonModule,
      providers: [
        AccountsRepository,
        AuthService,
        RateLimitsService,
        AuditRepository,
        LiveUpdates,
        SessionSockets,
        { provide: TOKEN_CIPHER, useValue: new TokenCipher(secret) },
        { provide: RaterPseudonyms, useValue: new RaterPseudonyms(secret) },
      ],
      exports: [
        AccountsRepository,
        AuthService,
        RateLimitsService,
        AuditRepository,
        LiveUpdates,
        SessionSockets,
        TOKEN_CIPHER,
        RaterPseudonyms,
      ],
    };
  }
}
