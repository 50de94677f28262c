import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ClientIp, CurrentViewer, SessionToken, Viewer } from '../access/viewer';
import { AuthService } from './auth.service';
import { DescribeMeUseCase } from './describe-me.use-case';
import { AuthPayload, Me } from './dto/auth.model';

@Resolver(() => Me)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly describeMe: DescribeMeUseCase,
  ) {}

  @Mutation(() => AuthPayload, { description: 'Sign in with e-mail and password. Rate-limited.' })
  async login(@Args('email') email: string, @Args('password') password: string, @ClientIp() ip: string): Promise<AuthPayload> {
    const { token, expiresAt, viewer } = await this.auth.login(email, password, ip);
    return { token, expiresAt, me: await this.describeMe.execute(viewer) };
  }

  @Mutation(() => Boolean, { description: 'End this session: its bearer token stops working.' })
  async logout(@CurrentViewer() _viewer: Viewer, @SessionToken() token: string | null): Promise<boolean> {
    if (token) await this.auth.logout(token);
    return true;
  }

  @Query(() => Me, { description: 'The signed-in account, its person and roles.' })
  me(@CurrentViewer() viewer: Viewer): Promise<Me> {
    return this.describeMe.execute(viewer);
  }
}
