import { reminderRequestedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { requireStatus } from '../cycles/cycle-status';
import { InvitationsRepository } from './invitations.repository';

/** HR reminds everyone who has not submitted and whose link was not revoked; returns how many. */
@Injectable()
export class SendRemindersUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly invitations: InvitationsRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<number> {
    const cycle = await this.access.cycle(viewer, cycleId);
    requireStatus(cycle, ['launched'], 'send reminders');
    return this.outbox.transact(async ({ manager, emit, writeEmitted }) => {
      // A revoked link is not reminded, nor counted as reminded. A slice at a time, each slice's
      // events written before the next: the gateway holds one slice, whatever the cycle's size.
      const now = new Date();
      let reminded = 0;
      for await (const slice of this.invitations.markPendingReminded(manager, cycle, now)) {
        for (const a of slice)
          emit(
            reminderRequestedV1,
            {
              cycleId: a.cycleId,
              subjectId: a.subjectId,
              assignmentId: a.id,
              raterPersonId: a.raterPersonId,
              email: a.email ?? null,
              requestedAt: now.toISOString(),
            },
            { organisationId: cycle.organisationId },
          );
        await writeEmitted();
        reminded += slice.length;
      }
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'reminders.sent',
        target: `cycle:${cycle.id}`,
        detail: { count: reminded },
      });
      return reminded;
    });
  }
}
