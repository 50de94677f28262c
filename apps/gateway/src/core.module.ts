import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { RateLimitsService } from './auth/rate-limits.service';
import { TokenCipher } from './auth/secrets';
import { AccessService } from './cycles/access.service';
import { TOKEN_CIPHER } from './cycles/cycles.service';
import { ProgressNotifier } from './cycles/progress.notifier';
import { PeopleService } from './people/people.service';

/** Services every feature module uses: sign-in, access rules, the directory, audit and live updates. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(secret: string) {
    return {
      module: CoreModule,
      providers: [
        AuthService,
        RateLimitsService,
        AccessService,
        PeopleService,
        AuditService,
        ProgressNotifier,
        { provide: TOKEN_CIPHER, useValue: new TokenCipher(secret) },
      ],
      exports: [AuthService, RateLimitsService, AccessService, PeopleService, AuditService, ProgressNotifier, TOKEN_CIPHER],
    };
  }
}
