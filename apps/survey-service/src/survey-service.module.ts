import { EventTransport } from '@leaderscope/events';
import { MessagingModule, MessagingOptions, serviceDataSourceOptions } from '@leaderscope/service-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { surveyMigrations } from './migrations';
import { RejectionEntity, ResponseEntity } from './responses/response.entity';
import { ResponsesModule } from './responses/responses.module';
import { RetentionModule } from './retention/retention.module';

export const SURVEY_SCHEMA = 'survey';

export interface SurveyServiceOptions {
  databaseUrl: string;
  transport: EventTransport;
  relay?: MessagingOptions['relay'];
  poolSize?: number;
}

@Module({})
export class SurveyServiceModule {
  static forRoot(options: SurveyServiceOptions): DynamicModule {
    return {
      module: SurveyServiceModule,
      imports: [
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: options.databaseUrl,
            schema: SURVEY_SCHEMA,
            entities: [ResponseEntity, RejectionEntity],
            migrations: surveyMigrations,
            poolSize: options.poolSize,
          }),
        ),
        MessagingModule.forRoot({ transport: options.transport, schema: SURVEY_SCHEMA, service: 'survey-service', relay: options.relay }),
        ResponsesModule,
        RetentionModule,
      ],
    };
  }
}
