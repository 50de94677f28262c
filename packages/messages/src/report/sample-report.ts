import type { ReportData, ScoreData } from './document';

/**
 * A complete report for tests of its renderers (the dashboard's screen, the gateway's PDF): every
 * section filled, a hidden group, a flagged risk, a "not yet" readiness, a trend and norms; items by
 * group with a group hidden for too few answers and one whose raters answered different items.
 */
const group = (g: string, mean: number | null, n: number, ci?: [number, number]): ScoreData => ({
  group: g,
  n,
  mean,
  ciLow: ci?.[0] ?? null,
  ciHigh: ci?.[1] ?? null,
  suppressed: mean == null,
  suppressionReason: mean == null ? 'below the anonymity threshold' : null,
});

/** A group hidden on an item although enough answered: its raters did not all answer the same items. */
const mixed = (g: string, n: number): ScoreData => ({
  group: g,
  n,
  mean: null,
  suppressed: true,
  suppressionReason: `${g} raters answered different items of this dimension`,
});

const dimension = (id: string, name: string, others: number, self: number, target: number) => ({
  dimensionId: id,
  name,
  target,
  fit: others - target,
  gap: self - others,
  others: { n: 9, mean: others, ciLow: others - 0.3, ciHigh: others + 0.3, suppressed: false, suppressionReason: null },
  groups: [
    group('self', self, 1),
    group('manager', 4, 1),
    group('peer', 3.67, 3, [3.1, 4.23]),
    group('direct_report', 3.25, 4, [2.61, 3.89]),
    group('skip_level', null, 2),
  ],
});

