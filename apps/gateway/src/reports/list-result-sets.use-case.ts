import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { ReportsRepository } from './reports.repository';

/** HR: the cycle's result sets: 'live' and one per rescore. */
@Injectable()
export class ListResultSetsUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<string[]> {
    const cycle = await this.access.cycle(viewer, cycleId);
    return this.reports.resultSets(cycle.id);
  }
}
