import { mailKindSchema } from '@leaderscope/events';
import type { MailContent } from '@leaderscope/messages';

/** Every kind of mail the contract knows (one list: `mail.delivery-updated`'s schema). */
const KINDS: readonly string[] = mailKindSchema.options;
const TEXTS = ['recipientName', 'organisationName', 'cycleId', 'cycleName'] as const;

/**
 * Whether a delivery's `content` (a record in the `mail.delivery-updated` contract) is what the
 * notification service writes: a mail's content as @leaderscope/messages defines it.
 */
export function isMailContent(value: unknown): value is MailContent {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.kind === 'string' && KINDS.includes(record.kind) && TEXTS.every((key) => typeof record[key] === 'string');
}
