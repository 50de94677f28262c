import { z } from 'zod';
import { defineEvent } from '../envelope';
import { aboutLeader, id, leaderOrManager, mailRecipient, name } from './fields';
import { subjectKey, Topics } from './topics';

/**
 * HR released a coached cycle (or assigned a new coach to a leader of a released coached cycle
 * whose debrief is not done): the leader's report awaits the debrief with their coach. One per
 * leader; instead of `results.released`, whose mails wait for the debrief. The notification
 * service mails the coach. Carries no figure.
 */
export const debriefRequestedV1 = defineEvent({
  type: 'coaching.debrief-requested',
  version: 1,
  topic: Topics.Invitations,
  schema: z.object({
    ...aboutLeader,
    coach: mailRecipient,
    requestedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type DebriefRequestedV1 = z.infer<typeof debriefRequestedV1.schema>;

/**
 * The coach marked the debrief done for a leader of a coached cycle: the leader's report (and
 * their manager's view of it) is now shared. The notification service mails the leader and their
 * manager that the report is ready (the mails `results.released` sends in an uncoached cycle).
 * Emitted once per leader (the command is idempotent).
 */
export const debriefCompletedV1 = defineEvent({
  type: 'coaching.debrief-completed',
  version: 1,
  topic: Topics.Invitations,
  schema: z.object({
    ...aboutLeader,
    coach: z.object({ personId: id, name }),
    /** The leader (`isSubject`) and their manager, who are told the report is ready. */
    recipients: z.array(leaderOrManager).max(10),
    completedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type DebriefCompletedV1 = z.infer<typeof debriefCompletedV1.schema>;
