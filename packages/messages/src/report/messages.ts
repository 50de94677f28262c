import { defineMessages } from '@formatjs/intl';

/**
 * Every sentence of a leader's report, on the screen and in the PDF (English source text; ICU
 * messages with plurals). Ids are stable: a translation is a catalogue of these ids.
 */
export const reportMessages = defineMessages({
  documentTitle: { id: 'report.document.title', defaultMessage: '360 feedback report: {name}' },
  subtitle: {
    id: 'report.subtitle',
    defaultMessage:
      '{who} — {responses, plural, one {# response} other {# responses}}, read against the {profile} profile. Updated {date}.',
  },
  subtitleNoPerson: {
    id: 'report.subtitle.noPerson',
    defaultMessage: '{responses, plural, one {# response} other {# responses}}, read against the {profile} profile. Updated {date}.',
  },
  helpSummary: { id: 'report.help.summary', defaultMessage: 'How to read this' },
  helpSummaryHidden: { id: 'report.help.summaryHidden', defaultMessage: 'section: {title}' },

  guideTitle: { id: 'report.guide.title', defaultMessage: 'How to read this report' },
  guideIntervalHeading: { id: 'report.guide.interval.heading', defaultMessage: 'Averages and their intervals' },
  guideInterval: {
    id: 'report.guide.interval',
    defaultMessage:
      'Every average sits on the 1–5 answer scale and comes with a 95% interval: the range the average would most likely fall in had a different set of similar colleagues answered. A narrow interval means raters broadly agree; a wide one asks you to read the number with care. Differences smaller than the intervals are not worth acting on.',
  },
  guideHiddenHeading: { id: 'report.guide.hidden.heading', defaultMessage: 'Why some groups are hidden' },
  guideHidden: {
    id: 'report.guide.hidden',
    defaultMessage:
      'A rater group’s own figures appear only when at least {threshold} people in it answered. Below that, someone could work out how one colleague answered, so the group is not shown on its own — not even to HR. Your manager’s and your own answers are always shown, because they are known anyway.',
  },
  guideTargetHeading: { id: 'report.guide.target.heading', defaultMessage: 'Target and fit' },
  guideTarget: {
    id: 'report.guide.target',
    defaultMessage:
      'The target is the level the role profile expects on each dimension. Targets come from the leadership framework for that role and are fixed before the cycle starts; they do not depend on how anyone scored. Fit is others’ average minus the target: “near target” means within {near} either side, “below” or “above” means further away.',
  },
  guideSignalsHeading: { id: 'report.guide.signals.heading', defaultMessage: 'Signals and transition risks' },
  guideSignals: {
    id: 'report.guide.signals',
    defaultMessage:
      'A transition risk is a habit that often holds people back when they move from leading a team to leading leaders. Each risk is checked through a few signals: one statement from the survey, as answered by the groups who can see that behaviour, whose average is at or below a set level. A risk is flagged when enough of its signals are present.',
  },

  statOthers: { id: 'report.stat.others', defaultMessage: 'Others’ average' },
  statOthersHint: { id: 'report.stat.others.hint', defaultMessage: 'on the 1–5 scale' },
  statSelf: { id: 'report.stat.self', defaultMessage: 'Self average' },
  statSelfHint: { id: 'report.stat.self.hint', defaultMessage: '{difference} versus others' },
  statSelfNone: { id: 'report.stat.self.none', defaultMessage: 'no self-assessment yet' },
  statFit: { id: 'report.stat.fit', defaultMessage: 'Fit to target' },
  statDimensions: { id: 'report.stat.dimensions', defaultMessage: 'Dimensions shown' },
  statDimensionsValue: { id: 'report.stat.dimensions.value', defaultMessage: '{included} / {total}' },
  statResponses: { id: 'report.stat.responses', defaultMessage: '{count, plural, one {# response} other {# responses}}' },

  bandnone: { id: 'report.band.none', defaultMessage: 'Not enough data' },
  bandwellBelow: { id: 'report.band.wellBelow', defaultMessage: 'Well below target' },
  bandbelow: { id: 'report.band.below', defaultMessage: 'Below target' },
  bandnear: { id: 'report.band.near', defaultMessage: 'Near target' },
  bandabove: { id: 'report.band.above', defaultMessage: 'Above target' },
  bandwellAbove: { id: 'report.band.wellAbove', defaultMessage: 'Well above target' },

  groupPooled: { id: 'report.group.pooled', defaultMessage: 'Others (combined)' },

  profileTitle: { id: 'report.profile.title', defaultMessage: 'Profile at a glance' },
  profileDescription: {
    id: 'report.profile.description',
    defaultMessage: 'Others, self and the target of the {profile} role, per dimension.',
  },
  profileHelp: {
    id: 'report.profile.help',
    defaultMessage:
      'Each spoke is one dimension of the role. The further out a point, the higher the average on the 1–5 scale. Where the others line sits inside the target line, others see less of that behaviour than the role expects. A dimension without enough published answers is left off the chart rather than drawn as zero.',
  },
  radarCaption: { id: 'report.radar.caption', defaultMessage: 'Radar chart of others, self and target per dimension on the 1 to 5 scale.' },
  radarTable: { id: 'report.radar.table', defaultMessage: 'Others, self and target per dimension' },
  seriesOthers: { id: 'report.series.others', defaultMessage: 'Others' },
  seriesSelf: { id: 'report.series.self', defaultMessage: 'Self' },
  seriesTarget: { id: 'report.series.target', defaultMessage: 'Target' },
  columnDimension: { id: 'report.column.dimension', defaultMessage: 'Dimension' },
  notShown: { id: 'report.notShown', defaultMessage: 'not shown' },

  prioritiesTitle: { id: 'report.priorities.title', defaultMessage: 'Strengths and development areas' },
  prioritiesDescription: {
    id: 'report.priorities.description',
    defaultMessage: 'Ranked by how far others’ view is above or below the target.',
  },
  prioritiesHelp: {
    id: 'report.priorities.help',
    defaultMessage:
      'The three dimensions furthest above the target, and the three furthest below it, by fit (others’ average minus target). A strength is where others see more than the role asks for; a development area is where they see less. Both use only published figures.',
  },
  topStrengths: { id: 'report.priorities.strengths', defaultMessage: 'Top strengths' },
  developmentAreas: { id: 'report.priorities.development', defaultMessage: 'Development areas' },
  notEnoughPublished: { id: 'report.priorities.empty', defaultMessage: 'Not enough published figures yet.' },
  rankedDetail: { id: 'report.priorities.detail', defaultMessage: 'Others {others} · target {target}' },

  perceptionTitle: { id: 'report.perception.title', defaultMessage: 'How you see yourself' },
  perceptionDescription: {
    id: 'report.perception.description',
    defaultMessage: 'Only clear differences are called out: the 95% interval of the gap excludes zero.',
  },
  perceptionHelp: {
    id: 'report.perception.help',
    defaultMessage:
      'The gap is your own rating minus others’ average. A difference is called out only when its 95% interval does not include zero, so small differences that could be chance are left out. A blind spot is not a failing: it is where a conversation with your raters is most useful.',
  },
  blindSpots: { id: 'report.perception.blindSpots', defaultMessage: 'Blind spots' },
  blindSpotsNote: { id: 'report.perception.blindSpots.note', defaultMessage: 'You rate yourself clearly higher than others do.' },
  blindSpotsEmpty: {
    id: 'report.perception.blindSpots.empty',
    defaultMessage: 'None: where others’ and your views differ, the difference is not clear enough to call.',
  },
  hiddenStrengths: { id: 'report.perception.hiddenStrengths', defaultMessage: 'Hidden strengths' },
  hiddenStrengthsNote: {
    id: 'report.perception.hiddenStrengths.note',
    defaultMessage: 'Others rate you clearly higher than you rate yourself.',
  },
  hiddenStrengthsEmpty: { id: 'report.perception.hiddenStrengths.empty', defaultMessage: 'None found in this cycle.' },
  gapDetail: {
    id: 'report.perception.detail',
    defaultMessage: 'Self {self} · others {others} · gap {gap} (95% interval {low} to {high})',
  },

  risksTitle: { id: 'report.risks.title', defaultMessage: 'Transition risks' },
  risksDescription: {
    id: 'report.risks.description',
    defaultMessage: 'Patterns that often hold back people moving from leading teams to leading leaders.',
  },
  risksHelp: {
    id: 'report.risks.help',
    defaultMessage:
      'Each risk is read from a few signals: a survey statement, answered by the groups who can observe it, whose average is at or below a set level. Flagged means enough signals are present; clear means they were checked and are not; not enough data means too few published answers to tell.',
  },
  risksEmpty: { id: 'report.risks.empty', defaultMessage: 'No transition risks are defined for this role profile.' },
  riskflagged: { id: 'report.risk.flagged', defaultMessage: 'Flagged' },
  riskflaggedWords: {
    id: 'report.risk.flagged.words',
    defaultMessage: 'Several signals point this way. Worth a conversation with your manager or coach.',
  },
  riskclear: { id: 'report.risk.clear', defaultMessage: 'Clear' },
  riskclearWords: { id: 'report.risk.clear.words', defaultMessage: 'The signals for this pattern are not present.' },
  riskinsufficient: { id: 'report.risk.insufficient', defaultMessage: 'Not enough data' },
  riskinsufficientWords: { id: 'report.risk.insufficient.words', defaultMessage: 'Too few published figures to tell either way.' },
  riskSignals: {
    id: 'report.risk.signals',
    defaultMessage: '{words} {on} of {evaluated, plural, one {# signal} other {# signals}} present; it is flagged at {min}.',
  },

  groupsTitle: { id: 'report.groups.title', defaultMessage: 'By rater group' },
  groupsDescription: {
    id: 'report.groups.description',
    defaultMessage:
      'Each bar is a group’s average with its 95% interval; the dashed line is the target. Groups with fewer than {threshold} responses are not shown, to protect anonymity (the manager and self are always shown).',
  },
  groupsHelp: {
    id: 'report.groups.help',
    defaultMessage:
      'The dot is the group’s average, the whisker its 95% interval, and the dashed line the target. “Others (combined)” pools every group except self. A group with fewer than {threshold} responses shows no figure at all, so no one can be identified.',
  },
  groupsTarget: { id: 'report.groups.target', defaultMessage: 'Target {target}' },
  groupsChip: { id: 'report.groups.chip', defaultMessage: '{band} ({fit})' },
  groupsAria: { id: 'report.groups.aria', defaultMessage: '{dimension}: scores by rater group' },
  groupsSuppressed: { id: 'report.groups.suppressed', defaultMessage: 'fewer than {threshold} responses' },
  groupsSuppressedAria: { id: 'report.groups.suppressedAria', defaultMessage: '{group}: fewer than {threshold} responses, not shown' },
  groupsRowAria: {
    id: 'report.groups.rowAria',
    defaultMessage:
      '{group}: mean {mean}{hasInterval, select, yes {, 95% interval {low} to {high}} other {}}, {n, plural, one {# response} other {# responses}}',
  },
  groupsN: { id: 'report.groups.n', defaultMessage: 'n={n}' },
  disagreeTitle: { id: 'report.disagree.title', defaultMessage: 'Where raters disagree' },
  disagreeLine: { id: 'report.disagree.line', defaultMessage: '{scope} disagree (agreement {rwg}); read this mean with care.' },
  disagreeOthers: { id: 'report.disagree.others', defaultMessage: 'raters overall' },

  itemsTitle: { id: 'report.items.title', defaultMessage: 'Highest and lowest rated items' },
  itemsDescription: {
    id: 'report.items.description',
    defaultMessage: 'Others’ average per item with its 95% interval; an item is shown only when enough people answered it.',
  },
  itemsHelp: {
    id: 'report.items.help',
    defaultMessage:
      'Each bar is others’ average on one survey statement, with its 95% interval as the whisker. The statements rated highest and lowest point to the everyday behaviours behind the dimension averages, which makes them good places to start a conversation. A statement is left out when too few people answered it, to protect the raters.',
  },
  itemsEmpty: { id: 'report.items.empty', defaultMessage: 'Not enough published item figures yet.' },
  highestRated: { id: 'report.items.highest', defaultMessage: 'Highest rated' },
  lowestRated: { id: 'report.items.lowest', defaultMessage: 'Lowest rated' },
  lowestEmpty: { id: 'report.items.lowestEmpty', defaultMessage: 'No other items have a published figure.' },

  normsTitle: { id: 'report.norms.title', defaultMessage: 'Compared with other leaders' },
  normsDescription: {
    id: 'report.norms.description',
    defaultMessage: 'Percentile of others’ average among leaders rated on the same questionnaire; shown only from 10 leaders.',
  },
  normsHelp: {
    id: 'report.norms.help',
    defaultMessage:
      'A percentile says where your others’ average sits among other leaders: at the 70th, about 70 in 100 of them were rated lower than you on that dimension. The comparison group is the leaders rated on the same questionnaire for the same role: those in this cycle, and, for the organisation, each leader’s latest finished cycle too, every leader counted once. A percentile is shown only when the group has at least 10 leaders; with fewer it swings with one person’s result and could hint at how named colleagues scored. The number after “of” is the size of the group.',
  },
  normsCycle: { id: 'report.norms.cycle', defaultMessage: 'Percentile in this cycle' },
  normsOrganisation: { id: 'report.norms.organisation', defaultMessage: 'Percentile in the organisation' },
  normsCell: {
    id: 'report.norms.cell',
    defaultMessage: '{percentile, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} of {size}',
  },
  normsHidden: { id: 'report.norms.hidden', defaultMessage: 'not shown ({size, plural, one {# leader} other {# leaders}}; needs 10)' },

  changeTitle: { id: 'report.change.title', defaultMessage: 'Change since the previous cycle' },
  trendNote: {
    id: 'report.trend.note',
    defaultMessage:
      'The previous cycle’s answers are scored again with this cycle’s questionnaire (version {version}, previously {previous}). A change is called only when its 95% interval excludes zero.{common, select, none {} other { {common} of this cycle’s raters also rated last time.}}',
  },
  trendMix: {
    id: 'report.trend.mix',
    defaultMessage: 'Raters counted in others — before: {previous}; now: {current}.',
  },
  trendMixByDimension: { id: 'report.trend.mixByDimension', defaultMessage: 'Raters counted in others, by dimension:' },
  trendMixLine: { id: 'report.trend.mixLine', defaultMessage: 'before: {previous}; now: {current}' },
  trendMixGroup: { id: 'report.trend.mixGroup', defaultMessage: '{group} {n}' },
  trendMixMerged: {
    id: 'report.trend.mixMerged',
    defaultMessage: '{n, plural, one {# rater} other {# raters}} of smaller groups merged in',
  },
  trendMixNone: { id: 'report.trend.mixNone', defaultMessage: 'not shown' },
  trendHelp: {
    id: 'report.trend.help',
    defaultMessage:
      'Like-for-like means your previous cycle’s answers are scored again with this cycle’s questionnaire and role profile, so both figures measure the same thing in the same way. Each change comes with a 95% interval, the range the real change most likely lies in. A change is called improved or declined only when its whole interval is above or below zero; when the interval includes zero it reads “no clear change”, because the difference could be chance or a change in who answered. The raters and items in common say how close the two cycles are to each other.',
  },
  trendBefore: { id: 'report.trend.before', defaultMessage: 'Before (n)' },
  trendNow: { id: 'report.trend.now', defaultMessage: 'Now (n)' },
  trendChange: { id: 'report.trend.change', defaultMessage: 'Change (95% interval)' },
  trendReading: { id: 'report.trend.reading', defaultMessage: 'Reading' },
  trendItems: { id: 'report.trend.items', defaultMessage: 'Items in common' },
  trendFigure: { id: 'report.trend.figure', defaultMessage: '{mean} ({n})' },
  trendChangeCell: { id: 'report.trend.changeCell', defaultMessage: '{change} ({low} to {high})' },
  callimproved: { id: 'report.trend.improved', defaultMessage: 'Improved' },
  calldeclined: { id: 'report.trend.declined', defaultMessage: 'Declined' },
  callflat: { id: 'report.trend.flat', defaultMessage: 'No clear change' },
  callnotComparable: { id: 'report.trend.notComparable', defaultMessage: 'Not comparable' },
  changeHelp: {
    id: 'report.change.help',
    defaultMessage:
      'Others’ average per dimension now and in your previous released cycle. Different raters may have answered each time, so treat changes smaller than 0.2 as no change.',
  },
  changeNote: {
    id: 'report.change.note',
    defaultMessage: 'Compared with {cycle}. Others’ average per dimension; changes smaller than 0.2 are within normal variation.',
  },
  changeBefore: { id: 'report.change.before', defaultMessage: 'Before' },
  changeNow: { id: 'report.change.now', defaultMessage: 'Now' },
  changeColumn: { id: 'report.change.column', defaultMessage: 'Change' },

  readinessTitle: { id: 'report.readiness.title', defaultMessage: 'Readiness for other roles' },
  readinessDescription: {
    id: 'report.readiness.description',
    defaultMessage: 'How the same answers read against the expectations of other role profiles.',
  },
  readinessHelp: {
    id: 'report.readiness.help',
    defaultMessage:
      'The same answers, read against the targets of other role profiles. A dimension counts as met when its fit is no more than 0.25 below that profile’s target. This is a prompt for a development conversation, not a promotion decision.',
  },
  readinessEmpty: { id: 'report.readiness.empty', defaultMessage: 'No other role profiles to compare with.' },
  readinessready: { id: 'report.readiness.ready', defaultMessage: 'Ready' },
  readinessdeveloping: { id: 'report.readiness.developing', defaultMessage: 'Developing' },
  readinessnotYet: { id: 'report.readiness.notYet', defaultMessage: 'Not yet' },
  readinessinsufficient: { id: 'report.readiness.insufficient', defaultMessage: 'Not enough data' },
  readinessDetail: {
    id: 'report.readiness.detail',
    defaultMessage:
      '{meets} of {assessed, plural, one {# assessed dimension} other {# assessed dimensions}} at or near the target{fit, select, none {} other { · average fit {fit}}}',
  },
  readinessAria: { id: 'report.readiness.aria', defaultMessage: '{name}: {share} of dimensions at or near target' },

  commentsTitle: { id: 'report.comments.title', defaultMessage: 'Comments' },
  commentsDescription: { id: 'report.comments.description', defaultMessage: 'Written comments, never attributed.' },
  commentsHelp: {
    id: 'report.comments.help',
    defaultMessage:
      'Comments come only from rater groups large enough to be shown, and are never linked to a name. They are shown as written, grouped by the dimension the rater chose.',
  },
  commentsEmpty: {
    id: 'report.comments.empty',
    defaultMessage: 'No comments can be shown. Comments appear only from groups with enough responses to keep them anonymous.',
  },
  commentsGeneral: { id: 'report.comments.general', defaultMessage: 'General' },

  allItemsTitle: { id: 'report.allItems.title', defaultMessage: 'Every item' },
  allItemsDescription: {
    id: 'report.allItems.description',
    defaultMessage: 'Items with too few answers are not shown, to protect anonymity.',
  },
  allItemsHelp: {
    id: 'report.allItems.help',
    defaultMessage:
      'Every survey statement with others’ average, its 95% interval and how many answered (n), your own rating and the difference. Below it, the same statements by rater group. A statement or a group is not shown when fewer than {threshold} people answered it, or when the people in a group did not all answer the same statements of a dimension: comparing the figures could then give away one person’s answers. A hidden figure protects the raters; it says nothing about how you were rated.',
  },
  allItemsHiddenTitle: {
    id: 'report.allItems.hiddenTitle',
    defaultMessage: 'Too few answers from groups that can be shown on this statement, so no average is shown, to protect the raters.',
  },
  itemGroupsTitle: { id: 'report.itemGroups.title', defaultMessage: 'Each item by rater group' },
  itemGroupsNote: {
    id: 'report.itemGroups.note',
    defaultMessage:
      'Each cell is the group’s average on the item; below it, its 95% interval and how many answered (n). “Not shown” protects the raters: fewer than {threshold} in the group answered the item, or they did not all answer the same items of its dimension.',
  },
  itemGroupsCaption: { id: 'report.itemGroups.caption', defaultMessage: 'Every item by rater group: average, 95% interval and n' },
  itemGroupDetail: {
    id: 'report.itemGroups.detail',
    defaultMessage: '{hasInterval, select, yes {{low}–{high} · } other {}}n={n}',
  },
  itemGroupFewer: { id: 'report.itemGroups.fewer', defaultMessage: 'fewer than {threshold} answered' },
  itemGroupMixed: { id: 'report.itemGroups.mixed', defaultMessage: 'not all answered the same items' },
  itemGroupFewerTitle: {
    id: 'report.itemGroups.fewerTitle',
    defaultMessage: '{group}: not shown, because fewer than {threshold} of them answered this item.',
  },
  itemGroupMixedTitle: {
    id: 'report.itemGroups.mixedTitle',
    defaultMessage:
      '{group}: not shown, because they did not all answer the same items of this dimension; comparing figures could then give away one person’s answers.',
  },
  itemGroupNone: { id: 'report.itemGroups.none', defaultMessage: '{group}: no one in this group answered this item.' },
  columnItem: { id: 'report.column.item', defaultMessage: 'Item' },
  columnOthersInterval: { id: 'report.column.othersInterval', defaultMessage: 'Others (95% interval)' },
  columnN: { id: 'report.column.n', defaultMessage: 'n' },
  columnSelf: { id: 'report.column.self', defaultMessage: 'Self' },
  columnGap: { id: 'report.column.gap', defaultMessage: 'Self − others' },
  figureWithInterval: { id: 'report.figure.interval', defaultMessage: '{mean} ({low}–{high})' },
});

export type ReportMessageKey = keyof typeof reportMessages;
