import { EventTransport } from '@leaderscope/events';
import { MessagingModule, serviceDataSourceOptions } from '@leaderscope/service-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { surveyMigrations } from './migrations';
import { RejectionEntity, ResponseEntity } from './responses/response.entity';
import { ResponsesModule } from './responses/responses.module';

export const SURVEY_SCHEMA = 'survey';

export interface SurveyServiceOptions {
  databaseUrl: string;
  transport: EventTransport;
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
          }),
        ),
        MessagingModule.forRoot({ transport: options.transport, schema: SURVEY_SCHEMA, service: 'survey-service' }),
        ResponsesModule,
      ],
    };
  }
}
