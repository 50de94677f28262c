import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';

/**
 * Words the dashboard shares with the mails' catalogue (packages/messages/src/en.json): the same
 * ids and the same English, through react-intl (messages.test.ts checks they stay the same).
 */
export const sharedMessages = defineMessages({
  deliveryQueued: { id: 'delivery.queued', defaultMessage: 'Queued' },
  deliverySent: { id: 'delivery.sent', defaultMessage: 'Sent' },
  deliveryDeferred: { id: 'delivery.deferred', defaultMessage: 'Retrying' },
  deliveryFailed: { id: 'delivery.failed', defaultMessage: 'Failed' },
  deliveryRecorded: { id: 'delivery.recorded', defaultMessage: 'In the mail outbox (not sent)' },
  deliverySkipped: { id: 'delivery.skipped', defaultMessage: 'Not sent' },
  deliveryUnknown: { id: 'delivery.unknown', defaultMessage: 'State not known' },
  mailOutboxTitle: { id: 'mailOutbox.title', defaultMessage: 'Mail outbox' },
  mailOutboxExplain: {
    id: 'mailOutbox.explain',
    defaultMessage:
      'No mail server is configured, so mails are not sent. Each mail that would have gone out is listed here; open one to read it as the recipient would.',
  },
  mySurveysTitle: { id: 'mySurveys.title', defaultMessage: 'My surveys to answer' },
  mySurveysEmpty: { id: 'mySurveys.empty', defaultMessage: 'Nothing to answer right now.' },
});

const STATUS_LABEL: Record<string, MessageDescriptor> = {
  queued: sharedMessages.deliveryQueued,
  sent: sharedMessages.deliverySent,
  deferred: sharedMessages.deliveryDeferred,
  failed: sharedMessages.deliveryFailed,
  recorded: sharedMessages.deliveryRecorded,
  skipped: sharedMessages.deliverySkipped,
};

const STATUS_COLOR: Record<string, string> = {
  queued: 'gray',
  sent: 'teal',
  deferred: 'yellow',
  failed: 'red',
  recorded: 'blue',
  skipped: 'gray',
};

