import { Module } from '@nestjs/common';
import { PurgeCycleResponsesUseCase } from './purge-cycle-responses.use-case';
import { RetentionConsumer } from './retention.consumer';

/** Deleting a closed cycle's responses, and every figure never disclosed, when its retention period runs out. */
@Module({ providers: [PurgeCycleResponsesUseCase, RetentionConsumer] })
export class RetentionModule {}
