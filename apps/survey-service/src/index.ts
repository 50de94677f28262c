import { prepareServiceDatabase } from '@leaderscope/service-kit';
import { INestApplicationContext, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SURVEY_SCHEMA, SurveyServiceModule, SurveyServiceOptions } from './survey-service.module';
import { surveyMigrations } from './migrations';

export { SurveyServiceModule, SURVEY_SCHEMA } from './survey-service.module';
export type { SurveyServiceOptions } from './survey-service.module';
export { validateSubmission } from './responses/validate-submission';
export { RecordResponseUseCase } from './responses/record-response.use-case';
export { ResponseEntity, RejectionEntity } from './responses/response.entity';

/** Starts the survey service (no HTTP: it only consumes and produces events). */
export async function startSurveyService(
  options: SurveyServiceOptions & { logger?: LoggerService | LogLevel[] | false },
): Promise<INestApplicationContext> {
  await prepareServiceDatabase(options.databaseUrl, SURVEY_SCHEMA, surveyMigrations);
  const app = await NestFactory.createApplicationContext(SurveyServiceModule.forRoot(options), {
    logger: options.logger ?? ['error', 'warn'],
    abortOnError: false,
  });
  await app.init();
  return app;
}
