/** HR_ADMIN runs cycles; LEADER is reviewed in a cycle; MANAGER manages people. */
export const ROLES = ['HR_ADMIN', 'LEADER', 'MANAGER'] as const;
export type Role = (typeof ROLES)[number];
