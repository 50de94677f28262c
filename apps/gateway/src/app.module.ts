import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DASHBOARD_DIR, DashboardAssetsMiddleware } from './dashboard/dashboard-assets.middleware';
import { SurveyPage } from './dashboard/survey-page';
import { EventTransport } from '@leaderscope/events';
import { MessagingModule, serviceDataSourceOptions } from '@leaderscope/service-kit';
import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { AccessModule } from './access/access.module';
import { AccountEntity, SessionEntity } from './accounts/account.entity';
import { AccountsModule } from './accounts/accounts.module';
import { AuthMiddleware } from './accounts/auth.middleware';
import { AuthService, bearerToken } from './accounts/auth.service';
import { hashToken } from './accounts/secrets';
import { noStorePlugins } from './common/no-store';
import { nulBytesPlugin } from './common/nul-bytes';
import { SessionSockets } from './accounts/session-sockets';
import { AuditEventEntity } from './common/audit-event.entity';
import { CoachAssignmentEntity, CoachedCycleEntity } from './coaching/coaching.entity';
import { CoachingModule } from './coaching/coaching.module';
import { CommonModule } from './common/common.module';
import { CorrelationMiddleware } from './common/correlation.middleware';
import { formatGraphQLError } from './common/errors';
import { complexityPlugin, depthRule } from './common/query-limits';
import { CycleEntity, CycleSubjectEntity } from './cycles/cycle.entity';
import { CyclesModule } from './cycles/cycles.module';
import { DevelopmentPlanCommentEntity, DevelopmentPlanVersionEntity } from './development-plans/development-plan.entity';
import { DevelopmentPlansModule } from './development-plans/development-plans.module';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { InstrumentsModule } from './instruments/instruments.module';
import { AssignmentEntity } from './invitations/assignment.entity';
import { InvitationsModule } from './invitations/invitations.module';
import { gatewayMigrations } from './migrations';
import { NominationEntity } from './nominations/nomination.entity';
import { MailDeliveryEntity } from './notifications/mail-delivery.entity';
import { NominationsModule } from './nominations/nominations.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationEntity } from './people/organisation.entity';
import { PeopleModule } from './people/people.module';
import { PersonEntity } from './people/person.entity';
import { ConsistencyOptions } from './progress/consistency-check';
import { ProgressModule } from './progress/progress.module';
import { PublicationModule } from './publication/publication.module';
import { PublishedReportEntity } from './publication/published-report.entity';
import { PulseEntity } from './pulses/pulse.entity';
import { PulsesModule } from './pulses/pulses.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';
import { DataProtectionModule } from './data-protection/data-protection.module';
import { RetentionOptions } from './retention/retention.options';
import { CycleResultEntity, SubjectComparisonEntity } from './reliability/cycle-result.entity';
import { ReliabilityModule } from './reliability/reliability.module';
import { SubjectReportEntity } from './reports/subject-report.entity';
import { SubmissionEntity } from './surveys/submission.entity';
import { SurveysModule } from './surveys/surveys.module';

export const GATEWAY_SCHEMA = 'gateway';

export interface GatewayOptions {
  databaseUrl: string;
  transport: EventTransport;
  /** Server secret (LEADERSCOPE_SECRET): encrypts survey tokens so HR can list links. */
  secret: string;
  /** The built dashboard to serve at `/`, if any. */
  dashboardDir?: string;
  /** Schema introspection for clients (GRAPHQL_INTROSPECTION); on by default. */
  introspection?: boolean;
  /** Base of links in HR's link export and mail outbox (PUBLIC_URL); default http://127.0.0.1:4000. */
  publicUrl?: string;
  /** The periodic check of received / recorded / counted (default: every minute, stuck after 5 minutes). */
  consistency?: ConsistencyOptions;
  /** The retention job (default hourly, on the real clock). */
  retention?: RetentionOptions;
}

