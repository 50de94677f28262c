import { defineMessages, type MessageDescriptor } from '@formatjs/intl';

/** Rater groups in words, everywhere: the report, the PDF, the rater lists and links. */
export const groupMessages = defineMessages({
  groupself: { id: 'report.group.self', defaultMessage: 'Self' },
  groupmanager: { id: 'report.group.manager', defaultMessage: 'Manager' },
  grouppeer: { id: 'report.group.peer', defaultMessage: 'Peers' },
  groupdirect_report: { id: 'report.group.direct_report', defaultMessage: 'Direct reports' },
  groupskip_level: { id: 'report.group.skip_level', defaultMessage: 'Skip-level' },
  groupother: { id: 'report.group.other', defaultMessage: 'Others (partners)' },
});

/** "Direct reports" for `direct_report`; an unknown group as it is. */
export function groupLabel(t: { formatMessage(descriptor: MessageDescriptor): string }, group: string | null | undefined): string {
  const key = `group${group ?? ''}`;
  return key in groupMessages ? t.formatMessage(groupMessages[key as keyof typeof groupMessages]) : String(group);
}
