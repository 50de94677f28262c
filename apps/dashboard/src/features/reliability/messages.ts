import { defineMessages } from 'react-intl';

/** HR's reliability page: projected from who is invited, measured once the cycle is scored. */
export const messages = defineMessages({
  loadFailed: { id: 'reliability.loadFailed', defaultMessage: 'Reliability could not be loaded' },
  loading: { id: 'reliability.loading', defaultMessage: 'Loading reliability…' },
  projectedTitle: { id: 'reliability.projected.title', defaultMessage: 'Projected reliability of who is invited' },
  projectedIntro: {
    id: 'reliability.projected.intro',
    defaultMessage:
      "How consistent each group's average is expected to be with the raters invited (Spearman–Brown), from this organisation's own agreement between raters once a closed cycle gives enough data, else from published research. Aim for {target} or more.",
  },
  atRisk: {
    id: 'reliability.projected.atRisk',
    defaultMessage: '{count, plural, one {# leader has} other {# leaders have}} a group at risk of being hidden',
  },
  atRiskOnly: { id: 'reliability.projected.atRiskOnly', defaultMessage: 'Only leaders with a group at risk' },
  tableLabel: { id: 'reliability.projected.tableLabel', defaultMessage: 'Projected reliability per leader and rater group' },
  noneAtRisk: { id: 'reliability.projected.noneAtRisk', defaultMessage: 'No leader has a group at risk.' },
  warningLine: { id: 'reliability.projected.warningLine', defaultMessage: '{who}: {message}' },
  leader: { id: 'reliability.column.leader', defaultMessage: 'Leader' },
  group: { id: 'reliability.column.group', defaultMessage: 'Group' },
  invited: { id: 'reliability.column.invited', defaultMessage: 'Invited' },
  projected: { id: 'reliability.column.projected', defaultMessage: 'Projected' },
  neededFor: { id: 'reliability.column.neededFor', defaultMessage: 'Needed for {target}' },
  warnings: { id: 'reliability.column.warnings', defaultMessage: 'Warnings' },
  belowTarget: { id: 'reliability.warning.belowTarget', defaultMessage: 'below target' },
  exactlyThreshold: { id: 'reliability.warning.exactlyThreshold', defaultMessage: 'exactly at threshold' },
  belowThreshold: { id: 'reliability.warning.belowThreshold', defaultMessage: 'below threshold' },
  measuredTitle: { id: 'reliability.measured.title', defaultMessage: 'Measured reliability' },
  measuredLater: { id: 'reliability.measured.later', defaultMessage: 'Measured once the cycle is closed and scored.' },
  alphaLabel: { id: 'reliability.measured.alphaLabel', defaultMessage: "Cronbach's alpha per dimension: {list}" },
  alphaTitle: {
    id: 'reliability.measured.alphaTitle',
    defaultMessage: "Internal consistency (Cronbach's alpha) per dimension",
  },
  agreementTitle: { id: 'reliability.measured.agreementTitle', defaultMessage: 'Agreement between raters of a group' },
  icc1: { id: 'reliability.column.icc1', defaultMessage: 'One rater, ICC(1)' },
  icck: { id: 'reliability.column.icck', defaultMessage: 'Group average, ICC(k)' },
  leaders: { id: 'reliability.column.leaders', defaultMessage: 'Leaders' },
  norms: {
    id: 'reliability.measured.norms',
    defaultMessage:
      'Norms (percentiles) need 10 leaders with a published score: {available, number} of {total, plural, one {# dimension} other {# dimensions}} {available, plural, one {has} other {have}} them.',
  },
});
