import { DynamicModule, Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { GetRetentionUseCase } from './get-retention.use-case';
import { PurgeDueCyclesUseCase } from './purge-due-cycles.use-case';
import { RetentionJob } from './retention-job';
import { RETENTION_OPTIONS, RetentionOptions } from './retention.options';
import { RetentionRepository } from './retention.repository';
import { RetentionResolver } from './retention.resolver';
import { SetRetentionUseCase } from './set-retention.use-case';

/** How long raw answers of closed cycles are kept: the setting, and the scheduled job that deletes them. */
@Module({})
export class RetentionModule {
  static forRoot(options: RetentionOptions = {}): DynamicModule {
    return {
      module: RetentionModule,
      imports: [CyclesModule],
      providers: [
        { provide: RETENTION_OPTIONS, useValue: options },
        RetentionRepository,
        GetRetentionUseCase,
        SetRetentionUseCase,
        PurgeDueCyclesUseCase,
        RetentionJob,
        RetentionResolver,
      ],
      exports: [RetentionJob],
    };
  }
}
