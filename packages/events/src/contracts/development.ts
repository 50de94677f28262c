import { z } from 'zod';
import { defineEvent } from '../envelope';
import { aboutLeader, id, leaderOrManager, mailRecipient, name } from './fields';
import { subjectKey, Topics } from './topics';

/**
 * A leader saved their development plan (each save is a new version). Carries who is told and what
 * the mail says — never the plan's content: focus areas, actions and the review date stay in the
 * gateway, readable only by the leader and their manager (HR sees only that a plan exists).
 * `change` is `shared` for the first version and `updated` for later ones. The notification service
 * mails the manager.
 */
export const developmentPlanChangedV1 = defineEvent({
  type: 'development-plan.changed',
  version: 1,
  topic: Topics.Invitations,
  schema: z.object({
    ...aboutLeader,
    version: z.number().int().positive(),
    change: z.enum(['shared', 'updated']),
    /** The leader's manager, who is told; null when the leader has none in the directory. */
    manager: mailRecipient.nullable(),
    changedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type DevelopmentPlanChangedV1 = z.infer<typeof developmentPlanChangedV1.schema>;

/**
 * A follow-up pulse went out: a short survey, months after a released cycle, asking the leader's
 * raters of that cycle how much more or less effective the leader has become in each focus area of
 * their development plan. The pulse is itself a cycle (kind `pulse`, `pulseId` its id) launched
 * through the cycle path, so each rater gets their survey mail from its `invitation.issued` events;
 * this event tells the leader and their manager that it went out. Like `development-plan.changed`,
 * it carries no plan content (HR's mail outbox shows every mail): only how many focus areas and
 * raters, and when it closes. The notification service mails each recipient.
 */
export const pulseLaunchedV1 = defineEvent({
  type: 'pulse.launched',
  version: 1,
  topic: Topics.Invitations,
  schema: z.object({
    pulseId: id,
    /** The released cycle the pulse follows up, and the plan version it asks about. */
    cycleId: id,
    cycleName: name,
    planVersion: z.number().int().positive(),
    organisationName: name,
    subjectId: id,
    subjectName: name,
    focusAreaCount: z.number().int().min(1).max(3),
    raterCount: z.number().int().positive(),
    closesAt: z.iso.datetime(),
    startedBy: z.enum(['leader', 'hr']),
    /** The leader and, when the directory has one, their manager. */
    recipients: z.array(leaderOrManager).min(1),
    launchedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.pulseId, p.subjectId),
});
export type PulseLaunchedV1 = z.infer<typeof pulseLaunchedV1.schema>;
