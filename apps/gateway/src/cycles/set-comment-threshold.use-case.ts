import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError, FieldProblem, InputError } from '../common/errors';
import { requireStatus } from './cycle-status';
import { CycleView } from './cycle-view';
import { CycleEntity } from './cycle.entity';
import { CyclesRepository } from './cycles.repository';
import { Cycle } from './dto/cycle.model';

/** The highest comment threshold a cycle may have (the scoring contract's limit). */
export const MAX_COMMENT_THRESHOLD = 50;

/**
 * The problems with a comment threshold for a cycle whose anonymity threshold is `anonymityThreshold`:
 * a whole number from the anonymity threshold to 50 (null or absent: the same as the anonymity threshold).
 */
export function commentThresholdProblems(field: string, value: number | null | undefined, anonymityThreshold: number): FieldProblem[] {
  if (value === null || value === undefined) return [];
  if (!Number.isInteger(value) || value < anonymityThreshold || value > MAX_COMMENT_THRESHOLD)
    return [
      {
        field,
        message: `must be a whole number from the anonymity threshold (${anonymityThreshold}) to ${MAX_COMMENT_THRESHOLD}`,
        code: 'commentThresholdRange',
        values: { min: anonymityThreshold, max: MAX_COMMENT_THRESHOLD },
      },
    ];
  return [];
}

/** HR sets a draft cycle's comment threshold (null: the same as the anonymity threshold). Audited. */
@Injectable()
export class SetCommentThresholdUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly cycles: CyclesRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
    private readonly view: CycleView,
  ) {}

  async execute(viewer: Viewer, cycleId: string, commentThreshold: number | null): Promise<Cycle> {
    const cycle = await this.access.cycle(viewer, cycleId);
    requireStatus(cycle, ['draft'], 'change the comment threshold');
    const problems = commentThresholdProblems('commentThreshold', commentThreshold, cycle.anonymityThreshold);
    if (problems.length) throw new InputError(problems);
    const updated = await this.outbox.transact(async ({ manager }): Promise<CycleEntity> => {
      const locked = await this.cycles.lock(manager, cycle.id);
      if (locked!.status !== 'draft')
        throw new ConflictError(`Cannot change the comment threshold: the cycle is ${locked!.status}`, {
          reason: 'wrongStatus',
          values: { action: 'change the comment threshold', status: locked!.status },
        });
      await this.cycles.update(manager, cycle.id, { commentThreshold });
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'cycle.comment-threshold-set',
        target: `cycle:${cycle.id}`,
        detail: { from: locked!.commentThreshold, to: commentThreshold },
      });
      return { ...locked!, commentThreshold };
    });
    return this.view.of(updated);
  }
}
