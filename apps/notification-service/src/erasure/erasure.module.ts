import { Module } from '@nestjs/common';
import { ErasePersonUseCase } from './erase-person.use-case';
import { ErasureConsumer } from './erasure.consumer';

/** Dropping what the notification service holds about an erased person. */
@Module({ providers: [ErasePersonUseCase, ErasureConsumer] })
export class ErasureModule {}
