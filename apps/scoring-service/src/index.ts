import { EventTransport } from '@leaderscope/events';
import { prepareServiceDatabase } from '@leaderscope/service-kit';
import { INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SCORING_SCHEMA, ScoringServiceModule } from './scoring-service.module';

export { ScoringServiceModule, SCORING_SCHEMA } from './scoring-service.module';
export { RescoreSubjectUseCase } from './reports/rescore-subject.use-case';
export { RaterResponseEntity, SubjectReportEntity } from './reports/report.entity';

/** Starts the scoring service (no HTTP: it only consumes and produces events). */
export async function startScoringService(options: {
  databaseUrl: string;
  transport: EventTransport;
  logger?: LogLevel[] | false;
}): Promise<INestApplicationContext> {
  await prepareServiceDatabase(options.databaseUrl, SCORING_SCHEMA);
  const app = await NestFactory.createApplicationContext(ScoringServiceModule.forRoot(options), {
    logger: options.logger ?? ['error', 'warn'],
    abortOnError: false,
  });
  await app.init();
  return app;
}
