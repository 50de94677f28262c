import { defineMessages } from 'react-intl';

/** Data protection: the retention of raw answers of closed cycles. */
export const messages = defineMessages({
  retentionTitle: { id: 'dataProtection.retention.title', defaultMessage: 'Keeping raw answers' },
  retentionIntro: {
    id: 'dataProtection.retention.intro',
    defaultMessage:
      'Raters’ individual answers and comments can be deleted a set number of months after a cycle closes. Reports stay exactly as they are: every figure and released comment already shown is kept, and nothing held back is ever shown. After the deletion a cycle can no longer be rescored.',
  },
  monthsLabel: { id: 'dataProtection.retention.monthsLabel', defaultMessage: 'Delete raw answers this many months after a cycle closes' },
  monthsHint: { id: 'dataProtection.retention.monthsHint', defaultMessage: 'From 1 to 240 months. Leave empty to keep them.' },
  save: { id: 'dataProtection.retention.save', defaultMessage: 'Save' },
  saved: {
    id: 'dataProtection.retention.saved',
    defaultMessage:
      '{months, select, keep {Saved: raw answers are kept.} other {Saved: raw answers are deleted {months, plural, one {# month} other {# months}} after a cycle closes.}}',
  },
  notSaved: { id: 'dataProtection.retention.notSaved', defaultMessage: 'The setting was not saved' },
  current: {
    id: 'dataProtection.retention.current',
    defaultMessage:
      '{months, select, keep {Now: raw answers are kept.} other {Now: deleted {months, plural, one {# month} other {# months}} after a cycle closes.}}',
  },
  loadFailed: { id: 'dataProtection.retention.loadFailed', defaultMessage: 'The retention setting could not be loaded' },
  tableLabel: { id: 'dataProtection.retention.tableLabel', defaultMessage: 'Closed cycles and when their raw answers are deleted' },
  cycle: { id: 'dataProtection.retention.cycle', defaultMessage: 'Cycle' },
  closed: { id: 'dataProtection.retention.closed', defaultMessage: 'Closed' },
  rawAnswers: { id: 'dataProtection.retention.rawAnswers', defaultMessage: 'Raw answers' },
  deletedOn: { id: 'dataProtection.retention.deletedOn', defaultMessage: 'Deleted on {date}' },
  deleteOn: { id: 'dataProtection.retention.deleteOn', defaultMessage: 'To be deleted on {date}' },
  kept: { id: 'dataProtection.retention.kept', defaultMessage: 'Kept' },
  noClosedCycles: { id: 'dataProtection.retention.noClosedCycles', defaultMessage: 'No cycle is closed yet.' },
  exportButton: { id: 'dataProtection.person.export', defaultMessage: 'Export data' },
  exportLabel: { id: 'dataProtection.person.exportLabel', defaultMessage: 'Export data of {name}' },
  exportFailed: { id: 'dataProtection.person.exportFailed', defaultMessage: 'The export could not be made' },
  exportDone: {
    id: 'dataProtection.person.exportDone',
    defaultMessage: 'Downloaded {file}. It holds who they are and where they took part, never what they answered as a rater.',
  },
  eraseButton: { id: 'dataProtection.person.erase', defaultMessage: 'Erase' },
  eraseLabel: { id: 'dataProtection.person.eraseLabel', defaultMessage: 'Erase {name}' },
  eraseTitle: { id: 'dataProtection.person.eraseTitle', defaultMessage: 'Erase {name}?' },
  eraseExplain: {
    id: 'dataProtection.person.eraseExplain',
    defaultMessage:
      'Their name, e-mail address, employee id and sign-in are deleted from Leaderscope and its mail records, and their survey links that are not answered yet stop working. Answers they gave stay only anonymised, and no report changes. This cannot be undone. If your HR system still lists them, remove them there too, or the next import adds them again as a new person.',
  },
  eraseConfirmLabel: { id: 'dataProtection.person.eraseConfirmLabel', defaultMessage: 'Type ERASE to confirm' },
  eraseConfirmWord: { id: 'dataProtection.person.eraseConfirmWord', defaultMessage: 'ERASE' },
  eraseConfirm: { id: 'dataProtection.person.eraseConfirm', defaultMessage: 'Erase for good' },
  cancel: { id: 'dataProtection.person.cancel', defaultMessage: 'Cancel' },
  eraseFailed: { id: 'dataProtection.person.eraseFailed', defaultMessage: 'Nothing was erased' },
  erased: {
    id: 'dataProtection.person.erased',
    defaultMessage:
      'Erased. {accounts, plural, =0 {They had no sign-in.} one {Their sign-in was deleted.} other {# sign-ins were deleted.}} {links, plural, =0 {} one {One open survey link was revoked.} other {# open survey links were revoked.}}',
  },
  close: { id: 'dataProtection.person.close', defaultMessage: 'Close' },
});
