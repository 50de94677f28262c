import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RejectionEntity, ResponseEntity } from './response.entity';
import { RecordResponseUseCase } from './record-response.use-case';
import { SubmissionsConsumer } from './submissions.consumer';

@Module({
  imports: [TypeOrmModule.forFeature([ResponseEntity, RejectionEntity])],
  providers: [RecordResponseUseCase, SubmissionsConsumer],
  exports: [RecordResponseUseCase],
})
export class ResponsesModule {}
