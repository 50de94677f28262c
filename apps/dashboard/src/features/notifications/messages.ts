import catalogue from '@leaderscope/messages/src/en.json';
import { defineMessages } from 'react-intl';

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

/** HR's download of the links of raters without an e-mail address. */
export const linkExportMessages = defineMessages({
  title: { id: 'notifications.linkExport.title', defaultMessage: 'Links for people without e-mail' },
  description: {
    id: 'notifications.linkExport.description',
    defaultMessage:
      'One file with the personal links of every rater who has no e-mail address and has not answered yet. Raters with an address get their link by mail and are not in the file. The download is recorded in the audit log.',
  },
});
