import { DynamicModule, Module } from '@nestjs/common';
import { CONSISTENCY_OPTIONS, ConsistencyCheck, ConsistencyOptions } from './consistency-check';
import { GetProgressUseCase } from './get-progress.use-case';
import { ProgressRepository } from './progress.repository';
import { ProgressResolver } from './progress.resolver';

/** How far a cycle is: response rates per subject and group, received / recorded / counted, live; the periodic consistency check. */
@Module({})
export class ProgressModule {
  static forRoot(options: ConsistencyOptions = {}): DynamicModule {
    return {
      module: ProgressModule,
      global: true,
      providers: [
        { provide: CONSISTENCY_OPTIONS, useValue: options },
        ProgressRepository,
        ConsistencyCheck,
        GetProgressUseCase,
        ProgressResolver,
      ],
      exports: [ConsistencyCheck],
    };
  }
}
