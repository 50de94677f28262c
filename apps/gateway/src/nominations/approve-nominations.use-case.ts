import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { InputError } from '../common/errors';
import { requireStatus } from '../cycles/cycle-status';
import { CyclesRepository } from '../cycles/cycles.repository';
import { Nomination } from './dto/nomination.model';
import { NominationView } from './nomination-view';
import { NominationsRepository } from './nominations.repository';

/**
 * The subject's manager (or HR) approves the subject's proposed raters: one transaction under a
 * share lock of the cycle's row (so never into a cycle being launched, nor beside a nomination
 * change, which take the row's exclusive lock), one audit record per nomination approved.
 * Approvals of different subjects run side by side; two approvals of the same subject take turns on
 * the nominations' row locks, and the second finds nothing left to approve. Approving again
 * approves nothing and records nothing.
 */
@Injectable()
export class ApproveNominationsUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly cycles: CyclesRepository,
    private readonly nominations: NominationsRepository,
    private readonly view: NominationView,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string, subjectId: string): Promise<Nomination[]> {
    const cycle = await this.access.cycle(viewer, cycleId);
    await this.access.approveNominations(viewer, subjectId);
    requireStatus(cycle, ['draft'], 'approve nominations');
    if (!(await this.access.isSubject(cycle.id, subjectId)))
      throw new InputError([{ field: 'subjectId', message: 'is not a subject of this cycle' }]);
    await this.outbox.transact(async ({ manager }) => {
      requireStatus((await this.cycles.lockShared(manager, cycle.id))!, ['draft'], 'approve nominations');
      const approved = await this.nominations.approveProposed(manager, cycle.id, subjectId);
      // One statement for the subject's records (one per nomination approved): the cycle's lock is held briefly.
      await this.audit.recordMany(
        manager,
        approved.map((n) => ({
          organisationId: cycle.organisationId,
          accountId: viewer.accountId,
          action: 'nomination.approved',
          target: `nomination:${n.id}`,
          detail: { cycleId: cycle.id, subjectId, raterId: n.raterId, toGroup: n.raterGroup, fromStatus: 'proposed', toStatus: 'approved' },
        })),
      );
    });
    return this.view.of(viewer.organisationId, cycle.id, subjectId);
  }
}
