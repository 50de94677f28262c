import type { SurveySubmittedV1 } from '@leaderscope/events';
import { checkAnswers, getInstrument } from '@leaderscope/framework';

export interface Reason {
  field: string;
  message: string;
}

/**
 * Checks a submission against its cycle's instrument version with the framework's answer rules
 * (items asked of the rater's group, answers on the scale, every asked item covered, comments on
 * real dimensions), and that the policy's role profile exists.
 */
export function validateSubmission(submission: SurveySubmittedV1): Reason[] {
  let instrument;
  try {
    instrument = getInstrument(submission.instrumentId, submission.instrumentVersion);
  } catch (error) {
    return [{ field: 'instrumentVersion', message: (error as Error).message }];
  }
  const reasons: Reason[] = checkAnswers(instrument, submission.raterGroup, submission.answers, submission.comments ?? {}, {
    complete: true,
  }).map((problem) => ({
    field: 'itemId' in problem ? `answers.${problem.itemId}` : `comments.${problem.dimensionId}`,
    message: problem.message,
  }));
  const profile = submission.policy?.roleProfileId;
  if (profile && !instrument.roleProfiles.some((p) => p.id === profile)) {
    reasons.push({
      field: 'policy.roleProfileId',
      message: `unknown role profile "${profile}" in ${instrument.id} v${instrument.version} (known: ${instrument.roleProfiles.map((p) => p.id).join(', ')})`,
    });
  }
  return reasons;
}
