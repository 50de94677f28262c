import { EventTransport } from '@leaderscope/events';
import { prepareServiceDatabase } from '@leaderscope/service-kit';
import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule, GATEWAY_SCHEMA } from './app.module';
import { inputValidationPipe } from './common/validation.pipe';

export { AppModule, GATEWAY_SCHEMA, GatewayOptions } from './app.module';

/** Builds the gateway (GraphQL at /graphql, health at /health, the dashboard at /). Call `listen` to serve. */
export async function createGateway(options: {
  databaseUrl: string;
  transport: EventTransport;
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
  app.getHttpAdapter().getInstance().disable?.('x-powered-by');
  return app;
}
