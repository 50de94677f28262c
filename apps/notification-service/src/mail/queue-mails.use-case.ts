import {
  DebriefCompletedV1,
  DebriefRequestedV1,
  DevelopmentPlanChangedV1,
  EventEnvelope,
  InvitationIssuedV2,
  NominationApprovalRequestedV1,
  NominationRequestedV1,
  PulseLaunchedV1,
  ReminderRequestedV1,
  ResultsReleasedV1,
} from '@leaderscope/events';
import type { MailContent } from '@leaderscope/messages';
import { OutboxService } from '@leaderscope/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NOTIFICATION_CONFIG } from '../tokens';
import type { NotificationConfig } from '../config';
import { MailDispatcher } from '../delivery/mail-dispatcher.service';
import { emitDeliveries } from './delivery-events';
import { MailRepository, MailStatus, NewMail, RaterRow, RaterState } from './mail.repository';

type Notice = EventEnvelope<
  | InvitationIssuedV2
  | ReminderRequestedV1
  | NominationRequestedV1
  | NominationApprovalRequestedV1
  | ResultsReleasedV1
  | DevelopmentPlanChangedV1
  | DebriefRequestedV1
  | DebriefCompletedV1
  | PulseLaunchedV1
>;

/**
 * Turns notices (invitations, reminders, nomination and approval requests, released results, a
 * development plan shared or updated — told to the leader's manager, without its content; in a
 * coached cycle the coach asked for the debrief, then the leader and manager told after it; a
 * follow-up pulse sent — told to the leader and their manager, without the plan's content) into
 * mails, once per event and recipient: a redelivered event queues nothing (inbox + dedupe key). With
 * an SMTP server the mails are queued for the sender; without one they are recorded for HR's mail
 * outbox. Reminders are never queued for a rater who submitted, after the cycle closed, or within
 * the minimum interval since the last one.
 */
/** What every notice about one leader in one cycle says of them (the contracts' `aboutLeader` fields). */
function aboutLeader(p: { organisationName: string; cycleId: string; cycleName: string; subjectId: string; subjectName: string }) {
  return {
    organisationName: p.organisationName,
    cycleId: p.cycleId,
    cycleName: p.cycleName,
    subjectId: p.subjectId,
    subjectName: p.subjectName,
  };
}

