import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { ForbiddenError, InputError } from '../common/errors';
import { requireStatus } from '../cycles/cycle-status';
import { NominationSummary } from './dto/nomination.model';
import { NominationsRepository } from './nominations.repository';

/**
 * The subject's manager (or HR) approves the subject's proposed raters, with one audit record per
 * nomination approved, atomically and under a share lock of the cycle's row (so never into a cycle
 * being launched, nor beside a nomination change: those take the row's exclusive lock). Approvals
 * of different subjects run side by side; two approvals of the same subject take turns on the
 * nominations' row locks, and the second finds nothing left to approve. Approving again approves
 * nothing and records nothing. HR may approve every subject's proposals of the cycle in one call
 * (set-based: one statement however many subjects). (`NominationsRepository.approveProposed`.)
 * The answer is a summary (`NominationSummary`): what was approved, counted in PostgreSQL.
 */
@Injectable()
export class ApproveNominationsUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly nominations: NominationsRepository,
  ) {}

  /** With `subjectId` null: HR approves the proposals of every subject of the cycle at once. */
  async execute(viewer: Viewer, cycleId: string, subjectId: string | null): Promise<NominationSummary> {
    const cycle = await this.access.cycle(viewer, cycleId);
    if (subjectId === null) {
      if (!viewer.isHrAdmin) throw new ForbiddenError('Only HR can approve the nominations of every subject at once');
    } else await this.access.approveNominations(viewer, subjectId);
    requireStatus(cycle, ['draft'], 'approve nominations');
    if (subjectId !== null && !(await this.access.isSubject(cycle.id, subjectId)))
      throw new InputError([{ field: 'subjectId', message: 'is not a subject of this cycle', code: 'notASubject' }]);
    const { cycleStatus, approved, subjects } = await this.nominations.approveProposed(cycle.id, subjectId, {
      organisationId: cycle.organisationId,
      accountId: viewer.accountId,
    });
    // Launched (or further) since the check above: nothing was changed.
    requireStatus({ ...cycle, status: (cycleStatus ?? cycle.status) as typeof cycle.status }, ['draft'], 'approve nominations');
    const counts = await this.nominations.statusCounts(cycle.id, subjectId);
    return { cycleId: cycle.id, subjectId, organisationId: viewer.organisationId, changed: approved, subjectsTouched: subjects, ...counts };
  }
}
