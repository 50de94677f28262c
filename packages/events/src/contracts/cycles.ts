import { z } from 'zod';
import { defineEvent } from '../envelope';
import { id } from './fields';
import { subjectKey, Topics } from './topics';

/** A reminder to a rater who has not submitted yet. */
export const reminderRequestedV1 = defineEvent({
  type: 'reminder.requested',
  version: 1,
  topic: Topics.Invitations,
  schema: z.object({
    cycleId: id,
    subjectId: id,
    assignmentId: id,
    raterPersonId: id,
    email: z.email().nullable(),
    requestedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type ReminderRequestedV1 = z.infer<typeof reminderRequestedV1.schema>;

/** HR asks for a cycle's reports to be rescored from stored responses under another instrument version or role profile. */
export const rescoreRequestedV1 = defineEvent({
  type: 'cycle.rescore-requested',
  version: 1,
  topic: Topics.Cycles,
  schema: z.object({
    rescoreId: z.uuid(),
    cycleId: id,
    instrumentId: id,
    instrumentVersion: z.number().int().positive(),
    roleProfileId: id.nullable(),
    minGroupSize: z.number().int().min(1).max(50),
    requestedAt: z.iso.datetime(),
  }),
  keyOf: (p) => p.cycleId,
});
export type RescoreRequestedV1 = z.infer<typeof rescoreRequestedV1.schema>;

/**
 * Asks the scoring service for a cycle-level result: norms per dimension, alpha per dimension,
 * ICC(1)/ICC(k) per rater group, and each subject's comparisons (percentiles, like-for-like trend).
 * `closed` marks the cycle as closed: a closed cycle's subjects join the organisation's norm group
 * for its instrument version and role profile.
 */
export const cycleScoreRequestedV1 = defineEvent({
  type: 'cycle.score-requested',
  version: 1,
  topic: Topics.Cycles,
  schema: z.object({
    requestId: z.uuid(),
    cycleId: id,
    /** 'live' or a rescore id */
    resultSet: id.default('live'),
    closed: z.boolean(),
    requestedAt: z.iso.datetime(),
  }),
  keyOf: (p) => p.cycleId,
});
export type CycleScoreRequestedV1 = z.infer<typeof cycleScoreRequestedV1.schema>;

/**
 * The organisation's retention period for a closed cycle has run out: each service deletes the raw
 * answers and comments it holds for the cycle (the survey service its responses, the scoring
 * service its copy of them and every figure it computed but never disclosed). What was disclosed
 * stays exactly as it was, so no figure changes and nothing is announced (docs/data-protection.md).
 * Idempotent: a repeat deletes nothing more.
 */
export const cycleResponsesPurgeRequestedV1 = defineEvent({
  type: 'cycle.responses-purge-requested',
  version: 1,
  topic: Topics.Cycles,
  schema: z.object({
    requestId: z.uuid(),
    cycleId: id,
    closedAt: z.iso.datetime(),
    retentionMonths: z.number().int().min(1).max(240),
    /** closedAt + retentionMonths: when the deletion fell due. */
    dueAt: z.iso.datetime(),
    requestedAt: z.iso.datetime(),
  }),
  keyOf: (p) => p.cycleId,
});
export type CycleResponsesPurgeRequestedV1 = z.infer<typeof cycleResponsesPurgeRequestedV1.schema>;

/**
 * At launch, one per subject: a stable pseudonymous key for each non-self rater assignment, so the
 * scoring service can tell how many of a leader's raters also rated them in the previous cycle (the
 * trend's "raters in common") without learning who they are. `raterKey` is an HMAC of the person
 * under a key derived from LEADERSCOPE_SECRET per organisation (the same person gets the same key in
 * every cycle of the organisation, and no key says anything about who it is). Keyed by cycle, so it
 * precedes the cycle's score requests on the same partition.
 */
export const cycleRaterPseudonymsV1 = defineEvent({
  type: 'cycle.rater-pseudonyms',
  version: 1,
  topic: Topics.Cycles,
  schema: z.object({
    cycleId: id,
    subjectId: id,
    raters: z
      .array(
        z.object({
          /** the rater's assignment id, as in survey.submitted */
          raterId: id,
          raterKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'rater key: 32 bytes in base64url'),
        }),
      )
      .max(1000),
    issuedAt: z.iso.datetime(),
  }),
  keyOf: (p) => p.cycleId,
});
export type CycleRaterPseudonymsV1 = z.infer<typeof cycleRaterPseudonymsV1.schema>;
