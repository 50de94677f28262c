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
      '{months, select, keep {Saved: raw answers are kept.} other {Saved: raw answers are deleted {months} months after a cycle closes.}}',
  },
  notSaved: { id: 'dataProtection.retention.notSaved', defaultMessage: 'The setting was not saved' },
  current: {
    id: 'dataProtection.retention.current',
    defaultMessage: '{months, select, keep {Now: raw answers are kept.} other {Now: deleted {months} months after a cycle closes.}}',
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
});
