import { defineMessages } from 'react-intl';

/** The survey links tab: links only of raters without an e-mail address (docs/anonymity.md). */
export const linkMessages = defineMessages({
  byMail: {
    id: 'cycles.links.byMail',
    defaultMessage:
      'Raters with an e-mail address get their personal link in their invitation mail, so their links are not shown here. You can follow each mail under Mail delivery on the Progress tab; with no mail server set up, the mails wait in the Mail outbox, where you can open them.',
  },
  mailOutbox: { id: 'cycles.links.mailOutbox', defaultMessage: 'Open the mail outbox' },
});

/** The cycle's stricter threshold for comments (docs/anonymity.md). */
export const commentThresholdMessages = defineMessages({
  label: { id: 'cycles.commentThreshold.label', defaultMessage: 'Comment threshold' },
  description: {
    id: 'cycles.commentThreshold.description',
    defaultMessage:
      'The fewest answers a group (other than self and manager) needs before its written comments are shown. At least the anonymity threshold; raise it to protect comments more than scores.',
  },
  tooLow: {
    id: 'cycles.commentThreshold.tooLow',
    defaultMessage: 'The comment threshold must be at least the anonymity threshold ({threshold}).',
  },
  tooHigh: { id: 'cycles.commentThreshold.tooHigh', defaultMessage: 'The comment threshold can be at most 50.' },
  save: { id: 'cycles.commentThreshold.save', defaultMessage: 'Save comment threshold' },
  saved: {
    id: 'cycles.commentThreshold.saved',
    defaultMessage: 'Saved: comments are shown from {count, plural, one {# answer} other {# answers}} in a group.',
  },
  failed: { id: 'cycles.commentThreshold.failed', defaultMessage: 'The comment threshold was not changed' },
  summary: {
    id: 'cycles.commentThreshold.summary',
    defaultMessage: ', their comments from {comments}',
  },
});

