import { EventTransport } from '@leaderscope/events';
import { MessagingModule, serviceDataSourceOptions } from '@leaderscope/service-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { scoringMigrations } from './migrations';
import { RaterResponseEntity, SubjectReportEntity } from './reports/report.entity';
import { ReportsModule } from './reports/reports.module';

export const SCORING_SCHEMA = 'scoring';

export interface ScoringServiceOptions {
  databaseUrl: string;
  transport: EventTransport;
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
            entities: [RaterResponseEntity, SubjectReportEntity],
            migrations: scoringMigrations,
          }),
        ),
        MessagingModule.forRoot({ transport: options.transport, schema: SCORING_SCHEMA, service: 'scoring-service' }),
        ReportsModule,
      ],
    };
  }
}