export const sampleReport: ReportData = {
  subject: { name: 'Nadia Okafor', title: 'Director of Operations', department: 'Operations' },
  responseCount: 10,
  scoredAt: '2026-11-20T09:30:00.000Z',
  roleProfileId: 'leader-of-leaders',
  overall: { others: 4.0333, self: 4.2333, gap: 0.2, fit: 0.1667, dimensionsIncluded: 3, dimensionsTotal: 3 },
  dimensions: [
    dimension('develops-leaders', 'Develops leaders', 3.4, 4.2, 4),
    dimension('alignment', 'Creates alignment across the organisation', 4.6, 4, 3.7),
    dimension('leads-up', 'Leads up', 4.1, 4.5, 3.8),
  ],
  strengthsByFit: [
    { dimensionId: 'alignment', name: 'Creates alignment across the organisation', others: 4.6, target: 3.7, fit: 0.9 },
    { dimensionId: 'leads-up', name: 'Leads up', others: 4.1, target: 3.8, fit: 0.3 },
  ],
  developmentAreasByFit: [{ dimensionId: 'develops-leaders', name: 'Develops leaders', others: 3.4, target: 4, fit: -0.6 }],
  blindSpots: [{ dimensionId: 'develops-leaders', name: 'Develops leaders', self: 4.2, others: 3.4, ciLow: 0.31, ciHigh: 1.29 }],
  hiddenStrengths: [],
  lowAgreement: [{ dimensionId: 'leads-up', name: 'Leads up', scope: 'peer', rwg: 0.41 }],
  transitionRisks: [
    {
      id: 'doing-not-leading',
      name: 'Still doing the team’s work',
      description: 'Steps into the work of the teams instead of building leaders who own it.',
      status: 'flagged',
      signalsOn: 2,
      signalsEvaluated: 3,
      minSignals: 2,
    },
    {
      id: 'silo',
      name: 'Optimises for one team',
      description: 'Decides for the own function first.',
      status: 'clear',
      signalsOn: 0,
      signalsEvaluated: 3,
      minSignals: 2,
    },
    {
      id: 'upward',
      name: 'Quiet upward',
      description: 'Rarely brings problems up early.',
      status: 'insufficient-data',
      signalsOn: 0,
      signalsEvaluated: 1,
      minSignals: 2,
    },
  ],
  readiness: [
    { profileId: 'leader-of-leaders', name: 'Leader of leaders', status: 'developing', share: 0.67, meets: 2, assessed: 3, meanFit: 0.17 },
    { profileId: 'function-head', name: 'Function head', status: 'not-yet', share: 0.33, meets: 1, assessed: 3, meanFit: -0.42 },
    { profileId: 'leader-of-others', name: 'Leader of others', status: 'ready', share: 1, meets: 3, assessed: 3, meanFit: 0.51 },
  ],
  comments: [
    { dimensionId: 'alignment', group: 'peer', text: 'Nadia makes the quarterly priorities clear to every team.' },
    { dimensionId: null, group: 'direct_report', text: 'I would like more time with her one to one.' },
  ],
  items: [
    {
      itemId: 'i1',
      text: 'Gives team leads room to decide',
      dimensionId: 'develops-leaders',
      gap: 0.9,
      others: group('others', 3.1, 9, [2.7, 3.5]),
      groups: [
        group('self', 4, 1),
        group('manager', 3, 1),
        group('peer', 3.33, 3, [2.46, 4.21]),
        mixed('direct_report', 4),
        group('skip_level', null, 2),
      ],
    },
    {
      itemId: 'i2',
      text: 'Explains how our work fits the strategy',
      dimensionId: 'alignment',
      gap: -0.6,
      others: group('others', 4.6, 9, [4.3, 4.9]),
      groups: [
        group('self', 4, 1),
        group('manager', 5, 1),
        group('peer', 4.67, 3, [4.04, 5]),
        group('direct_report', 4.48, 4, [4.02, 4.94]),
      ],
    },
    {
      itemId: 'i3',
      text: 'Raises risks with senior leaders early',
      dimensionId: 'leads-up',
      gap: null,
      others: group('others', null, 2),
      groups: [group('peer', null, 2)],
    },
  ],
  highestItems: [{ itemId: 'i2', text: 'Explains how our work fits the strategy', others: 4.6, n: 9, ciLow: 4.3, ciHigh: 4.9 }],
  lowestItems: [{ itemId: 'i1', text: 'Gives team leads room to decide', others: 3.1, n: 9, ciLow: 2.7, ciHigh: 3.5 }],
  comparisons: {
    norms: [
      {
        dimensionId: 'alignment',
        name: 'Creates alignment across the organisation',
        cycle: { percentile: 82, normSize: 12, available: true },
        organisation: { percentile: null, normSize: 6, available: false },
      },
    ],
    trend: {
      instrumentVersion: 2,
      previousInstrumentVersion: 1,
      ratersInCommon: 0.6,
      dimensions: [
        {
          dimensionId: 'alignment',
          name: 'Creates alignment across the organisation',
          previous: 4.1,
          current: 4.6,
          change: 0.5,
          ciLow: 0.12,
          ciHigh: 0.88,
          call: 'improved',
          itemsInCommon: 0.8,
          previousRaters: 8,
          currentRaters: 9,
          previousGroupMix: {
            published: [
              { group: 'manager', count: 1 },
              { group: 'peer', count: 4 },
              { group: 'direct_report', count: 3 },
            ],
            merged: 0,
          },
          currentGroupMix: {
            published: [
              { group: 'manager', count: 1 },
              { group: 'peer', count: 4 },
              { group: 'direct_report', count: 4 },
            ],
            merged: 0,
          },
        },
        {
          dimensionId: 'leads-up',
          name: 'Leads up',
          previous: 4.2,
          current: 4.1,
          change: -0.1,
          ciLow: -0.5,
          ciHigh: 0.3,
          call: 'no-clear-change',
          itemsInCommon: 1,
          previousRaters: 8,
          currentRaters: 9,
          // Direct reports answered too few of this dimension's items last time: merged into others.
          previousGroupMix: {
            published: [
              { group: 'manager', count: 1 },
              { group: 'peer', count: 4 },
            ],
            merged: 3,
          },
          currentGroupMix: {
            published: [
              { group: 'manager', count: 1 },
              { group: 'peer', count: 4 },
              { group: 'direct_report', count: 4 },
            ],
            merged: 0,
          },
        },
      ],
    },
  },
};
