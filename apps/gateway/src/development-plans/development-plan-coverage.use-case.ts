import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { InputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { pageRequest, SortDirection, toPage } from '../common/paging';
import { DevelopmentPlansRepository } from './development-plans.repository';
import { DevelopmentPlanCoverage, DevelopmentPlanExistencePage, PlanCoverageFilter } from './dto/development-plan.model';

/** HR: which leaders of a cycle have a development plan. Existence only, never content. */
@Injectable()
export class DevelopmentPlanCoverageUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly plans: DevelopmentPlansRepository,
  ) {}

  /** How many leaders the cycle reviews and how many have a plan. */
  async execute(viewer: Viewer, cycleId: string): Promise<DevelopmentPlanCoverage> {
    const cycle = await this.access.cycle(viewer, cycleId);
    return { cycleId: cycle.id, ...(await this.plans.coverageCounts(cycle.id)) };
  }

  /** Who has a plan, a page at a time by name (10,000 leaders in a large cycle), optionally only those without. */
  async page(
    viewer: Viewer,
    cycleId: string,
    args: { first?: number | null; after?: string | null; filter?: PlanCoverageFilter | null },
  ): Promise<DevelopmentPlanExistencePage> {
    const request = pageRequest(args.first ?? 100, args.after, 'name', SortDirection.ASC);
    if (!isUuid(cycleId)) throw new InputError([{ field: 'cycleId', message: 'is not a cycle id' }]);
    const cycle = await this.access.cycle(viewer, cycleId);
    const withoutPlanOnly = args.filter?.withoutPlanOnly === true;
    const after = request.after && { name: String(request.after.key), subjectId: request.after.id };
    const rows = await this.plans.existencePage(cycle.id, { first: request.first!, after, withoutPlanOnly });
    const counts = await this.plans.coverageCounts(cycle.id);
    const page = toPage(rows, request, (r) => ({ key: r.name, id: r.subjectId }));
    return {
      cycleId: cycle.id,
      nodes: page.nodes,
      pageInfo: page.pageInfo,
      totalCount: withoutPlanOnly ? counts.leaders - counts.withPlan : counts.leaders,
    };
  }
}
