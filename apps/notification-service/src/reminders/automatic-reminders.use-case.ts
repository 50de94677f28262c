import type { MailContent } from '@leaderscope/messages';
import { OutboxService } from '@leaderscope/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NotificationConfig } from '../config';
import { MailDispatcher } from '../delivery/mail-dispatcher.service';
import { emitDeliveries } from '../mail/delivery-events';
import { MailRepository, NewMail } from '../mail/mail.repository';
import { NOTIFICATION_CONFIG } from '../tokens';

/**
 * Queues the automatic reminders that are due: each rater's cycle schedule (days before the close,
 * from the invitation), never to a rater who submitted or after the cycle closed, at most one a
 * day. Several instances may run it at once: rows are taken with `SKIP LOCKED`, and the dedupe key
 * (assignment and schedule day) keeps a reminder from being queued twice.
 */
@Injectable()
export class AutomaticRemindersUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly mails: MailRepository,
    private readonly dispatcher: MailDispatcher,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  /** Queues what is due now; returns how many reminders were queued (or recorded). */
  async run(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.outbox.transact(async ({ manager, emit }) => {
        const due = await this.mails.dueAutomaticReminders(manager, this.config.reminderMinIntervalMs, 500);
        if (due.length === 0) return 0;
        const now = new Date();
        const mails: NewMail[] = due.map((r) => ({
          id: randomUUID(),
          organisationId: r.organisationId,
          dedupeKey: `auto:${r.assignmentId}:${r.dueDays[0]}`,
          kind: 'reminder',
          cycleId: r.cycleId,
          subjectId: r.subjectId,
          assignmentId: r.assignmentId,
          recipientPersonId: r.raterPersonId,
          toAddress: r.email,
          content: { ...r.content, kind: 'reminder' } as MailContent,
          status: this.config.smtpUrl ? 'queued' : 'recorded',
          reason: null,
          correlationId: r.cycleId,
        }));
        emitDeliveries(emit, await this.mails.insertMails(manager, mails));
        await this.mails.markReminded(
          manager,
          due.map((r) => r.assignmentId),
          now,
          new Map(due.map((r) => [r.assignmentId, r.dueDays])),
        );
        return due.length;
      });
      total += count;
      if (count < 500) break;
    }
    if (total > 0) this.dispatcher.kick();
    return total;
  }
}
