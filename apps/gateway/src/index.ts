import { EventTransport } from '@leaderscope/events';
import { prepareServiceDatabase } from '@leaderscope/service-kit';
import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule, GATEWAY_SCHEMA } from './app.module';
import { GraphQLErrorFilter } from './common/graphql-error.filter';
import { inputValidationPipe } from './common/validation.pipe';

export { AppModule, GATEWAY_SCHEMA, GATEWAY_ENTITIES, GatewayOptions } from './app.module';
export { provisionOrganisation, addAccount } from './organisations/provision';
export { ReportsService } from './reports/reports.service';

/** Builds the gateway (GraphQL at /graphql, health at /health, the dashboard at /). Call `listen` to serve. */
export async function createGateway(options: {
  databaseUrl: string;
  transport: EventTransport;
  secret: string;
  dashboardDir?: string;
  introspection?: boolean;
  logger?: LogLevel[] | false;
}): Promise<INestApplication> {
  await prepareServiceDatabase(options.databaseUrl, GATEWAY_SCHEMA);
  const app = await NestFactory.create(AppModule.forRoot(options), {
    logger: options.logger ?? ['error', 'warn'],
    abortOnError: false,
  });
  app.useGlobalPipes(inputValidationPipe());
  app.useGlobalFilters(new GraphQLErrorFilter());
  app.getHttpAdapter().getInstance().disable?.('x-powered-by');
  return app;
}
