import { registerEnumType } from '@nestjs/graphql';
import { RATER_GROUPS, type RaterGroup as RaterGroupName } from '@leaderscope/vocabulary';

export type { RaterGroupName };

/** The GraphQL enum of the six rater groups, built from @leaderscope/vocabulary (never spelled out here). */
export const RaterGroup = Object.fromEntries(RATER_GROUPS.map((g) => [g, g])) as { readonly [G in RaterGroupName]: G };
export type RaterGroup = RaterGroupName;

registerEnumType(RaterGroup, {
  name: 'RaterGroup',
  description: 'Who a rater is to the subject: up (manager), down (direct_report, skip_level), lateral (peer, other) or self.',
});
