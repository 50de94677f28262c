import { defineMessages } from 'react-intl';

/** Every sentence of the follow-up pulse on the report page. */
export const m = defineMessages({
  title: { id: 'pulse.title', defaultMessage: 'Follow-up pulse' },
  intro: {
    id: 'pulse.intro',
    defaultMessage:
      'A short survey, months after the report, to the same raters and anyone added: for each focus area of the development plan, how much more or less effective {name} has become (−3 to +3). Answers are anonymous as in the cycle; the result is shown here when the pulse closes.',
  },
  hrIntro: {
    id: 'pulse.hrIntro',
    defaultMessage:
      'HR starts and closes follow-up pulses and sees how many raters answered; the focus areas and the result are {name}’s and their manager’s.',
  },
  none: { id: 'pulse.none', defaultMessage: 'No follow-up pulse yet.' },
  start: { id: 'pulse.start', defaultMessage: 'Start a follow-up pulse' },
  closeNow: { id: 'pulse.closeNow', defaultMessage: 'Close now and see the result' },
  closeFailed: { id: 'pulse.closeFailed', defaultMessage: 'The pulse could not be closed: {reason}' },
  closesOn: { id: 'pulse.closesOn', defaultMessage: 'Closes on' },
  send: { id: 'pulse.send', defaultMessage: 'Send to the raters' },
  cancel: { id: 'pulse.cancel', defaultMessage: 'Cancel' },
  started: { id: 'pulse.started', defaultMessage: 'The pulse went out to {count, plural, one {# rater} other {# raters}}.' },
  newRatersTitle: { id: 'pulse.newRatersTitle', defaultMessage: 'Also ask (optional)' },
  newRatersHelp: {
    id: 'pulse.newRatersHelp',
    defaultMessage:
      'The raters of the cycle are asked again. Add people who have worked with {name} since, e.g. a new peer{leader, select, yes { or partner} other {}}.',
  },
  addRater: { id: 'pulse.addRater', defaultMessage: 'Add someone' },
  removeRater: { id: 'pulse.removeRater', defaultMessage: 'Do not ask {name}' },
  newRater: { id: 'pulse.newRater', defaultMessage: '{name} — {group}' },
  startFailed: { id: 'pulse.startFailed', defaultMessage: 'The pulse could not be started: {reason}' },
  loadFailed: { id: 'pulse.loadFailed', defaultMessage: 'the follow-up pulses' },
  open: { id: 'pulse.open', defaultMessage: 'Open until {date}' },
  closed: { id: 'pulse.closed', defaultMessage: 'Closed on {date}' },
  answered: {
    id: 'pulse.answered',
    defaultMessage: '{answered, number} of {invited, plural, one {# rater} other {# raters}} answered',
  },
  planVersion: { id: 'pulse.planVersion', defaultMessage: 'On plan version {version, number}' },
  waiting: { id: 'pulse.waiting', defaultMessage: 'The result is shown here when the pulse closes.' },
  chartTitle: { id: 'pulse.chartTitle', defaultMessage: 'Change per focus area (mean, 95% interval)' },
  chartEmpty: { id: 'pulse.chartEmpty', defaultMessage: 'No focus area has enough answers to show.' },
  value: { id: 'pulse.value', defaultMessage: '{mean} (n={n, number})' },
  notEnough: {
    id: 'pulse.notEnough',
    defaultMessage:
      '{label}: not enough answers to show ({n, plural, one {# answer} other {# answers}}; at least {threshold, number} needed).',
  },
  callMore: { id: 'pulse.callMore', defaultMessage: 'More effective' },
  callLess: { id: 'pulse.callLess', defaultMessage: 'Less effective' },
  callNone: { id: 'pulse.callNone', defaultMessage: 'No clear change' },
  commentsTitle: { id: 'pulse.commentsTitle', defaultMessage: 'What raters wrote' },
  scaleNote: {
    id: 'pulse.scaleNote',
    defaultMessage: '0 is “no change”. A change is called only when its 95% interval does not include 0.',
  },
});
