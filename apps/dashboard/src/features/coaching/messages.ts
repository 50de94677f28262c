import { defineMessages } from 'react-intl';

/** Every sentence of the coach role: HR's coaching panel, the coach's home, the leader's waiting notice. */
export const m = defineMessages({
  // HR, on the cycle page
  panelTitle: { id: 'coaching.panelTitle', defaultMessage: 'Coaching' },
  coachedLabel: { id: 'coaching.coachedLabel', defaultMessage: 'Coached cycle' },
  coachedHint: {
    id: 'coaching.coachedHint',
    defaultMessage:
      "Each leader's report reaches the leader and their manager only after their coach marks the debrief done. The coach sees the report from the release on. Can be changed until the results are released.",
  },
  notCoached: {
    id: 'coaching.notCoached',
    defaultMessage: 'This cycle is not coached: leaders and their managers see the reports as soon as you release them.',
  },
  fixedAfterRelease: {
    id: 'coaching.fixedAfterRelease',
    defaultMessage: 'Released results: whether the cycle is coached no longer changes.',
  },
  progress: {
    id: 'coaching.progress',
    defaultMessage: 'Debriefs: {done, number} of {leaders, number}',
  },
  missingCoaches: {
    id: 'coaching.missingCoaches',
    defaultMessage:
      '{count, plural, one {# leader has} other {# leaders have}} no coach yet. Results can be released once every leader has one.',
  },
  coachRule: {
    id: 'coaching.coachRule',
    defaultMessage:
      "A coach is a person of the directory (add an external coach to the people list first) who neither is the leader nor rates them in this cycle: the coach reads the leader's report.",
  },
  coachLabel: { id: 'coaching.coachLabel', defaultMessage: 'Coach' },
  coachPlaceholder: { id: 'coaching.coachPlaceholder', defaultMessage: 'Search the directory' },
  assign: { id: 'coaching.assign', defaultMessage: 'Assign coach' },
  assigned: {
    id: 'coaching.assigned',
    defaultMessage: '{coach} now coaches {count, plural, one {# leader} other {# leaders}}.',
  },
  assignFailed: { id: 'coaching.assignFailed', defaultMessage: 'The coach was not assigned' },
  setFailed: { id: 'coaching.setFailed', defaultMessage: 'The cycle was not changed' },
  loadFailed: { id: 'coaching.loadFailed', defaultMessage: 'Coaching could not be loaded' },
  colLeader: { id: 'coaching.col.leader', defaultMessage: 'Leader' },
  colCoach: { id: 'coaching.col.coach', defaultMessage: 'Coach' },
  colDebrief: { id: 'coaching.col.debrief', defaultMessage: 'Debrief' },
  noCoach: { id: 'coaching.noCoach', defaultMessage: 'No coach yet' },
  debriefDoneOn: { id: 'coaching.debriefDoneOn', defaultMessage: 'Done {date}' },
  debriefPending: { id: 'coaching.debriefPending', defaultMessage: 'Not yet' },
  tableLabel: { id: 'coaching.tableLabel', defaultMessage: "Each leader's coach and debrief" },
  colChoose: { id: 'coaching.col.choose', defaultMessage: 'Choose' },
  chooseLeader: { id: 'coaching.chooseLeader', defaultMessage: 'Choose {name}' },
  showLabel: { id: 'coaching.showLabel', defaultMessage: 'Show' },
  showAll: { id: 'coaching.showAll', defaultMessage: 'All leaders' },
  showWithoutCoach: { id: 'coaching.showWithoutCoach', defaultMessage: 'Without a coach' },
  showPending: { id: 'coaching.showPending', defaultMessage: 'Debrief not done' },
  search: { id: 'coaching.search', defaultMessage: 'Search a leader or a coach' },
  noMatch: { id: 'coaching.noMatch', defaultMessage: 'No leader matches.' },
  listLoading: { id: 'coaching.listLoading', defaultMessage: 'Loading the leaders' },
  chooseHint: {
    id: 'coaching.chooseHint',
    defaultMessage: 'Tick the leaders in the table (up to {max, number} at a time), then choose their coach.',
  },
  chosen: {
    id: 'coaching.chosen',
    defaultMessage: '{count, plural, =0 {No leader chosen} one {# leader chosen} other {# leaders chosen}}',
  },
  clearChoice: { id: 'coaching.clearChoice', defaultMessage: 'Clear the choice' },

  // The coach's home
  homeEyebrow: { id: 'coaching.homeEyebrow', defaultMessage: 'Coach' },
  homeTitle: { id: 'coaching.homeTitle', defaultMessage: 'Leaders you coach' },
  homeDescription: {
    id: 'coaching.homeDescription',
    defaultMessage:
      "Read each leader's released report and development plan. In a coached cycle the leader and their manager see the report once you mark the debrief done.",
  },
  homeLoading: { id: 'coaching.homeLoading', defaultMessage: 'Loading the leaders you coach' },
  homeEmptyTitle: { id: 'coaching.homeEmptyTitle', defaultMessage: 'No leaders yet' },
  homeEmptyBody: {
    id: 'coaching.homeEmptyBody',
    defaultMessage: 'When HR makes you the coach of a leader in a coached cycle, they are listed here.',
  },
  notReleased: { id: 'coaching.notReleased', defaultMessage: 'Results not released yet' },
  awaitingDebrief: { id: 'coaching.awaitingDebrief', defaultMessage: 'Awaiting your debrief' },
  debriefed: { id: 'coaching.debriefed', defaultMessage: 'Debrief done {date}' },
  openReport: { id: 'coaching.openReport', defaultMessage: "Open {name}'s report" },
  openPlan: { id: 'coaching.openPlan', defaultMessage: "Open {name}'s development plan" },
  noPlanYet: { id: 'coaching.noPlanYet', defaultMessage: 'No plan yet' },
  markDone: { id: 'coaching.markDone', defaultMessage: 'Debrief done' },
  markDoneLabel: { id: 'coaching.markDoneLabel', defaultMessage: 'Mark the debrief with {name} done' },
  markDoneConfirm: {
    id: 'coaching.markDoneConfirm',
    defaultMessage: '{name} and their manager will see the report and be told by mail. This cannot be undone.',
  },
  markFailed: { id: 'coaching.markFailed', defaultMessage: 'The debrief was not marked done' },
  marked: { id: 'coaching.marked', defaultMessage: 'Debrief with {name} marked done: the report is shared with them.' },

  // On the report page
  pendingTitle: { id: 'coaching.pendingTitle', defaultMessage: 'Your report is on its way' },
  pendingLeader: {
    id: 'coaching.pendingLeader',
    defaultMessage: 'Your report will be shared after your debrief with {coach}.',
  },
  pendingLeaderNoCoach: {
    id: 'coaching.pendingLeaderNoCoach',
    defaultMessage: 'Your report will be shared after your debrief with your coach.',
  },
  pendingManager: {
    id: 'coaching.pendingManager',
    defaultMessage: "This report will be shared with you after the leader's debrief with {coach}.",
  },
  coachBanner: {
    id: 'coaching.coachBanner',
    defaultMessage: 'You are the coach: the leader and their manager see this report once you mark the debrief done.',
  },
  coachBannerDone: { id: 'coaching.coachBannerDone', defaultMessage: 'Debrief done {date}: the leader and their manager see this report.' },
});
