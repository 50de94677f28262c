import { Module } from '@nestjs/common';
import { PurgeCycleResponsesUseCase } from './purge-cycle-responses.use-case';
import { RetentionConsumer } from './retention.consumer';

/** Deleting a closed cycle's raw responses when its retention period runs out. */
@Module({ providers: [PurgeCycleResponsesUseCase, RetentionConsumer] })
export class RetentionModule {}
