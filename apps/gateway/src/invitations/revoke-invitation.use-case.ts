import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ForbiddenError } from '../common/errors';
import { isUuid } from '../common/ids';
import { LiveUpdates } from '../common/live-updates';
import { InvitationsRepository } from './invitations.repository';

/** HR revokes one rater's survey link (a wrong person, a leaked link). Answers already submitted stay. */
@Injectable()
export class RevokeInvitationUseCase {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
    private readonly live: LiveUpdates,
  ) {}

  /** False when the link was revoked already. */
  async execute(viewer: Viewer, assignmentId: string): Promise<boolean> {
    const assignment = isUuid(assignmentId) ? await this.invitations.findInOrganisation(viewer.organisationId, assignmentId) : null;
    if (!assignment) throw new ForbiddenError('This invitation does not exist or you do not have access to it');
    if (assignment.revokedAt) return false;
    await this.outbox.transact(async ({ manager }) => {
      await this.invitations.revoke(manager, assignment.id);
      await this.audit.record(manager, {
        organisationId: viewer.organisationId,
        accountId: viewer.accountId,
        action: 'invitation.revoked',
        target: `assignment:${assignment.id}`,
      });
    });
    this.live.changed(assignment.cycleId);
    return true;
  }
}
