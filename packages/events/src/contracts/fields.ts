import { z } from 'zod';

/** The field types the contracts share, defined once. */
export const id = z.string().min(1).max(100);
export const name = z.string().min(1).max(300);

/** Someone a notice mail goes to: their person id, name and address (null: no address, the mail is skipped). */
export const mailRecipient = z.object({ personId: id, name, email: z.email().nullable() });
/** A recipient of a notice that goes to the leader and their manager: `isSubject` marks the leader. */
export const leaderOrManager = mailRecipient.extend({ isSubject: z.boolean() });

/** What every notice about one leader in one cycle says of them (spread into a contract's schema). */
export const aboutLeader = {
  cycleId: id,
  cycleName: name,
  organisationName: name,
  subjectId: id,
  subjectName: name,
};
