import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError, InputError } from '../common/errors';
import { DevelopmentPlansRepository } from './development-plans.repository';
import { CommentOnDevelopmentPlanInput } from './dto/development-plan.input';

/** The leader's manager comments on the current version of the plan (audited without the words). */
@Injectable()
export class CommentOnDevelopmentPlanUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly plans: DevelopmentPlansRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, input: CommentOnDevelopmentPlanInput): Promise<void> {
    const cycle = await this.access.cycle(viewer, input.cycleId);
    await this.access.commentOnPlan(viewer, cycle, input.subjectId);
    if (input.body.trim().length === 0) throw new InputError([{ field: 'input.body', message: 'write a comment' }]);
    await this.dataSource.transaction(async (manager) => {
      await this.plans.lockSubject(manager, cycle.id, input.subjectId);
      const plan = await this.plans.latest(cycle.id, input.subjectId, manager);
      if (!plan) throw new ConflictError('There is no development plan to comment on yet', { reason: 'noPlan' });
      await this.plans.insertComment(manager, {
        id: randomUUID(),
        cycleId: cycle.id,
        subjectId: input.subjectId,
        planVersion: plan.version,
        organisationId: cycle.organisationId,
        authorPersonId: viewer.personId!,
        body: input.body.trim(),
      });
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'development-plan.commented',
        target: `cycle:${cycle.id}/subject:${input.subjectId}`,
        detail: { planVersion: plan.version },
      });
    });
  }
}
