import type { SurveySubmittedV1 } from '@leaderscope/events';
import { getInstrument } from '@leaderscope/framework';

export interface Reason {
  field: string;
  message: string;
}

/**
 * Checks a submission against its cycle's instrument version: every answered item exists and is
 * observed by the rater's group, every answer is on the scale (or "not able to rate"), every item
 * the group observes is covered, comments name real dimensions, and the policy's role profile exists.
 */
export function validateSubmission(submission: SurveySubmittedV1): Reason[] {
  let instrument;
  try {
    instrument = getInstrument(submission.instrumentId, submission.instrumentVersion);
  } catch (error) {
    return [{ field: 'instrumentVersion', message: (error as Error).message }];
  }
  const reasons: Reason[] = [];
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  const observes = (item: { observers?: readonly string[] }) => !item.observers || item.observers.includes(submission.raterGroup);
  for (const [itemId, value] of Object.entries(submission.answers)) {
    const item = items.get(itemId);
    if (!item) {
      reasons.push({ field: `answers.${itemId}`, message: `unknown item "${itemId}" in ${instrument.id} v${instrument.version}` });
    } else if (!observes(item)) {
      reasons.push({ field: `answers.${itemId}`, message: `the ${submission.raterGroup} group is not asked item "${itemId}"` });
    } else if (value !== null && (value < instrument.scale.min || value > instrument.scale.max)) {
      reasons.push({
        field: `answers.${itemId}`,
        message: `answer ${value} is outside the scale ${instrument.scale.min}..${instrument.scale.max}`,
      });
    }
  }
  for (const item of instrument.items) {
    if (observes(item) && !(item.id in submission.answers)) {
      reasons.push({ field: `answers.${item.id}`, message: 'missing: answer it or mark it "not able to rate"' });
    }
  }
  const profile = submission.policy?.roleProfileId;
  if (profile && !instrument.roleProfiles.some((p) => p.id === profile)) {
    reasons.push({
      field: 'policy.roleProfileId',
      message: `unknown role profile "${profile}" in ${instrument.id} v${instrument.version} (known: ${instrument.roleProfiles.map((p) => p.id).join(', ')})`,
    });
  }
  const dimensions = new Set(instrument.dimensions.map((d) => d.id));
  for (const dimensionId of Object.keys(submission.comments ?? {})) {
    if (!dimensions.has(dimensionId)) reasons.push({ field: `comments.${dimensionId}`, message: `unknown dimension "${dimensionId}"` });
  }
  return reasons;
}
