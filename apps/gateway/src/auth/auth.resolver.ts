import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeopleService } from '../people/people.service';
import { AuthService } from './auth.service';
import { AuthPayload, Me, Role } from './dto/auth.model';
import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { ClientIp, CurrentViewer, requestContextOf, Viewer } from './viewer';

const SessionToken = createParamDecorator((_: unknown, context: ExecutionContext) => requestContextOf(context).token ?? null);

@Resolver(() => Me)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly people: PeopleService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => AuthPayload, { description: 'Sign in with e-mail and password. Rate-limited.' })
  async login(@Args('email') email: string, @Args('password') password: string, @ClientIp() ip: string): Promise<AuthPayload> {
    const { token, expiresAt, viewer } = await this.auth.login(email, password, ip);
    return { token, expiresAt, me: await this.describe(viewer) };
  }

  @Mutation(() => Boolean, { description: 'End this session: its bearer token stops working.' })
  async logout(@CurrentViewer() _viewer: Viewer, @SessionToken() token: string | null): Promise<boolean> {
    if (token) await this.auth.logout(token);
    return true;
  }

  @Query(() => Me, { description: 'The signed-in account, its person and roles.' })
  me(@CurrentViewer() viewer: Viewer): Promise<Me> {
    return this.describe(viewer);
  }

  private async describe(viewer: Viewer): Promise<Me> {
    const [organisation] = await this.dataSource.query(`SELECT "id", "name" FROM "gateway"."organisation" WHERE "id" = $1`, [viewer.organisationId]);
    const person = viewer.personId ? (await this.people.byIds(viewer.organisationId, [viewer.personId]))[0] ?? null : null;
    const roles: Role[] = [];
    if (viewer.isHrAdmin) roles.push(Role.HR_ADMIN);
    if (viewer.personId) {
      const [{ subject, manager }] = await this.dataSource.query(
        `SELECT EXISTS (SELECT 1 FROM "gateway"."cycle_subject" WHERE "person_id" = $1) AS "subject",
                EXISTS (SELECT 1 FROM "gateway"."person" WHERE "manager_id" = $1) AS "manager"`,
        [viewer.personId],
      );
      if (subject) roles.push(Role.LEADER);
      if (manager) roles.push(Role.MANAGER);
    }
    return { accountId: viewer.accountId, email: viewer.email, organisation, person, roles };
  }
}
