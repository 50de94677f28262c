import { defineMessages } from 'react-intl';

/** The pages' own words (headers, sign-in page, not found). */
export const messages = defineMessages({
  notFoundTitle: { id: 'pages.notFound.title', defaultMessage: 'Page not found' },
  notFound: { id: 'pages.notFound', defaultMessage: 'The address may be mistyped, or the page has moved.' },
  goToStart: { id: 'pages.notFound.action', defaultMessage: 'Go to the start' },
  aboutLeaderscope: { id: 'pages.login.about', defaultMessage: 'About Leaderscope' },
  tagline: { id: 'pages.login.tagline', defaultMessage: '360° feedback for the leaders who lead leaders.' },
  pointRole: { id: 'pages.login.point.role', defaultMessage: 'Reports read against what the role really asks of them.' },
  pointViews: { id: 'pages.login.point.views', defaultMessage: 'Views from above, beside and below — and from themselves.' },
  pointAnonymity: { id: 'pages.login.point.anonymity', defaultMessage: 'Anonymity kept: small groups are never shown.' },
  signIn: { id: 'pages.login.title', defaultMessage: 'Sign in' },
  signInHint: {
    id: 'pages.login.hint',
    defaultMessage: 'Use your work e-mail. Raters do not need to sign in: open the link you were sent.',
  },
  addressTitle: { id: 'pages.report.address.title', defaultMessage: 'This report address is not complete' },
  addressAction: { id: 'pages.report.address.action', defaultMessage: 'Go to my start page' },
  address: {
    id: 'pages.report.address',
    defaultMessage: 'The link may have been cut off when it was copied. Open the report again from your list of reports or cycles.',
  },
  myEyebrow: { id: 'pages.myReports.eyebrow', defaultMessage: 'Your development' },
  myTitle: { id: 'pages.myReports.title', defaultMessage: 'My feedback' },
  myDescription: { id: 'pages.myReports.description', defaultMessage: 'Your 360 reports, once HR has released them.' },
  managerEyebrow: { id: 'pages.manager.eyebrow', defaultMessage: 'Manager' },
  teamTitle: { id: 'pages.team.title', defaultMessage: 'My leaders' },
  teamDescription: {
    id: 'pages.team.description',
    defaultMessage: 'How the leaders who report to you are seen, against the role’s targets.',
  },
  hrEyebrow: { id: 'pages.hr.eyebrow', defaultMessage: 'HR' },
  outboxTitle: { id: 'pages.outbox.title', defaultMessage: 'Mail outbox' },
  outboxDescription: {
    id: 'pages.outbox.description',
    defaultMessage: 'The mails Leaderscope would have sent. Opening one is recorded in the audit log.',
  },
  approvalsTitle: { id: 'pages.approvals.title', defaultMessage: 'Raters to approve' },
  approvalsDescription: {
    id: 'pages.approvals.description',
    defaultMessage: 'Check who will give feedback to the leaders who report to you, then approve each list.',
  },
  hrConsole: { id: 'pages.hr.console', defaultMessage: 'HR console' },
  cyclesTitle: { id: 'pages.cycles.title', defaultMessage: 'Review cycles' },
  cyclesDescription: {
    id: 'pages.cycles.description',
    defaultMessage: 'Set up a cycle, confirm each leader’s raters, launch, follow progress and release results.',
  },
  newCycleTitle: { id: 'pages.newCycle.title', defaultMessage: 'New review cycle' },
  newCycleDescription: { id: 'pages.newCycle.description', defaultMessage: 'Three steps: the basics, who is reviewed, and a final check.' },
  peopleTitle: { id: 'pages.people.title', defaultMessage: 'Organisation' },
  peopleDescription: {
    id: 'pages.people.description',
    defaultMessage: 'Your people and reporting lines. Leaders of leaders are suggested for review from these.',
  },
  cycleAddressTitle: { id: 'pages.cycle.address.title', defaultMessage: 'This cycle address is not complete' },
  cycleAddressAction: { id: 'pages.cycle.address.action', defaultMessage: 'See all review cycles' },
  cycleAddress: {
    id: 'pages.cycle.address',
    defaultMessage: 'The link may have been cut off when it was copied. Choose the cycle from the list instead.',
  },
  cycleLoadFailed: { id: 'pages.cycle.loadFailed', defaultMessage: 'The cycle could not be loaded' },
  cycleLoading: { id: 'pages.cycle.loading', defaultMessage: 'Loading the cycle…' },
  cycleDescription: {
    id: 'pages.cycle.description',
    defaultMessage:
      '{opens} – {closes} · {count, plural, one {# leader} other {# leaders}} · {profile} profile · instrument v{version} · groups shown from {threshold} answers',
  },
  tabRaters: { id: 'pages.cycle.tab.raters', defaultMessage: 'Leaders and raters' },
  tabProgress: { id: 'pages.cycle.tab.progress', defaultMessage: 'Progress' },
  tabLinks: { id: 'pages.cycle.tab.links', defaultMessage: 'Survey links' },
  tabResults: { id: 'pages.cycle.tab.results', defaultMessage: 'Results' },
  tabReliability: { id: 'pages.cycle.tab.reliability', defaultMessage: 'Reliability' },
  pulseNote: {
    id: 'pages.cycle.pulseNote',
    defaultMessage:
      'This is a follow-up pulse on one leader’s development plan. It has no report, heatmap or release: the leader and their manager read its result on the leader’s report page, where HR sees how many answered.',
  },
  pulseLink: { id: 'pages.cycle.pulseLink', defaultMessage: 'Open the leader’s follow-up pulse' },
  liveFigures: {
    id: 'pages.cycle.liveFigures',
    defaultMessage: 'Live figures while the cycle runs — only you can see them until the results are released.',
  },
  newCycle: { id: 'pages.cycles.new', defaultMessage: 'New cycle' },
});
