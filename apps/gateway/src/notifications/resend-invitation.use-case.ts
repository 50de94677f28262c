import { invitationIssuedV2 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { TOKEN_CIPHER, TokenCipher } from '../accounts/secrets';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError, ForbiddenError } from '../common/errors';
import { hrCycle, isUuid } from './hr-cycle';
import { NotificationEvents } from './notification-events';
import { NotificationsRepository } from './notifications.repository';

/** HR resends one rater's invitation: the same link, a new mail. Audited. */
@Injectable()
export class ResendInvitationUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repository: NotificationsRepository,
    private readonly events: NotificationEvents,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
    @Inject(TOKEN_CIPHER) private readonly cipher: TokenCipher,
  ) {}

  async execute(viewer: Viewer, assignmentId: string): Promise<boolean> {
    this.access.requireHr(viewer);
    const a = isUuid(assignmentId) ? await this.repository.assignment(viewer.organisationId, assignmentId) : null;
    if (!a) throw new ForbiddenError('This invitation does not exist or you do not have access to it');
    const cycle = await hrCycle(this.access, viewer, a.cycleId);
    if (cycle.status !== 'launched')
      throw new ConflictError(`Cannot resend an invitation: the cycle is ${cycle.status}`, {
        reason: 'wrongStatus',
        values: { action: 'resend an invitation', status: cycle.status },
      });
    if (a.revokedAt) throw new ConflictError('This invitation was revoked', { reason: 'invitationRevoked' });
    if (a.status === 'submitted') throw new ConflictError('This rater has submitted already', { reason: 'submittedAlready' });
    await this.outbox.transact(async ({ manager, emit }) => {
      const requestedBy = await this.events.requester(manager, viewer);
      const [payload] = await this.events.invitations(manager, cycle, requestedBy, [{ ...a, token: this.cipher.decrypt(a.tokenCipher) }], {
        resend: true,
      });
      emit(invitationIssuedV2, payload, { organisationId: cycle.organisationId, correlationId: cycle.id });
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'invitation.resent',
        target: `assignment:${a.id}`,
      });
    });
    return true;
  }
}
