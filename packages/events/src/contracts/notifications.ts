import { z } from 'zod';
import { defineEvent } from '../envelope';
import { raterGroupSchema } from './surveys';
import { aboutLeader, id, leaderOrManager, mailRecipient, name } from './fields';
import { subjectKey, Topics } from './topics';

/**
 * One per rater at launch, and again when HR resends one invitation. Carries everything the mail
 * says, so the notification service needs no other source. The survey token travels only sealed:
 * `sealedToken` is AES-256-GCM under a key derived from LEADERSCOPE_SECRET for the notifier
 * (see docs/notifications.md); the raw token is never in an event.
 */
export const invitationIssuedV2 = defineEvent({
  type: 'invitation.issued',
  version: 2,
  topic: Topics.Invitations,
  schema: z.object({
    cycleId: id,
    cycleName: name,
    organisationName: name,
    /** Who asks (the HR person who launched, or the organisation). */
    requestedBy: name,
    subjectId: id,
    subjectName: name,
    assignmentId: id,
    raterPersonId: id,
    raterName: name,
    raterGroup: raterGroupSchema,
    /** Where the notifier sends the invitation; null when the person has no e-mail address. */
    email: z.email().nullable(),
    anonymityThreshold: z.number().int().min(1).max(50),
    closesAt: z.iso.datetime(),
    /** Automatic reminders: days before the closing date (e.g. [3]); empty for none. */
    reminderDaysBeforeClose: z.array(z.number().int().min(1).max(60)).max(5).default([3]),
    /** The survey token sealed for the notifier: `iv.tag.ciphertext`, base64url. */
    sealedToken: z
      .string()
      .min(20)
      .max(500)
      .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'sealed token: iv.tag.body in base64url'),
    /** True when HR resends one invitation (the same link, a new mail). */
    resend: z.boolean().default(false),
    issuedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type InvitationIssuedV2 = z.infer<typeof invitationIssuedV2.schema>;

/** A cycle stops collecting answers (HR closed it): no more reminders. */
export const cycleClosedV1 = defineEvent({
  type: 'cycle.closed',
  version: 1,
  topic: Topics.Cycles,
  schema: z.object({ cycleId: id, closedAt: z.iso.datetime() }),
  keyOf: (p) => p.cycleId,
});
export type CycleClosedV1 = z.infer<typeof cycleClosedV1.schema>;

/** HR asks the subjects of a draft cycle to choose the peers and partners who will rate them. */
export const nominationRequestedV1 = defineEvent({
  type: 'nomination.requested',
  version: 1,
  topic: Topics.Invitations,
  schema: z.object({
    cycleId: id,
    cycleName: name,
    organisationName: name,
    subjectId: id,
    subject: mailRecipient,
    requestedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type NominationRequestedV1 = z.infer<typeof nominationRequestedV1.schema>;

/** A subject has chosen raters: their manager is asked to approve the list. */
export const nominationApprovalRequestedV1 = defineEvent({
  type: 'nomination.approval-requested',
  version: 1,
  topic: Topics.Invitations,
  schema: z.object({
    ...aboutLeader,
    manager: mailRecipient,
    requestedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type NominationApprovalRequestedV1 = z.infer<typeof nominationApprovalRequestedV1.schema>;

/** HR released a cycle's results: one per subject, to tell the subject and their manager. */
export const resultsReleasedV1 = defineEvent({
  type: 'results.released',
  version: 1,
  topic: Topics.Invitations,
  schema: z.object({
    ...aboutLeader,
    recipients: z.array(leaderOrManager).max(10),
    releasedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type ResultsReleasedV1 = z.infer<typeof resultsReleasedV1.schema>;

export const mailKindSchema = z.enum([
  'invitation',
  'reminder',
  'nomination-request',
  'approval-request',
  'report-ready',
  'plan-shared',
  'debrief-requested',
  'pulse-launched',
]);
/**
 * queued: waiting to be sent; sent: the SMTP server accepted it; deferred: a temporary failure, it
 * will be retried; failed: refused for good (reason given); recorded: no SMTP server is configured,
 * the mail is kept for the mail outbox page; skipped: not sent on purpose (already submitted,
 * already reminded today, no e-mail address, cycle closed).
 */
export const deliveryStatusSchema = z.enum(['queued', 'sent', 'deferred', 'failed', 'recorded', 'skipped']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/**
 * What happened to one mail, each time its state changes. `content` is what the mail says without
 * any secret (no survey token), so the gateway can show it and, for the mail outbox, render it with
 * the link it holds itself.
 */
export const mailDeliveryUpdatedV1 = defineEvent({
  type: 'mail.delivery-updated',
  version: 1,
  topic: Topics.MailDeliveries,
  schema: z.object({
    mailId: z.uuid(),
    kind: mailKindSchema,
    cycleId: id,
    subjectId: id,
    /** The rater's assignment for invitations and reminders. */
    assignmentId: id.nullable(),
    recipientPersonId: id,
    email: z.email().nullable(),
    status: deliveryStatusSchema,
    /** The SMTP server's answer for deferred and failed mails, or why a mail was skipped. */
    reason: z.string().max(1000).nullable(),
    attempts: z.number().int().nonnegative(),
    content: z.record(z.string(), z.unknown()),
    /** Increases with every change of this mail, so the newest state wins whatever the order of arrival. */
    sequence: z.number().int().positive(),
    updatedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type MailDeliveryUpdatedV1 = z.infer<typeof mailDeliveryUpdatedV1.schema>;

/**
 * HR erased a person (docs/data-protection.md): every service drops the personal data it holds
 * about them (the notification service: addresses and names in its raters and mails). Ids stay,
 * pseudonymous; answers were never held under a name. Idempotent.
 */
export const personErasedV1 = defineEvent({
  type: 'person.erased',
  version: 1,
  topic: Topics.Invitations,
  schema: z.object({
    personId: id,
    /** What their name is replaced with wherever a text needs one. */
    replacementName: z.string().min(1).max(100),
    erasedAt: z.iso.datetime(),
  }),
  keyOf: (p) => p.personId,
});
export type PersonErasedV1 = z.infer<typeof personErasedV1.schema>;
