import { Module } from '@nestjs/common';
import { ResponseOutcomesConsumer } from './response-outcomes.consumer';
import { SurveysResolver } from './surveys.resolver';
import { SurveysService } from './surveys.service';

@Module({ providers: [SurveysService, SurveysResolver, ResponseOutcomesConsumer] })
export class SurveysModule {}
