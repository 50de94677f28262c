import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { EventTransport } from '@leaderscope/events';
import { MessagingModule, serviceDataSourceOptions } from '@leaderscope/service-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { formatGraphQLError } from './common/errors';
import { HealthModule } from './health/health.module';
import { gatewayMigrations } from './migrations';
import { ReportsModule } from './reports/reports.module';
import { SubjectReportEntity } from './reports/subject-report.entity';
import { SubmissionEntity } from './surveys/submission.entity';
import { SurveysModule } from './surveys/surveys.module';

export const GATEWAY_SCHEMA = 'gateway';

export interface GatewayOptions {
  databaseUrl: string;
  transport: EventTransport;
  /** The built dashboard to serve at `/`, if any. */
  dashboardDir?: string;
  /** Schema introspection for clients (GRAPHQL_INTROSPECTION); on by default. */
  introspection?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(options: GatewayOptions): DynamicModule {
    const serveDashboard = options.dashboardDir && existsSync(options.dashboardDir);
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: options.databaseUrl,
            schema: GATEWAY_SCHEMA,
            entities: [SubmissionEntity, SubjectReportEntity],
            migrations: gatewayMigrations,
          }),
        ),
        MessagingModule.forRoot({ transport: options.transport, schema: GATEWAY_SCHEMA, service: 'gateway' }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: options.introspection ?? true,
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphQLError,
        }),
        ...(serveDashboard
          ? [ServeStaticModule.forRoot({ rootPath: options.dashboardDir!, exclude: ['/graphql{*rest}', '/health{*rest}'] })]
          : []),
        HealthModule,
        SurveysModule,
        ReportsModule,
      ],
    };
  }
}
