/** HR_ADMIN runs cycles; LEADER is reviewed in a cycle; MANAGER manages people; COACH is a leader's coach in a coached cycle. */
export const ROLES = ['HR_ADMIN', 'LEADER', 'MANAGER', 'COACH'] as const;
export type Role = (typeof ROLES)[number];
