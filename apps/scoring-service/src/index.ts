import { prepareServiceDatabase } from '@leaderscope/service-kit';
import { INestApplicationContext, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SCORING_SCHEMA, ScoringServiceModule, ScoringServiceOptions } from './scoring-service.module';
import { scoringMigrations } from './migrations';

export { ScoringServiceModule, SCORING_SCHEMA } from './scoring-service.module';
export type { ScoringServiceOptions } from './scoring-service.module';
export { RescoreSubjectUseCase, toReportUpdated } from './reports/rescore-subject.use-case';
export { RescoreCycleUseCase } from './reports/rescore-cycle.use-case';
export type { RescoreCycleRequest, RescoreCycleResult, RescoreProgress, ResultSetComparison } from './reports/rescore-cycle.use-case';
export { byRaterId, computeSubjectReport, reportSeed, resolveBasis, ScoringBasisError, scorableResponses } from './reports/compute-report';
/** The live side of the disclosure rule (docs/anonymity.md); the benchmark's generated cycle takes its snapshots with it. */
export { takeLiveSnapshot } from './disclosure/disclosure-ledger';
export type { ScoringBasis, ComputedReport, StoredResponse } from './reports/compute-report';
export { ScoreCycleUseCase } from './cycle-results/score-cycle.use-case';
export type { ScoreCycleRequest, ScoreCycleSummary } from './cycle-results/score-cycle.use-case';
export { CycleResultEntity, SubjectComparisonEntity } from './cycle-results/cycle-result.entity';
export { LIVE_RESULT_SET, RaterResponseEntity, RescoreEntity, SubjectReportEntity } from './reports/report.entity';

/** Starts the scoring service (no HTTP: it only consumes and produces events). */
export async function startScoringService(
  options: ScoringServiceOptions & { logger?: LoggerService | LogLevel[] | false },
): Promise<INestApplicationContext> {
  await prepareServiceDatabase(options.databaseUrl, SCORING_SCHEMA, scoringMigrations);
  const app = await NestFactory.createApplicationContext(ScoringServiceModule.forRoot(options), {
    logger: options.logger ?? ['error', 'warn'],
    abortOnError: false,
  });
  await app.init();
  return app;
}
