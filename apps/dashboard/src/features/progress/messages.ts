import { defineMessages } from 'react-intl';

/** The progress screen's words: received (submitted), recorded and counted, and the consistency check. */
export const messages = defineMessages({
  submitted: { id: 'progress.figure.submitted', defaultMessage: 'Submitted' },
  submittedHint: { id: 'progress.figure.submittedHint', defaultMessage: 'received, the rater holds a receipt' },
  recorded: { id: 'progress.figure.recorded', defaultMessage: 'Recorded' },
  recordedHint: { id: 'progress.figure.recordedHint', defaultMessage: 'stored by the survey service' },
  counted: { id: 'progress.figure.counted', defaultMessage: 'Counted' },
  countedHint: { id: 'progress.figure.countedHint', defaultMessage: 'stored by the scoring service' },
  allCounted: {
    id: 'progress.consistency.allCounted',
    defaultMessage: 'Every submitted survey is recorded and counted.',
  },
  inFlight: {
    id: 'progress.consistency.inFlight',
    defaultMessage:
      '{notCounted, plural, one {# submitted survey is} other {# submitted surveys are}} not counted yet ({notRecorded, plural, =0 {all recorded} one {# not recorded yet} other {# not recorded yet}}); the oldest was received {age} ago.',
  },
  stuckTitle: { id: 'progress.consistency.stuckTitle', defaultMessage: 'Submitted surveys are not being counted' },
  stuckBody: {
    id: 'progress.consistency.stuckBody',
    defaultMessage:
      '{notCounted, plural, one {# submitted survey has} other {# submitted surveys have}} not been counted for more than {limit} ({notRecorded, plural, =0 {all of them recorded} one {# of them not recorded yet} other {# of them not recorded yet}}). The oldest was received on {received}, {age} ago. The raters hold receipts and the gateway keeps their submissions, but the services that record and count them are behind or stopped: ask whoever runs Leaderscope to look at its /health page and its dead letters.',
  },
  checkedAt: { id: 'progress.consistency.checkedAt', defaultMessage: 'Checked at {time}.' },
  notCountedInGroup: {
    id: 'progress.group.notCounted',
    defaultMessage: '{count} not counted yet',
  },
  loadFailed: { id: 'progress.loadFailed', defaultMessage: 'Progress could not be loaded' },
  loading: { id: 'progress.loading', defaultMessage: 'Loading progress…' },
  emptyTitle: { id: 'progress.empty.title', defaultMessage: 'Nobody has been invited yet' },
  emptyBody: { id: 'progress.empty.body', defaultMessage: 'Progress appears here once the cycle is launched.' },
  responseRate: { id: 'progress.figure.responseRate', defaultMessage: 'Response rate' },
  live: { id: 'progress.live', defaultMessage: 'Live' },
  invited: { id: 'progress.figure.invited', defaultMessage: 'Invited' },
  started: { id: 'progress.figure.started', defaultMessage: 'Started' },
  tableLabel: { id: 'progress.table.label', defaultMessage: 'Progress by leader and rater group' },
  leader: { id: 'progress.table.leader', defaultMessage: 'Leader' },
  overall: { id: 'progress.table.overall', defaultMessage: 'Overall' },
  everyoneAnswered: { id: 'progress.subject.everyoneAnswered', defaultMessage: 'Everyone has answered' },
  notAnsweredCount: { id: 'progress.subject.notAnsweredCount', defaultMessage: '{count} not answered yet' },
  inProgress: { id: 'progress.group.inProgress', defaultMessage: '{count} in progress' },
  groupSubmitted: { id: 'progress.group.submitted', defaultMessage: '{group}: {submitted} of {invited} submitted' },
  notAnsweredYet: { id: 'progress.nonResponders.title', defaultMessage: 'Not answered yet' },
  nonResponder: {
    id: 'progress.nonResponders.rater',
    defaultMessage: '{name} · {group}{started, select, yes { · started} other {}}',
  },
  search: { id: 'progress.search', defaultMessage: 'Search leaders' },
  sort: { id: 'progress.sort', defaultMessage: 'Sort leaders' },
  sortName: { id: 'progress.sort.name', defaultMessage: 'By name' },
  sortRate: { id: 'progress.sort.rate', defaultMessage: 'Lowest response rate first' },
  sortAwaiting: { id: 'progress.sort.awaiting', defaultMessage: 'Most raters still to answer first' },
  awaitingOnly: { id: 'progress.awaitingOnly', defaultMessage: 'Only leaders still awaiting answers' },
  noMatch: { id: 'progress.noMatch', defaultMessage: 'No leader matches.' },
});