/** The words of the cycle screens (HR's cycles, the rater lists of leaders and managers). */
export const messages = defineMessages({
  statusDraft: { id: 'cycles.status.draft', defaultMessage: 'Setting up' },
  statusLaunching: { id: 'cycles.status.launching', defaultMessage: 'Launching' },
  statusLaunched: { id: 'cycles.status.launched', defaultMessage: 'Collecting feedback' },
  statusClosed: { id: 'cycles.status.closed', defaultMessage: 'Closed · not released' },
  statusReleased: { id: 'cycles.status.released', defaultMessage: 'Released' },

  listLoadFailed: { id: 'cycles.list.loadFailed', defaultMessage: 'The cycles could not be loaded' },
  listLoading: { id: 'cycles.list.loading', defaultMessage: 'Loading cycles…' },
  listEmptyTitle: { id: 'cycles.list.empty.title', defaultMessage: 'No review cycles yet' },
  listEmptyAction: { id: 'cycles.list.empty.action', defaultMessage: 'Create your first cycle' },
  listEmpty: {
    id: 'cycles.list.empty',
    defaultMessage: 'Import your organisation, then create a cycle: choose who is reviewed, confirm their raters and launch.',
  },
  listCardLabel: { id: 'cycles.list.cardLabel', defaultMessage: '{name}, {status}' },
  listDates: { id: 'cycles.list.dates', defaultMessage: '{opens} – {closes}' },
  listLeaders: { id: 'cycles.list.leaders', defaultMessage: '{count, plural, one {# leader} other {# leaders}}' },
  listDetail: { id: 'cycles.list.detail', defaultMessage: '{profile} · instrument v{version} · anonymity ≥ {threshold}' },
  pulseBadge: { id: 'cycles.list.pulseBadge', defaultMessage: 'Follow-up pulse' },
  pulseDetail: {
    id: 'cycles.list.pulseDetail',
    defaultMessage: 'A follow-up pulse on a leader’s development plan: its counts are on the leader’s report page',
  },

  ratersLoadFailed: { id: 'cycles.raters.loadFailed', defaultMessage: 'The raters for {name} could not be loaded' },
  ratersLoading: { id: 'cycles.raters.loading', defaultMessage: 'Loading raters…' },
  ratersNotApproved: { id: 'cycles.raters.notApproved', defaultMessage: 'The raters were not approved' },
  yourCyclesLoadFailed: { id: 'cycles.approvals.loadFailed', defaultMessage: 'Your cycles could not be loaded' },
  loading: { id: 'cycles.loading', defaultMessage: 'Loading…' },
  nothingToApproveTitle: { id: 'cycles.approvals.empty.title', defaultMessage: 'Nothing to approve' },
  nothingToApprove: {
    id: 'cycles.approvals.empty',
    defaultMessage: 'When HR sets up a cycle for a leader who reports to you, their rater list appears here for your approval.',
  },
  myRaterList: {
    id: 'cycles.myRaterList.intro',
    defaultMessage:
      'Who will give you feedback in {cycle}. You can propose peers and partners who see your work; your manager approves the list before the survey opens.',
  },

  linksTitle: { id: 'cycles.links.title', defaultMessage: 'Survey links' },
  linksClosed: {
    id: 'cycles.links.closed',
    defaultMessage:
      'This cycle closed{date, select, none {} other { on {date}}}, so its survey links no longer open a survey and there is nothing left to share. Progress and results stay on their tabs.',
  },
  linksIntro: {
    id: 'cycles.links.intro',
    defaultMessage:
      'Here you can show the links of raters who have no e-mail address and have not answered yet, to hand to each person yourself. Share a link only with the person named. Showing the links is recorded in the audit log.',
  },
  linksShow: { id: 'cycles.links.show', defaultMessage: 'Show survey links' },
  linksLoadFailed: { id: 'cycles.links.loadFailed', defaultMessage: 'The survey links could not be shown' },
  linksLoading: { id: 'cycles.links.loading', defaultMessage: 'Loading survey links…' },
  linksCount: {
    id: 'cycles.links.count',
    defaultMessage: '{count, plural, one {# survey link} other {# survey links}} for raters without e-mail',
  },
  linksPersonal: { id: 'cycles.links.personal', defaultMessage: 'Personal links — share each only with the person named.' },
  linksFilter: { id: 'cycles.links.filter', defaultMessage: 'Filter by leader' },
  linksAllLeaders: { id: 'cycles.links.allLeaders', defaultMessage: 'All leaders' },
  linksNone: {
    id: 'cycles.links.none',
    defaultMessage: 'No links to hand out: every rater who has not answered yet has an e-mail address and gets their link by mail.',
  },
  linksScrollable: { id: 'cycles.links.scrollable', defaultMessage: 'Survey links, scrollable' },
  columnRater: { id: 'cycles.links.column.rater', defaultMessage: 'Rater' },
  columnAbout: { id: 'cycles.links.column.about', defaultMessage: 'About' },
  columnAs: { id: 'cycles.links.column.as', defaultMessage: 'As' },
  columnStatus: { id: 'cycles.links.column.status', defaultMessage: 'Status' },
  columnLink: { id: 'cycles.links.column.link', defaultMessage: 'Link' },
  invitationinvited: { id: 'cycles.links.status.invited', defaultMessage: 'invited' },
  invitationstarted: { id: 'cycles.links.status.started', defaultMessage: 'started' },
  invitationsubmitted: { id: 'cycles.links.status.submitted', defaultMessage: 'submitted' },
  linkOpen: { id: 'cycles.links.open', defaultMessage: 'Open' },
  linkOpenLabel: { id: 'cycles.links.openLabel', defaultMessage: 'Open the survey link for {rater} about {subject}' },
  linkCopied: { id: 'cycles.links.copied', defaultMessage: 'Copied' },
  linkCopy: { id: 'cycles.links.copy', defaultMessage: 'Copy link' },
  linkCopyLabel: { id: 'cycles.links.copyLabel', defaultMessage: 'Copy the link for {rater}' },

  notLaunched: { id: 'cycles.actions.notLaunched', defaultMessage: 'The cycle was not launched' },
  notReminded: { id: 'cycles.actions.notReminded', defaultMessage: 'Reminders were not sent' },
  notClosed: { id: 'cycles.actions.notClosed', defaultMessage: 'The cycle was not closed' },
  notReleased: { id: 'cycles.actions.notReleased', defaultMessage: 'The results were not released' },
  launch: { id: 'cycles.actions.launch', defaultMessage: 'Launch cycle' },
  launchTitle: { id: 'cycles.actions.launch.title', defaultMessage: 'Launch this cycle?' },
  launchBody: {
    id: 'cycles.actions.launch.body',
    defaultMessage:
      'Survey links are created and every approved rater is invited. Rater lists can no longer change. {count, plural, one {# leader} other {# leaders}} will be reviewed.',
  },
  launchProgress: {
    id: 'cycles.actions.launch.progress',
    defaultMessage: 'Inviting raters: {done, number} of {total, plural, one {# leader} other {# leaders}} done',
  },
  launchProgressLabel: { id: 'cycles.actions.launch.progressLabel', defaultMessage: 'Launch progress' },
  resumeLaunch: { id: 'cycles.actions.launch.resume', defaultMessage: 'Resume launch' },
  resumeLaunchHint: {
    id: 'cycles.actions.launch.resumeHint',
    defaultMessage:
      'The launch stopped part-way: the raters of the leaders done so far are invited, the others not yet. Resume it to invite the rest; nobody is invited twice.',
  },
  remind: { id: 'cycles.actions.remind', defaultMessage: 'Send reminders' },
  close: { id: 'cycles.actions.close', defaultMessage: 'Close cycle' },
  closeTitle: { id: 'cycles.actions.close.title', defaultMessage: 'Close this cycle?' },
  closeBody: {
    id: 'cycles.actions.close.body',
    defaultMessage: 'Survey links stop working and no more answers are accepted. Results stay private until you release them.',
  },
  release: { id: 'cycles.actions.release', defaultMessage: 'Release results' },
  releaseTitle: { id: 'cycles.actions.release.title', defaultMessage: 'Release the results?' },
  releaseBody: {
    id: 'cycles.actions.release.body',
    defaultMessage: 'Each leader and their manager can then see the leader’s report. Groups below the anonymity threshold stay hidden.',
  },
  reminded: {
    id: 'cycles.actions.reminded',
    defaultMessage:
      '{count, plural, =0 {Everyone has answered: no reminders needed.} one {Reminded # person who has not answered yet.} other {Reminded # people who have not answered yet.}}',
  },
  addLeadersFirst: { id: 'cycles.actions.addLeadersFirst', defaultMessage: 'Add leaders to review before launching.' },
  waitingApproval: {
    id: 'cycles.actions.waitingApproval',
    defaultMessage: '{count, plural, one {# leader’s rater list is} other {# leaders’ rater lists are}} waiting for approval',
  },
  tooFew: {
    id: 'cycles.actions.tooFew',
    defaultMessage: '{count, plural, one {# leader has} other {# leaders have}} too few approved raters in a group',
  },
  notReady: { id: 'cycles.actions.notReady', defaultMessage: 'Not ready to launch: {reasons}.' },
  cancel: { id: 'cycles.actions.cancel', defaultMessage: 'Cancel' },
  rescoreTitle: { id: 'cycles.rescore.title', defaultMessage: 'Rescore' },
  rescoreIntro: {
    id: 'cycles.rescore.intro',
    defaultMessage:
      'Read the same answers under another instrument version or role profile. The cycle’s own figures are kept; the rescore is a separate result set you can pick on each report.',
  },
  rescoreInstrument: { id: 'cycles.rescore.instrument', defaultMessage: 'Instrument' },
  rescoreProfile: { id: 'cycles.rescore.profile', defaultMessage: 'Role profile' },
  rescoreButton: { id: 'cycles.rescore.button', defaultMessage: 'Rescore' },
  rescoreVersion: { id: 'cycles.rescore.version', defaultMessage: 'instrument version {version}' },
  rescoreRequested: {
    id: 'cycles.rescore.requested',
    defaultMessage:
      'Rescore requested: the same answers read with {version} against the {profile} profile. Choose it under “Result set” on a report once it has been scored.',
  },
  rescoreFailed: { id: 'cycles.rescore.failed', defaultMessage: 'The rescore was not started' },
  exportCsv: { id: 'cycles.export.button', defaultMessage: 'Export CSV' },
  exportFailed: { id: 'cycles.export.failed', defaultMessage: 'The CSV could not be exported' },
  exportStarted: {
    id: 'cycles.export.started',
    defaultMessage: 'Your browser is downloading the CSV: it shows the progress and where the file goes.',
  },

  wizardDefaultName: { id: 'cycles.wizard.defaultName', defaultMessage: 'Leadership 360 — {month}' },
  wizardNoName: { id: 'cycles.wizard.problem.name', defaultMessage: 'Give the cycle a name.' },
  wizardThreshold: { id: 'cycles.wizard.problem.threshold', defaultMessage: 'The anonymity threshold must be at least 2.' },
  wizardDates: { id: 'cycles.wizard.problem.dates', defaultMessage: 'The closing date must be after the opening date.' },
  stepBasics: { id: 'cycles.wizard.step.basics', defaultMessage: 'Basics' },
  stepBasicsHint: { id: 'cycles.wizard.step.basics.hint', defaultMessage: 'Instrument, profile, dates' },
  cycleName: { id: 'cycles.wizard.name', defaultMessage: 'Cycle name' },
  profileHint: { id: 'cycles.wizard.profile.hint', defaultMessage: 'The expectations reports are read against' },
  thresholdLabel: { id: 'cycles.wizard.threshold', defaultMessage: 'Anonymity threshold' },
  thresholdHint: {
    id: 'cycles.wizard.threshold.hint',
    defaultMessage:
      'The fewest answers a group (other than self and manager) needs before its figures are shown. 3 or more is recommended.',
  },
  opens: { id: 'cycles.wizard.opens', defaultMessage: 'Opens' },
  closes: { id: 'cycles.wizard.closes', defaultMessage: 'Closes' },
  stepLeaders: { id: 'cycles.wizard.step.leaders', defaultMessage: 'Leaders' },
  stepLeadersHint: { id: 'cycles.wizard.step.leaders.hint', defaultMessage: 'Who is reviewed' },
  suggestedIntro: {
    id: 'cycles.wizard.suggested',
    defaultMessage: 'Suggested: people who lead leaders (their reports have reports). Anyone else with a team can be added too.',
  },
  filterPeople: { id: 'cycles.wizard.filter', defaultMessage: 'Filter people' },
  filterPlaceholder: { id: 'cycles.wizard.filter.placeholder', defaultMessage: 'Filter by name or department' },
  findingLeaders: { id: 'cycles.wizard.finding', defaultMessage: 'Finding leaders of leaders…' },
  peopleFailed: { id: 'cycles.wizard.peopleFailed', defaultMessage: 'People could not be loaded' },
  nobodyLeads: { id: 'cycles.wizard.nobody', defaultMessage: 'Nobody in the directory leads leaders yet. Import the organisation first.' },
  include: { id: 'cycles.wizard.include', defaultMessage: 'Include' },
  columnLeader: { id: 'cycles.wizard.column.leader', defaultMessage: 'Leader' },
  columnDepartment: { id: 'cycles.wizard.column.department', defaultMessage: 'Department' },
  columnDirectReports: { id: 'cycles.wizard.column.directReports', defaultMessage: 'Direct reports' },
  reviewPerson: { id: 'cycles.wizard.review', defaultMessage: 'Review {name}' },
  suggested: { id: 'cycles.wizard.suggestedBadge', defaultMessage: 'Suggested' },
  stepReview: { id: 'cycles.wizard.step.review', defaultMessage: 'Review' },
  stepReviewHint: { id: 'cycles.wizard.step.review.hint', defaultMessage: 'Check and create' },
  rowName: { id: 'cycles.wizard.row.name', defaultMessage: 'Name' },
  rowThreshold: { id: 'cycles.wizard.row.threshold', defaultMessage: '{count, plural, one {# answer} other {# answers}} per group' },
  rowDates: { id: 'cycles.wizard.row.dates', defaultMessage: 'Dates' },
  rowDatesValue: { id: 'cycles.wizard.row.datesValue', defaultMessage: '{opens, date, long} to {closes, date, long}' },
  rowLeaders: { id: 'cycles.wizard.row.leaders', defaultMessage: 'Leaders reviewed' },
  rowLeadersValue: { id: 'cycles.wizard.row.leadersValue', defaultMessage: '{count}: {names}' },
  noneYet: { id: 'cycles.wizard.noneYet', defaultMessage: 'none yet' },
  wizardNext: {
    id: 'cycles.wizard.nextSteps',
    defaultMessage: 'Next you will propose and approve each leader’s raters, then launch. Nothing is sent until you launch.',
  },
  createFailed: { id: 'cycles.wizard.createFailed', defaultMessage: 'The cycle could not be created' },
  addFailed: { id: 'cycles.wizard.addFailed', defaultMessage: 'The leaders could not be added' },
  back: { id: 'cycles.wizard.back', defaultMessage: 'Back' },
  next: { id: 'cycles.wizard.next', defaultMessage: 'Next' },
  createCycle: { id: 'cycles.wizard.create', defaultMessage: 'Create cycle' },

  noLeadersTitle: { id: 'cycles.raters.noLeaders.title', defaultMessage: 'No leaders in this cycle' },
  noLeaders: { id: 'cycles.raters.noLeaders', defaultMessage: 'Add leaders to review before proposing raters.' },
  ratersLoadFailedAll: { id: 'cycles.raters.loadFailedAll', defaultMessage: 'The raters could not be loaded' },
  ratersTitle: { id: 'cycles.raters.title', defaultMessage: 'Raters' },
  ratersIntro: {
    id: 'cycles.raters.intro',
    defaultMessage:
      'Propose raters from reporting lines (manager, peers, direct reports, skip-levels), adjust, then approve each leader’s list.',
  },
  proposeAgain: { id: 'cycles.raters.proposeAgain', defaultMessage: 'Propose again' },
  proposeAll: { id: 'cycles.raters.proposeAll', defaultMessage: 'Propose raters for everyone' },
  approveAll: { id: 'cycles.raters.approveAll', defaultMessage: 'Approve all ({count})' },
  proposedSummary: {
    id: 'cycles.raters.proposedSummary',
    defaultMessage:
      '{changed, plural, =0 {No new raters proposed} one {# rater proposed} other {# raters proposed}} for {subjects, plural, one {# leader} other {# leaders}}.',
  },
  approvedSummary: {
    id: 'cycles.raters.approvedSummary',
    defaultMessage:
      '{changed, plural, =0 {Nothing left to approve} one {# rater approved} other {# raters approved}} for {subjects, plural, one {# leader} other {# leaders}}.',
  },
  proposeFailed: { id: 'cycles.raters.proposeFailed', defaultMessage: 'Raters could not be proposed' },
  approveFailed: { id: 'cycles.raters.approveFailed', defaultMessage: 'Raters could not be approved' },
  ratersFor: { id: 'cycles.raters.for', defaultMessage: 'Raters for {name}' },
  ratersLists: { id: 'cycles.raters.lists', defaultMessage: 'Rater lists by leader' },
  searchLeaders: { id: 'cycles.raters.searchLeaders', defaultMessage: 'Search leaders' },
  noLeaderMatches: { id: 'cycles.raters.noLeaderMatches', defaultMessage: 'No leader matches.' },
  noRatersYet: { id: 'cycles.raters.none', defaultMessage: 'No raters yet' },
  approved: { id: 'cycles.raters.approved', defaultMessage: 'Approved' },
  toApprove: { id: 'cycles.raters.toApprove', defaultMessage: '{count} to approve' },
  groupCount: {
    id: 'cycles.raters.groupCount',
    defaultMessage: '{count}{min, plural, =0 {} other { of at least #}}{short, select, yes { — too few to launch} other {}}',
  },
  removeRater: { id: 'cycles.raters.remove', defaultMessage: 'Remove {name}' },
  removeRaterAs: { id: 'cycles.raters.removeAs', defaultMessage: 'Remove {name} as {group}' },
  changeFailed: { id: 'cycles.raters.changeFailed', defaultMessage: 'The rater list could not be changed' },
  approveFor: { id: 'cycles.raters.approveFor', defaultMessage: 'Approve raters for {name}' },
  approveRaters: { id: 'cycles.raters.approve', defaultMessage: 'Approve raters' },
  proposePeer: { id: 'cycles.raters.proposePeer', defaultMessage: 'Propose a peer or partner' },
  addRater: { id: 'cycles.raters.add', defaultMessage: 'Add a rater' },
  person: { id: 'cycles.raters.person', defaultMessage: 'Person' },
  searchDirectory: { id: 'cycles.raters.search', defaultMessage: 'Search the directory' },
  nobodyFound: { id: 'cycles.raters.nobodyFound', defaultMessage: 'Nobody found' },
  searchColleagues: { id: 'cycles.raters.searchColleagues', defaultMessage: 'Type a colleague’s name' },
  typeMore: { id: 'cycles.raters.typeMore', defaultMessage: 'Type at least {count, plural, one {# letter} other {# letters}} of a name' },
  colleagueSearchFailed: { id: 'cycles.raters.colleagueSearchFailed', defaultMessage: 'Colleagues could not be searched' },
  personOption: { id: 'cycles.raters.personOption', defaultMessage: '{name}{department, select, none {} other { ({department})}}' },
  add: { id: 'cycles.raters.addButton', defaultMessage: 'Add' },
  minimums: { id: 'cycles.raters.minimums', defaultMessage: 'Minimum raters to launch: {list}.' },
  minimumItem: { id: 'cycles.raters.minimumItem', defaultMessage: '{count, number} {group}' },
});