export const GATEWAY_ENTITIES = [
  OrganisationEntity,
  PersonEntity,
  AccountEntity,
  SessionEntity,
  CycleEntity,
  CycleSubjectEntity,
  PulseEntity,
  NominationEntity,
  AssignmentEntity,
  SubmissionEntity,
  SubjectReportEntity,
  PublishedReportEntity,
  AuditEventEntity,
  CycleResultEntity,
  SubjectComparisonEntity,
  MailDeliveryEntity,
  DevelopmentPlanVersionEntity,
  DevelopmentPlanCommentEntity,
  CoachedCycleEntity,
  CoachAssignmentEntity,
];

@Module({})
export class AppModule implements NestModule {
  static forRoot(options: GatewayOptions): DynamicModule {
    const serveDashboard = options.dashboardDir && existsSync(options.dashboardDir);
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: options.databaseUrl,
            schema: GATEWAY_SCHEMA,
            entities: GATEWAY_ENTITIES,
            migrations: gatewayMigrations,
          }),
        ),
        MessagingModule.forRoot({ transport: options.transport, schema: GATEWAY_SCHEMA, service: 'gateway' }),
        CommonModule.forRoot(options.secret),
        NotificationsModule.forRoot({ secret: options.secret, publicUrl: options.publicUrl ?? 'http://127.0.0.1:4000' }),
        AccessModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AuthService, GraphQLSchemaHost, SessionSockets],
          useFactory: (auth: AuthService, schemaHost: GraphQLSchemaHost, sessionSockets: SessionSockets) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            introspection: options.introspection ?? true,
            includeStacktraceInErrorResponses: false,
            formatError: formatGraphQLError,
            validationRules: [depthRule()],
            plugins: [nulBytesPlugin(), complexityPlugin(() => schemaHost.schema), ...noStorePlugins()],
            subscriptions: {
              'graphql-ws': {
                // Subscriptions sign in with `connectionParams: { authorization: 'Bearer <token>' }`.
                onConnect: async (context: { connectionParams?: Record<string, unknown>; extra: unknown }) => {
                  const token = bearerToken(context.connectionParams?.authorization);
                  const viewer = await auth.resolve(token);
                  (context.extra as Record<string, unknown>).leaderscope = { viewer, ip: 'websocket' };
                  // The subscriptions end with the session (logout, expiry): see SessionSockets.
                  const socket = (context.extra as { socket?: Parameters<SessionSockets['register']>[0] }).socket;
                  if (viewer && token && socket) sessionSockets.register(socket, hashToken(token));
                  return true;
                },
              },
            },
            context: ({ req, extra }: { req?: { leaderscope?: unknown }; extra?: { leaderscope?: unknown } }) => ({
              req,
              leaderscope: extra?.leaderscope ?? req?.leaderscope,
            }),
          }),
        }),
        ...(serveDashboard
          ? [
              ServeStaticModule.forRoot({
                rootPath: options.dashboardDir!,
                exclude: ['/graphql{*rest}', '/health{*rest}', '/reports{*rest}', '/exports{*rest}', '/ssr{*rest}'],
                // index.html (and the SPA fallback) is revalidated on every visit; hashed assets are handled by DashboardAssetsMiddleware.
                serveStaticOptions: {
                  setHeaders: (res: { setHeader(name: string, value: string): void }) => res.setHeader('Cache-Control', 'no-cache'),
                },
              }),
            ]
          : []),
        HealthModule,
        AccountsModule,
        InstrumentsModule,
        PeopleModule,
        CyclesModule,
        NominationsModule,
        InvitationsModule,
        ProgressModule.forRoot(options.consistency),
        SurveysModule,
        ReportsModule,
        ReliabilityModule,
        PublicationModule,
        ExportsModule,
        RetentionModule.forRoot(options.retention),
        DataProtectionModule,
        DevelopmentPlansModule,
        CoachingModule,
        PulsesModule,
      ],
      providers: [{ provide: DASHBOARD_DIR, useValue: serveDashboard ? options.dashboardDir! : null }, SurveyPage],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(DashboardAssetsMiddleware).forRoutes('*path');
    consumer.apply(CorrelationMiddleware, AuthMiddleware).forRoutes('*path');
  }
}