@Injectable()
export class QueueMailsUseCase {
  static readonly consumer = 'queue-mails';
  private readonly logger = new Logger(QueueMailsUseCase.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly mails: MailRepository,
    private readonly dispatcher: MailDispatcher,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  async executeBatch(events: Notice[]): Promise<void> {
    let queued = 0;
    await this.outbox.handleBatchOnce(QueueMailsUseCase.consumer, events, async ({ manager, emit }, fresh) => {
      const batch = fresh as Notice[];
      const now = new Date();
      const deliverable: MailStatus = this.config.smtpUrl ? 'queued' : 'recorded';
      const mails: NewMail[] = [];
      const raters: RaterRow[] = [];
      const mail = (
        event: EventEnvelope,
        recipient: string,
        to: string | null,
        content: MailContent,
        assignmentId: string | null,
        skip: string | null,
      ): NewMail => ({
        id: randomUUID(),
        organisationId: event.organisationId,
        dedupeKey: `${event.id}:${recipient}`,
        kind: content.kind,
        cycleId: content.cycleId,
        subjectId: (content as { subjectId: string }).subjectId,
        assignmentId,
        recipientPersonId: recipient,
        toAddress: to,
        content,
        status: skip ? 'skipped' : to ? deliverable : 'skipped',
        reason: skip ?? (to ? null : 'no e-mail address'),
        correlationId: event.correlationId,
      });
      /** A notice (not a rater's survey mail): no assignment, never skipped but for a missing address. */
      const notice = (event: EventEnvelope, to: { personId: string; email: string | null }, content: MailContent): NewMail =>
        mail(event, to.personId, to.email, content, null, null);

      // Invitations first: a reminder in the same batch finds its rater.
      for (const event of batch) {
        if (event.type !== 'invitation.issued') continue;
        const p = event.payload as InvitationIssuedV2;
        const content: MailContent = {
          kind: 'invitation',
          recipientName: p.raterName,
          organisationName: p.organisationName,
          cycleId: p.cycleId,
          cycleName: p.cycleName,
          requestedBy: p.requestedBy,
          subjectId: p.subjectId,
          subjectName: p.subjectName,
          relationship: p.raterGroup,
          anonymityThreshold: p.anonymityThreshold,
          closesAt: p.closesAt,
        };
        raters.push({
          assignmentId: p.assignmentId,
          organisationId: event.organisationId,
          cycleId: p.cycleId,
          subjectId: p.subjectId,
          raterPersonId: p.raterPersonId,
          email: p.email,
          sealedToken: p.sealedToken,
          content,
          closesAt: p.closesAt,
          reminderDays: p.reminderDaysBeforeClose,
        });
      }
      await this.mails.upsertRaters(manager, raters);
      const reminderIds = batch.filter((e) => e.type === 'reminder.requested').map((e) => (e.payload as ReminderRequestedV1).assignmentId);
      const states = await this.mails.raterStates(manager, [...new Set([...reminderIds, ...raters.map((r) => r.assignmentId)])]);
      const reminded: string[] = [];

      for (const event of batch) {
        switch (event.type) {
          case 'invitation.issued': {
            const p = event.payload as InvitationIssuedV2;
            const state = states.get(p.assignmentId);
            mails.push(mail(event, p.raterPersonId, p.email, state!.content, p.assignmentId, state?.closed ? 'the cycle is closed' : null));
            break;
          }
          case 'reminder.requested': {
            const p = event.payload as ReminderRequestedV1;
            const state = states.get(p.assignmentId);
            if (!state) {
              this.logger.warn(`reminder for assignment ${p.assignmentId} without an invitation: skipped`);
              continue;
            }
            const skip = this.reminderSkipReason(state, now);
            const content: MailContent = { ...state.content, kind: 'reminder' } as MailContent;
            const m = mail(event, state.raterPersonId, state.email, content, state.assignmentId, skip);
            mails.push(m);
            if (m.status !== 'skipped') {
              state.lastRemindedAt = now;
              reminded.push(state.assignmentId);
            }
            break;
          }
          case 'nomination.requested': {
            const p = event.payload as NominationRequestedV1;
            mails.push(
              notice(event, p.subject, {
                kind: 'nomination-request',
                recipientName: p.subject.name,
                organisationName: p.organisationName,
                cycleId: p.cycleId,
                cycleName: p.cycleName,
                subjectId: p.subjectId,
              }),
            );
            break;
          }
          case 'nomination.approval-requested': {
            const p = event.payload as NominationApprovalRequestedV1;
            mails.push(
              notice(event, p.manager, {
                kind: 'approval-request',
                recipientName: p.manager.name,
                ...aboutLeader(p),
              }),
            );
            break;
          }
          case 'results.released': {
            const p = event.payload as ResultsReleasedV1;
            for (const r of p.recipients) {
              mails.push(
                notice(event, r, {
                  kind: 'report-ready',
                  recipientName: r.name,
                  ...aboutLeader(p),
                  recipientIsSubject: r.isSubject,
                }),
              );
            }
            break;
          }
          case 'coaching.debrief-requested': {
            const p = event.payload as DebriefRequestedV1;
            mails.push(
              notice(event, p.coach, {
                kind: 'debrief-requested',
                recipientName: p.coach.name,
                ...aboutLeader(p),
              }),
            );
            break;
          }
          case 'coaching.debrief-completed': {
            const p = event.payload as DebriefCompletedV1;
            for (const r of p.recipients) {
              mails.push(
                notice(event, r, {
                  kind: 'report-ready',
                  recipientName: r.name,
                  ...aboutLeader(p),
                  recipientIsSubject: r.isSubject,
                  afterDebriefWith: p.coach.name,
                }),
              );
            }
            break;
          }
          case 'development-plan.changed': {
            const p = event.payload as DevelopmentPlanChangedV1;
            if (!p.manager) break; // nobody to tell
            mails.push(
              notice(event, p.manager, {
                kind: 'plan-shared',
                recipientName: p.manager.name,
                ...aboutLeader(p),
                version: p.version,
              }),
            );
            break;
          }
          case 'pulse.launched': {
            const p = event.payload as PulseLaunchedV1;
            for (const r of p.recipients)
              mails.push(
                notice(event, r, {
                  kind: 'pulse-launched',
                  recipientName: r.name,
                  ...aboutLeader(p),
                  recipientIsSubject: r.isSubject,
                  raterCount: p.raterCount,
                  focusAreaCount: p.focusAreaCount,
                  closesAt: p.closesAt,
                }),
              );
            break;
          }
        }
      }
      const inserted = await this.mails.insertMails(manager, mails);
      await this.mails.markReminded(manager, [...new Set(reminded)], now);
      emitDeliveries(emit, inserted);
      queued = inserted.filter((m) => m.status === 'queued').length;
    });
    if (queued > 0) this.dispatcher.kick();
  }

  private reminderSkipReason(state: RaterState, now: Date): string | null {
    if (state.submitted) return 'already submitted';
    if (state.closed) return 'the cycle is closed';
    if (!state.email) return 'no e-mail address';
    if (state.lastRemindedAt && now.getTime() - new Date(state.lastRemindedAt).getTime() < this.config.reminderMinIntervalMs) {
      return 'already reminded recently (at most one reminder a day)';
    }
    return null;
  }
}