/** A mail's delivery state in words, and its colour; a state this dashboard does not know yet is "State not known", never its key. */
export function deliveryLabel(intl: IntlShape, status: string): { label: string; color: string } {
  return { label: intl.formatMessage(STATUS_LABEL[status] ?? sharedMessages.deliveryUnknown), color: STATUS_COLOR[status] ?? 'gray' };
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

/** Mail delivery per rater on the progress board. */
export const deliveryMessages = defineMessages({
  loadFailed: { id: 'notifications.delivery.loadFailed', defaultMessage: 'Mail delivery could not be loaded' },
  loading: { id: 'notifications.delivery.loading', defaultMessage: 'Loading mail delivery…' },
  title: { id: 'notifications.delivery.title', defaultMessage: 'Mail delivery' },
  withAttempts: {
    id: 'notifications.delivery.withAttempts',
    defaultMessage: '{label} ({attempts, plural, one {# attempt} other {# attempts}})',
  },
  explain: {
    id: 'notifications.delivery.explain',
    defaultMessage: 'Invitation and latest reminder per rater. Hover a state for the mail server’s answer.',
  },
  resendFailed: { id: 'notifications.delivery.resendFailed', defaultMessage: 'The invitation was not resent' },
  table: { id: 'notifications.delivery.table', defaultMessage: 'Mail delivery per rater' },
  rater: { id: 'notifications.delivery.column.rater', defaultMessage: 'Rater' },
  about: { id: 'notifications.delivery.column.about', defaultMessage: 'About' },
  as: { id: 'notifications.delivery.column.as', defaultMessage: 'As' },
  invitation: { id: 'notifications.delivery.column.invitation', defaultMessage: 'Invitation' },
  reminder: { id: 'notifications.delivery.column.reminder', defaultMessage: 'Reminder' },
  resendLabel: { id: 'notifications.delivery.resendLabel', defaultMessage: 'Resend the invitation to {name}' },
  resend: { id: 'notifications.delivery.resend', defaultMessage: 'Resend' },
  none: { id: 'notifications.delivery.none', defaultMessage: 'Not yet' },
  search: { id: 'notifications.delivery.search', defaultMessage: 'Search rater or leader' },
  statusFilter: { id: 'notifications.delivery.statusFilter', defaultMessage: 'Delivery status' },
  anyStatus: { id: 'notifications.delivery.anyStatus', defaultMessage: 'Any delivery status' },
  eitherMail: { id: 'notifications.delivery.eitherMail', defaultMessage: 'Invitation or reminder' },
  sort: { id: 'notifications.delivery.sort', defaultMessage: 'Sort' },
  sortSubject: { id: 'notifications.delivery.sort.subject', defaultMessage: 'By leader' },
  sortRater: { id: 'notifications.delivery.sort.rater', defaultMessage: 'By rater' },
  sortStatus: { id: 'notifications.delivery.sort.status', defaultMessage: 'Problems first' },
  sortUpdated: { id: 'notifications.delivery.sort.updated', defaultMessage: 'Latest change first' },
  totals: { id: 'notifications.delivery.totals', defaultMessage: 'Raters per delivery status' },
  totalShown: {
    id: 'notifications.delivery.totalShown',
    defaultMessage:
      '{count, number} {status, select, queued {queued} sent {sent} deferred {retrying} failed {failed} recorded {in the mail outbox} skipped {not sent} none {not yet} other {in another state}}',
  },
  totalLabel: { id: 'notifications.delivery.totalLabel', defaultMessage: '{shown} ({mail}): show only these raters' },
  noMatch: { id: 'notifications.delivery.noMatch', defaultMessage: 'No rater matches.' },
});

/** HR's download of the links, its button and failure. */
export const linkExportActionMessages = defineMessages({
  download: { id: 'notifications.linkExport.download', defaultMessage: 'Download links (CSV)' },
  failed: { id: 'notifications.linkExport.failed', defaultMessage: 'The links could not be exported' },
});

/** The mail outbox (no mail server set up). */
export const outboxMessages = defineMessages({
  kindInvitation: { id: 'notifications.outbox.kind.invitation', defaultMessage: 'Invitation' },
  kindReminder: { id: 'notifications.outbox.kind.reminder', defaultMessage: 'Reminder' },
  kindOther: { id: 'notifications.outbox.kind.other', defaultMessage: 'Other mail' },
  kindNominationRequest: { id: 'notifications.outbox.kind.nominationRequest', defaultMessage: 'Choose raters' },
  kindApprovalRequest: { id: 'notifications.outbox.kind.approvalRequest', defaultMessage: 'Approve raters' },
  kindReportReady: { id: 'notifications.outbox.kind.reportReady', defaultMessage: 'Report ready' },
  kindPlanShared: { id: 'notifications.outbox.kind.planShared', defaultMessage: 'Development plan' },
  kindDebriefRequested: { id: 'notifications.outbox.kind.debriefRequested', defaultMessage: 'Debrief to hold' },
  kindPulseLaunched: { id: 'notifications.outbox.kind.pulseLaunched', defaultMessage: 'Follow-up pulse' },
  kindFilter: { id: 'notifications.outbox.kindFilter', defaultMessage: 'Which mails' },
  kindAll: { id: 'notifications.outbox.kindAll', defaultMessage: 'All mails' },
  noneOfKind: { id: 'notifications.outbox.noneOfKind', defaultMessage: 'No mail of this kind yet.' },
  loadFailed: { id: 'notifications.outbox.loadFailed', defaultMessage: 'The mail outbox could not be loaded' },
  loading: { id: 'notifications.outbox.loading', defaultMessage: 'Loading the mail outbox…' },
  emptyTitle: { id: 'notifications.outbox.empty.title', defaultMessage: 'No mail yet' },
  emptyBody: {
    id: 'notifications.outbox.empty.body',
    defaultMessage: 'Mails appear here when a cycle is launched, reminders are sent or results are released.',
  },
  to: { id: 'notifications.outbox.column.to', defaultMessage: 'To' },
  mail: { id: 'notifications.outbox.column.mail', defaultMessage: 'Mail' },
  subject: { id: 'notifications.outbox.column.subject', defaultMessage: 'Subject' },
  when: { id: 'notifications.outbox.column.when', defaultMessage: 'When' },
  modalTitle: { id: 'notifications.outbox.modalTitle', defaultMessage: 'Mail' },
  openFailed: { id: 'notifications.outbox.openFailed', defaultMessage: 'The mail could not be opened' },
  opening: { id: 'notifications.outbox.opening', defaultMessage: 'Opening the mail…' },
  toLine: { id: 'notifications.outbox.toLine', defaultMessage: 'To: {to}' },
  frameTitle: { id: 'notifications.outbox.frameTitle', defaultMessage: 'The mail as the recipient reads it' },
  link: { id: 'notifications.outbox.link', defaultMessage: 'Link:' },
});

/** The signed-in person's own open surveys. */
export const mySurveysMessages = defineMessages({
  loadFailed: { id: 'notifications.mySurveys.loadFailed', defaultMessage: 'Your surveys could not be loaded' },
  details: {
    id: 'notifications.mySurveys.details',
    defaultMessage: '{cycle} · as {group} · open until {closes}',
  },
  started: { id: 'notifications.mySurveys.started', defaultMessage: 'Started' },
  notStarted: { id: 'notifications.mySurveys.notStarted', defaultMessage: 'Not started' },
});
