import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { DevelopmentPlansRepository } from './development-plans.repository';
import { DevelopmentPlanCoverage } from './dto/development-plan.model';

/** HR: which leaders of a cycle have a development plan. Existence only, never content. */
@Injectable()
export class DevelopmentPlanCoverageUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly plans: DevelopmentPlansRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<DevelopmentPlanCoverage> {
    const cycle = await this.access.cycle(viewer, cycleId);
    const subjects = await this.plans.existence(cycle.id);
    return { cycleId: cycle.id, leaders: subjects.length, withPlan: subjects.filter((s) => s.hasPlan).length, subjects };
  }
}
