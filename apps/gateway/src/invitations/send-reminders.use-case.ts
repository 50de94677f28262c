import { reminderRequestedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { requireStatus } from '../cycles/cycle-status';
import { PeopleRepository } from '../people/people.repository';
import { InvitationsRepository } from './invitations.repository';

/** HR reminds everyone who has not submitted and whose link was not revoked; returns how many. */
@Injectable()
export class SendRemindersUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly invitations: InvitationsRepository,
    private readonly people: PeopleRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<number> {
    const cycle = await this.access.cycle(viewer, cycleId);
    requireStatus(cycle, ['launched'], 'send reminders');
    return this.outbox.transact(async ({ manager, emit }) => {
      // A revoked link is not reminded, nor counted as reminded.
      const pending = (await this.invitations.pending(manager, cycle.id)).filter((a) => !a.revokedAt);
      const raters = await this.people.findInOrganisation(cycle.organisationId, [...new Set(pending.map((a) => a.raterPersonId))]);
      const emails = new Map(raters.map((p) => [p.id, p.email]));
      const now = new Date();
      for (const a of pending) {
        emit(
          reminderRequestedV1,
          {
            cycleId: a.cycleId,
            subjectId: a.subjectId,
            assignmentId: a.id,
            raterPersonId: a.raterPersonId,
            email: emails.get(a.raterPersonId) ?? null,
            requestedAt: now.toISOString(),
          },
          { organisationId: cycle.organisationId },
        );
      }
      await this.invitations.markReminded(
        manager,
        pending.map((a) => a.id),
        now,
      );
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'reminders.sent',
        target: `cycle:${cycle.id}`,
        detail: { count: pending.length },
      });
      return pending.length;
    });
  }
}
