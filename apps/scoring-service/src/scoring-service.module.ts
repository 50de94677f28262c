import { EventTransport } from '@leaderscope/events';
import { MessagingModule, MessagingOptions, serviceDataSourceOptions } from '@leaderscope/service-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { scoringMigrations } from './migrations';
import { RaterResponseEntity, RescoreEntity, SubjectReportEntity } from './reports/report.entity';
import { ReportsModule } from './reports/reports.module';
import { CycleResultEntity, SubjectComparisonEntity } from './cycle-results/cycle-result.entity';
import { CycleResultsModule } from './cycle-results/cycle-results.module';
import { RetentionModule } from './retention/retention.module';

export const SCORING_SCHEMA = 'scoring';

export interface ScoringServiceOptions {
  databaseUrl: string;
  /** null: write events to the outbox only (the service's relay publishes them later). */
  transport: EventTransport | null;
  /** Subscribe the consumers (default true; false for one-off commands such as the rescore CLI). */
  consume?: boolean;
  relay?: MessagingOptions['relay'];
  poolSize?: number;
}

@Module({})
export class ScoringServiceModule {
  static forRoot(options: ScoringServiceOptions): DynamicModule {
    return {
      module: ScoringServiceModule,
      imports: [
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: options.databaseUrl,
            schema: SCORING_SCHEMA,
            entities: [RaterResponseEntity, SubjectReportEntity, RescoreEntity, CycleResultEntity, SubjectComparisonEntity],
            migrations: scoringMigrations,
            poolSize: options.poolSize,
          }),
        ),
        MessagingModule.forRoot({
          transport: options.transport,
          schema: SCORING_SCHEMA,
          service: 'scoring-service',
          consume: options.consume,
          relay: options.relay,
          // Rescored reports' events are stored in parts around their report row (RescoreEventsReferToReports).
          envelopeSource: 'outbox_event_envelope',
        }),
        ReportsModule,
        CycleResultsModule,
        RetentionModule,
      ],
    };
  }
}
