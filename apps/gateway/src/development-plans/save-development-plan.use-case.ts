import { developmentPlanChangedV1 } from '@leaderscope/events';
import { getInstrument } from '@leaderscope/framework';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError, InputError } from '../common/errors';
import { DevelopmentPlansRepository } from './development-plans.repository';
import { SaveDevelopmentPlanInput } from './dto/development-plan.input';
import { planProblems } from './plan-rules';

/**
 * The leader saves their development plan: one to three focus areas from their released report's
 * instrument, actions, a review date in the future. Each save is a new version (older ones are
 * kept); audited without content; the manager is told by mail (`development-plan.changed`).
 */
@Injectable()
export class SaveDevelopmentPlanUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly access: AccessPolicy,
    private readonly plans: DevelopmentPlansRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, input: SaveDevelopmentPlanInput): Promise<{ cycleId: string; subjectId: string; version: number }> {
    const cycle = await this.access.cycle(viewer, input.cycleId);
    const subjectId = await this.access.editPlan(viewer, cycle);
    const problems = planProblems(
      getInstrument(cycle.instrumentId, cycle.instrumentVersion),
      input.focusAreas,
      input.reviewDate,
      new Date(),
    );
    if (problems.length > 0) throw new InputError(problems);
    const version = await this.outbox.transact(async ({ manager, emit }) => {
      await this.plans.lockSubject(manager, cycle.id, subjectId);
      const current = (await this.plans.latest(cycle.id, subjectId, manager))?.version ?? 0;
      if (input.expectedVersion !== undefined && input.expectedVersion !== null && input.expectedVersion !== current)
        throw new ConflictError(`The plan was saved again since you opened it (now version ${current}): reload it before saving`, {
          reason: 'planChanged',
          values: { version: current },
        });
      const next = current + 1;
      await this.plans.insertVersion(manager, {
        cycleId: cycle.id,
        subjectId,
        version: next,
        organisationId: cycle.organisationId,
        focusAreas: input.focusAreas.map((a) => ({ kind: a.kind, id: a.id, actions: a.actions.trim() })),
        reviewDate: input.reviewDate,
        savedByAccountId: viewer.accountId,
      });
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'development-plan.saved',
        target: `cycle:${cycle.id}/subject:${subjectId}`,
        detail: { version: next },
      });
      const facts = await this.plans.noticeFacts(manager, cycle, subjectId);
      emit(
        developmentPlanChangedV1,
        {
          cycleId: cycle.id,
          cycleName: cycle.name,
          organisationName: facts.organisationName,
          subjectId,
          subjectName: facts.subject.name,
          version: next,
          change: next === 1 ? 'shared' : 'updated',
          manager: facts.manager ? { personId: facts.manager.id, name: facts.manager.name, email: facts.manager.email || null } : null,
          changedAt: new Date().toISOString(),
        },
        { organisationId: cycle.organisationId },
      );
      return next;
    });
    return { cycleId: cycle.id, subjectId, version };
  }
}
