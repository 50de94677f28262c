import catalogue from '@leaderscope/messages/src/en.json';

/** Words shared with the mails (packages/messages): the same catalogue, the same sentences. */
export const words = catalogue as Record<string, string>;

const STATUS_COLOR: Record<string, string> = {
  queued: 'gray',
  sent: 'teal',
  deferred: 'yellow',
  failed: 'red',
  recorded: 'blue',
  skipped: 'gray',
};

export function deliveryLabel(status: string): { label: string; color: string } {
  return { label: words[`delivery.${status}`] ?? status, color: STATUS_COLOR[status] ?? 'gray' };
}
