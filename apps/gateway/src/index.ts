import { EventTransport } from '@leaderscope/events';
import { prepareServiceDatabase } from '@leaderscope/service-kit';
import { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { json, Response } from 'express';
import { AppModule, GATEWAY_SCHEMA } from './app.module';
import { GraphQLErrorFilter } from './common/graphql-error.filter';
import { inputValidationPipe } from './common/validation.pipe';
import { SubmitSurveyInput, SurveyAnswersInput } from './surveys/dto/survey.input';
import { gatewayMigrations } from './migrations';
import type { ConsistencyOptions } from './progress/consistency-check';
import type { RetentionOptions } from './retention/retention.options';

export { AppModule, GATEWAY_SCHEMA, GATEWAY_ENTITIES, GatewayOptions } from './app.module';
export { provisionOrganisation, addAccount } from './accounts/provision';
export { TOKEN_CIPHER, TokenCipher } from './accounts/secrets';
export { NOTIFICATIONS_OPTIONS } from './notifications/notifications.options';
export type { NotificationsOptions } from './notifications/notifications.options';
export { ConsistencyCheck } from './progress/consistency-check';
export { listenGateway, GATEWAY_ACCEPTORS } from './common/listen';
export { RetentionJob } from './retention/retention-job';
export type { RetentionOptions } from './retention/retention.options';
export type { ConsistencyOptions, ConsistencyResult, CycleDifference } from './progress/consistency-check';

/** Builds the gateway (GraphQL at /graphql, health at /health, the dashboard at /). Call `listen` to serve. */
export async function createGateway(options: {
  databaseUrl: string;
  transport: EventTransport;
  secret: string;
  dashboardDir?: string;
  introspection?: boolean;
  publicUrl?: string;
  consistency?: ConsistencyOptions;
  retention?: RetentionOptions;
  logger?: LoggerService | LogLevel[] | false;
}): Promise<INestApplication> {
  await prepareServiceDatabase(options.databaseUrl, GATEWAY_SCHEMA, gatewayMigrations);
  const app = await NestFactory.create(AppModule.forRoot(options), {
    bodyParser: false,
    logger: options.logger ?? ['error', 'warn'],
    abortOnError: false,
  });
  // Room for a directory CSV (importPeople allows 12 MB); a body that is not JSON gets a plain 400.
  app.use(json({ limit: '14mb' }));
  app.use((error: { type?: string; status?: number }, _req: unknown, res: Response, next: (e?: unknown) => void) => {
    if (error?.type === 'entity.parse.failed' || error?.type === 'entity.too.large') {
      res.status(error.status ?? 400).json({
        errors: [
          {
            message: error.type === 'entity.too.large' ? 'Request body is too large' : 'Request body is not valid JSON',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
      return;
    }
    next(error);
  });
  // The rater's survey inputs are the hot path (submitSurvey): their valid values skip the generic pipe.
  app.useGlobalPipes(inputValidationPipe([SubmitSurveyInput, SurveyAnswersInput]));
  app.useGlobalFilters(new GraphQLErrorFilter());
  (app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void }).disable?.('x-powered-by');
  return app;
}
