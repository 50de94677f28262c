import { RATER_GROUPS } from '@leaderscope/vocabulary';
import { z } from 'zod';
import { defineEvent } from '../envelope';
import { id } from './fields';
import { subjectKey, Topics } from './topics';

export const raterGroupSchema = z.enum(RATER_GROUPS);
export type RaterGroupName = z.infer<typeof raterGroupSchema>;

/** itemId -> answer on the scale; null means "not able to rate". */
export const answersSchema = z.record(z.string().min(1).max(100), z.number().int().nullable());
/** dimensionId -> free-text comment. */
export const commentsSchema = z.record(z.string().min(1).max(100), z.string().max(4000));
/** How the cycle's reports are scored; carried with every response so scoring needs no other source. */
export const scoringPolicySchema = z.object({
  /** Anonymity threshold: a non-exempt group with fewer counted raters is suppressed. */
  minGroupSize: z.number().int().min(1).max(50),
  /** Role profile whose targets the report is read against. */
  roleProfileId: z.string().min(1).max(100).nullable(),
  /** Optional stricter threshold for comments (>= minGroupSize); absent = minGroupSize. */
  commentThreshold: z.number().int().min(1).max(50).optional(),
});
export type ScoringPolicy = z.infer<typeof scoringPolicySchema>;
export const DEFAULT_SCORING_POLICY: ScoringPolicy = { minGroupSize: 3, roleProfileId: null };

export const surveySubmittedV1 = defineEvent({
  type: 'survey.submitted',
  version: 1,
  topic: Topics.SurveySubmissions,
  schema: z.object({
    submissionId: z.uuid(),
    cycleId: id,
    subjectId: id,
    /** The rater's assignment id: opaque, never the rater's identity. */
    raterId: id,
    raterGroup: raterGroupSchema,
    instrumentId: id,
    instrumentVersion: z.number().int().positive(),
    answers: answersSchema,
    comments: commentsSchema.default({}),
    policy: scoringPolicySchema.default(DEFAULT_SCORING_POLICY),
    submittedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type SurveySubmittedV1 = z.infer<typeof surveySubmittedV1.schema>;

export const responseRecordedV1 = defineEvent({
  type: 'response.recorded',
  version: 1,
  topic: Topics.Responses,
  schema: z.object({
    responseId: z.uuid(),
    submissionId: z.uuid(),
    cycleId: id,
    subjectId: id,
    raterId: id,
    raterGroup: raterGroupSchema,
    instrumentId: id,
    instrumentVersion: z.number().int().positive(),
    /** 1 for a first answer; a correction is a new version. */
    responseVersion: z.number().int().positive(),
    answers: answersSchema,
    comments: commentsSchema,
    policy: scoringPolicySchema.default(DEFAULT_SCORING_POLICY),
    recordedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type ResponseRecordedV1 = z.infer<typeof responseRecordedV1.schema>;

export const responseRejectedV1 = defineEvent({
  type: 'response.rejected',
  version: 1,
  topic: Topics.Responses,
  schema: z.object({
    submissionId: z.uuid(),
    cycleId: id,
    subjectId: id,
    raterId: id,
    reasons: z.array(z.object({ field: z.string(), message: z.string() })).min(1),
    rejectedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type ResponseRejectedV1 = z.infer<typeof responseRejectedV1.schema>;

/**
 * The scoring service stored a recorded response (in the same transaction as the subject's live
 * report): the response now counts. It says nothing about figures: whether the response is in a
 * disclosed snapshot is the disclosure rule's business (docs/anonymity.md), and nobody learns it
 * from this event. The gateway's progress shows received, recorded and counted from it.
 */
export const responseCountedV1 = defineEvent({
  type: 'response.counted',
  version: 1,
  topic: Topics.Responses,
  schema: z.object({
    responseId: z.uuid(),
    submissionId: z.uuid(),
    cycleId: id,
    subjectId: id,
    countedAt: z.iso.datetime(),
  }),
  keyOf: (p) => subjectKey(p.cycleId, p.subjectId),
});
export type ResponseCountedV1 = z.infer<typeof responseCountedV1.schema>;
