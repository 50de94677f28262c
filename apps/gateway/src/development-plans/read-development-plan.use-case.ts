import { getInstrument } from '@leaderscope/framework';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { DevelopmentPlansRepository } from './development-plans.repository';
import { DevelopmentPlan } from './dto/development-plan.model';
import { describeFocusArea } from './plan-rules';

/** A leader's plan with its history and comments, for the leader and their manager; null before the first save. */
@Injectable()
export class ReadDevelopmentPlanUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly plans: DevelopmentPlansRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string, subjectId: string): Promise<DevelopmentPlan | null> {
    const cycle = await this.access.cycle(viewer, cycleId);
    const { isLeader, isManager, isCoach } = await this.access.readPlan(viewer, cycle, subjectId);
    const versions = await this.plans.versions(cycle.id, subjectId);
    if (versions.length === 0) return null;
    const instrument = getInstrument(cycle.instrumentId, cycle.instrumentVersion);
    const history = versions.map((v) => ({
      version: v.version,
      focusAreas: v.focusAreas.map((a) => describeFocusArea(instrument, a)),
      reviewDate: v.reviewDate,
      savedAt: v.savedAt,
    }));
    return {
      cycleId: cycle.id,
      subjectId,
      ...history[0],
      editable: isLeader,
      commentable: isManager || isCoach,
      history,
      comments: await this.plans.comments(cycle.id, subjectId),
    };
  }
}
