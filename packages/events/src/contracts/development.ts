import { z } from 'zod';
import { defineEvent } from '../envelope';
import { subjectKey, Topics } from './topics';

const id = z.string().min(1).max(100);
const name = z.string().min(1).max(300);

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
    cycleId: id,
    cycleName: name,
    organisationName: name,
    subjectId: id,
    subjectName: name,
    version: z.number().int().positive(),
    change: z.enum(['shared', 'updated']),
    /** The leader's manager, who is told; null when the leader has none in the directory. */
    manager: z.object({ personId: id, name, email: z.email().nullable() }).nullable(),
    changedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type DevelopmentPlanChangedV1 = z.infer<typeof developmentPlanChangedV1.schema>;
