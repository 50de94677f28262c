import { registerEnumType } from '@nestjs/graphql';

export type RaterGroupName = 'self' | 'manager' | 'peer' | 'direct_report' | 'skip_level' | 'other';

/** The order groups are shown in. */
export const GROUP_ORDER: RaterGroupName[] = ['self', 'manager', 'peer', 'direct_report', 'skip_level', 'other'];

export enum RaterGroup {
  self = 'self',
  manager = 'manager',
  peer = 'peer',
  direct_report = 'direct_report',
  skip_level = 'skip_level',
  other = 'other',
}
registerEnumType(RaterGroup, {
  name: 'RaterGroup',
  description: 'Who a rater is to the subject: up (manager), down (direct_report, skip_level), lateral (peer, other) or self.',
});
