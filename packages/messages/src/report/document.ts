import type { MessageDescriptor } from '@formatjs/intl';
import { fitBandKey, GROUP_ORDER, NEAR_TARGET, percent, score, shownDifference, signed, type FitBandKey } from './figures';
import { groupLabel } from './groups';
import { reportMessages as m } from './messages';

/**
 * One description of a leader's report, shared by the screen (apps/dashboard, React) and the PDF
 * (apps/gateway, pdfkit): `describeReport` turns the report's data into the ordered sections and
 * blocks both render, with every figure already formatted and every word already chosen. A renderer
 * decides only layout and drawing; it never computes, ranks or words a figure itself.
 */

/** The intl a renderer hands in: react-intl's `useIntl()` on the screen, `createIntl` for the PDF. */
export { groupLabel };

export interface Translator {
  locale: string;
  formatMessage(descriptor: MessageDescriptor, values?: Record<string, string | number>): string;
  formatDate(value: Date | number | string, options?: Intl.DateTimeFormatOptions): string;
}

type Num = number | null | undefined;
export interface ScoreData {
  group?: string | null;
  n: number;
  suppressed: boolean;
  suppressionReason?: string | null;
  mean?: Num;
  ciLow?: Num;
  ciHigh?: Num;
}
interface RankedData {
  dimensionId: string;
  name: string;
  others: number;
  target?: Num;
  fit?: Num;
}
interface GapData {
  dimensionId: string;
  name: string;
  self: number;
  others: number;
  ciLow: number;
  ciHigh: number;
}
interface RankedItemData {
  itemId: string;
  text: string;
  others: number;
  n: number;
  ciLow?: Num;
  ciHigh?: Num;
}
interface NormCellData {
  percentile?: Num;
  normSize: number;
  available: boolean;
}

type GroupMixData = { published: readonly { group: string; count: number }[]; merged: number } | null | undefined;

/** What a report holds, as both the GraphQL type on the screen and the gateway's model provide it. */
export interface ReportData {
  subject: { name: string; title?: string | null; department?: string | null };
  responseCount: number;
  scoredAt: string | Date;
  roleProfileId?: string | null;
  overall: { others?: Num; self?: Num; gap?: Num; fit?: Num; dimensionsIncluded: number; dimensionsTotal: number };
  dimensions: readonly { dimensionId: string; name: string; target?: Num; fit?: Num; others: ScoreData; groups: readonly ScoreData[] }[];
  strengthsByFit: readonly RankedData[];
  developmentAreasByFit: readonly RankedData[];
  blindSpots: readonly GapData[];
  hiddenStrengths: readonly GapData[];
  lowAgreement: readonly { dimensionId: string; name: string; scope: string; rwg: number }[];
  transitionRisks: readonly {
    id: string;
    name: string;
    description: string;
    status: string;
    signalsOn: number;
    signalsEvaluated: number;
    minSignals: number;
  }[];
  readiness: readonly { profileId: string; name: string; status: string; share?: Num; meets: number; assessed: number; meanFit?: Num }[];
  comments: readonly { dimensionId?: string | null; group: string; text: string }[];
  items: readonly { itemId: string; text: string; dimensionId: string; gap?: Num; others: ScoreData; groups: readonly ScoreData[] }[];
  highestItems: readonly RankedItemData[];
  lowestItems: readonly RankedItemData[];
  comparisons?: {
    norms: readonly { dimensionId: string; name: string; cycle: NormCellData; organisation: NormCellData }[];
    trend?: {
      instrumentVersion: number;
      previousInstrumentVersion: number;
      ratersInCommon?: Num;
      dimensions: readonly {
        dimensionId: string;
        name: string;
        previous?: Num;
        current?: Num;
        change?: Num;
        ciLow?: Num;
        ciHigh?: Num;
        call: string;
        itemsInCommon?: Num;
        previousRaters?: Num;
        currentRaters?: Num;
        /** Whom each cycle's others figure rests on: n per group shown, and raters merged in. */
        previousGroupMix?: GroupMixData;
        currentGroupMix?: GroupMixData;
      }[];
    } | null;
  } | null;
}

export interface DescribeOptions {
  /** The cycle's anonymity threshold (smallest group shown). */
  threshold: number;
  /** The role profile's name ("Leader of leaders"). */
  profileName: string;
  /** The subject's previous released cycle, when the report has no like-for-like trend. */
  previous?: { report: Pick<ReportData, 'dimensions'>; cycleName: string } | null;
}

export type Tone = 'positive' | 'negative' | 'neutral';

/** A cell of a table: its text, and how to set it. */
export interface Cell {
  text: string;
  muted?: boolean;
  /** A status word drawn as a badge. */
  badge?: Tone;
  /** A change drawn with an arrow. */
  trend?: 'up' | 'down' | 'flat';
  /** Fuller wording for assistive technology (title / tooltip). */
  title?: string;
  /** A second, smaller line under the text ("3.10–4.23 · n=3"). */
  detail?: string;
}

export interface GroupBarRow {
  key: string;
  label: string;
  pooled: boolean;
  /** "n=5", or null when the group is hidden. */
  nText: string | null;
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** The mean as shown, or "" when hidden. */
  valueText: string;
  /** "fewer than 3 responses" when the group is hidden. */
  suppressedText: string | null;
  /** The whole row in words (for assistive technology and tooltips). */
  description: string;
  series: 'others' | 'self' | 'group';
}

export type Block =
  | {
      kind: 'radar';
      caption: string;
      tableCaption: string;
      columns: [string, string, string, string];
      legend: { others: string; self: string; target: string };
      axes: {
        label: string;
        others: number | null;
        self: number | null;
        target: number | null;
        othersText: string;
        selfText: string;
        targetText: string;
      }[];
    }
  | {
      kind: 'ranked';
      title: string;
      tone: 'positive' | 'negative';
      empty: string;
      items: { id: string; rank: number; name: string; detail: string; chip: string; band: FitBandKey }[];
    }
  | {
      kind: 'findings';
      title: string;
      note: string;
      tone: 'blind' | 'hidden';
      empty: string;
      items: { id: string; name: string; detail: string }[];
    }
  | {
      kind: 'risks';
      empty: string;
      items: {
        id: string;
        name: string;
        status: 'flagged' | 'clear' | 'insufficient';
        statusLabel: string;
        description: string;
        detail: string;
      }[];
    }
  | {
      kind: 'groupBars';
      dimensions: {
        id: string;
        name: string;
        targetText: string;
        target: number | null;
        chip: string;
        band: FitBandKey;
        ariaLabel: string;
        rows: GroupBarRow[];
      }[];
    }
  | { kind: 'subheading'; text: string }
  | { kind: 'bullets'; items: { id: string; strong: string; text: string }[] }
  | {
      kind: 'itemBars';
      title: string;
      empty: string;
      /** The answer scale the bars are drawn on; absent = 1..5 (the 360). The follow-up pulse: −3..+3. */
      scale?: { min: number; max: number };
      items: { id: string; label: string; mean: number; ciLow: number | null; ciHigh: number | null; valueText: string }[];
    }
  | { kind: 'text'; text: string; muted?: boolean }
  | {
      kind: 'table';
      caption: string;
      minWidth: number;
      columns: { label: string; align: 'left' | 'right'; rowHeader?: boolean }[];
      rows: { id: string; cells: Cell[] }[];
    }
  | {
      kind: 'readiness';
      empty: string;
      items: {
        id: string;
        name: string;
        status: 'ready' | 'developing' | 'notYet' | 'insufficient';
        statusLabel: string;
        share: number;
        detail: string;
        ariaLabel: string;
      }[];
    }
  | { kind: 'comments'; empty: string; groups: { id: string; title: string; comments: { text: string; group: string }[] }[] };

export interface Section {
  id: string;
  title: string;
  description?: string;
  help?: string;
  /** Screen layout hint: blocks side by side on wide screens. */
  columns?: 2;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  subjectName: string;
  subtitle: string;
  guide: { title: string; parts: { heading: string; text: string }[] };
  stats: { label: string; value: string; hint: string; band?: FitBandKey; bandLabel?: string }[];
  sections: Section[];
  /** "How to read this" — the label of each section's help. */
  helpLabel: string;
}

const RISK_STATUS = { flagged: 'flagged', clear: 'clear' } as const;
const READINESS_STATUS: Record<string, 'ready' | 'developing' | 'notYet'> = {
  ready: 'ready',
  developing: 'developing',
  'not-yet': 'notYet',
};
const CALLS: Record<string, { key: 'callimproved' | 'calldeclined' | 'callflat'; tone: Tone }> = {
  improved: { key: 'callimproved', tone: 'positive' },
  declined: { key: 'calldeclined', tone: 'negative' },
  'no-clear-change': { key: 'callflat', tone: 'neutral' },
};

export function bandLabel(t: Translator, band: FitBandKey): string {
  return t.formatMessage(m[`band${band}`]);
}

/** The report's sections in reading order, with every figure formatted and every word chosen. */
export function describeReport(report: ReportData, options: DescribeOptions, t: Translator): ReportDocument {
  const L = t.locale;
  const f = (v: Num, digits?: number) => score(L, v, digits);
  const s = (v: Num) => signed(L, v);
  const msg = (d: MessageDescriptor, values?: Record<string, string | number>) => t.formatMessage(d, values);
  const { threshold } = options;
  const profile = options.profileName.toLowerCase();
  const who = [report.subject.title, report.subject.department].filter(Boolean).join(' · ');
  const date = t.formatDate(report.scoredAt, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const o = report.overall;
  const overallBand = fitBandKey(o.fit);
  const dimensionNames = new Map(report.dimensions.map((d) => [d.dimensionId, d.name]));

  const sections: Section[] = [];

  // Profile at a glance: the radar.
  const self = (d: ReportData['dimensions'][number]) => d.groups.find((g) => g.group === 'self');
  sections.push({
    id: 'sec-profile',
    title: msg(m.profileTitle),
    description: msg(m.profileDescription, { profile }),
    help: msg(m.profileHelp),
    blocks: [
      {
        kind: 'radar',
        caption: msg(m.radarCaption),
        tableCaption: msg(m.radarTable),
        columns: [msg(m.columnDimension), msg(m.seriesOthers), msg(m.seriesSelf), msg(m.seriesTarget)],
        legend: { others: msg(m.seriesOthers), self: msg(m.seriesSelf), target: msg(m.seriesTarget) },
        axes: report.dimensions.map((d) => {
          const me = self(d);
          const others = d.others.suppressed ? null : (d.others.mean ?? null);
          const mine = me && !me.suppressed ? (me.mean ?? null) : null;
          return {
            label: d.name,
            others,
            self: mine,
            target: d.target ?? null,
            othersText: others == null ? msg(m.notShown) : f(others),
            selfText: mine == null ? msg(m.notShown) : f(mine),
            targetText: f(d.target),
          };
        }),
      },
    ],
  });

  // Strengths and development areas, by fit.
  const ranked = (items: readonly RankedData[], title: string, tone: 'positive' | 'negative'): Block => ({
    kind: 'ranked',
    title,
    tone,
    empty: msg(m.notEnoughPublished),
    items: items
      .filter((d) => d.fit != null)
      .slice(0, 3)
      .map((d, i) => {
        const fit = shownDifference(d.others, d.target);
        return {
          id: d.dimensionId,
          rank: i + 1,
          name: d.name,
          detail: msg(m.rankedDetail, { others: f(d.others), target: f(d.target) }),
          chip: s(fit),
          band: fitBandKey(fit),
        };
      }),
  });
  sections.push({
    id: 'sec-priorities',
    title: msg(m.prioritiesTitle),
    description: msg(m.prioritiesDescription),
    help: msg(m.prioritiesHelp),
    blocks: [
      ranked(report.strengthsByFit, msg(m.topStrengths), 'positive'),
      ranked(report.developmentAreasByFit, msg(m.developmentAreas), 'negative'),
    ],
  });

  // How you see yourself.
  const findings = (items: readonly GapData[], tone: 'blind' | 'hidden'): Block => ({
    kind: 'findings',
    tone,
    title: msg(tone === 'blind' ? m.blindSpots : m.hiddenStrengths),
    note: msg(tone === 'blind' ? m.blindSpotsNote : m.hiddenStrengthsNote),
    empty: msg(tone === 'blind' ? m.blindSpotsEmpty : m.hiddenStrengthsEmpty),
    items: items.map((g) => ({
      id: g.dimensionId,
      name: g.name,
      detail: msg(m.gapDetail, {
        self: f(g.self),
        others: f(g.others),
        gap: s(shownDifference(g.self, g.others)),
        low: s(g.ciLow),
        high: s(g.ciHigh),
      }),
    })),
  });
  sections.push({
    id: 'sec-perception',
    title: msg(m.perceptionTitle),
    description: msg(m.perceptionDescription),
    help: msg(m.perceptionHelp),
    columns: 2,
    blocks: [findings(report.blindSpots, 'blind'), findings(report.hiddenStrengths, 'hidden')],
  });

  // Transition risks.
  sections.push({
    id: 'sec-risks',
    title: msg(m.risksTitle),
    description: msg(m.risksDescription),
    help: msg(m.risksHelp),
    blocks: [
      {
        kind: 'risks',
        empty: msg(m.risksEmpty),
        items: report.transitionRisks.map((r) => {
          const status = RISK_STATUS[r.status as keyof typeof RISK_STATUS] ?? 'insufficient';
          return {
            id: r.id,
            name: r.name,
            status,
            statusLabel: msg(m[`risk${status}`]),
            description: r.description,
            detail: msg(m.riskSignals, {
              words: msg(m[`risk${status}Words`]),
              on: r.signalsOn,
              evaluated: r.signalsEvaluated,
              min: r.minSignals,
            }),
          };
        }),
      },
    ],
  });

  // By rater group.
  const barRow = (key: string, label: string, score: ScoreData, series: GroupBarRow['series'], pooled: boolean): GroupBarRow => {
    const hidden = score.suppressed || score.mean == null;
    const ci = score.ciLow != null && score.ciHigh != null;
    return {
      key,
      label,
      pooled,
      nText: hidden ? null : msg(m.groupsN, { n: score.n }),
      mean: hidden ? null : (score.mean ?? null),
      ciLow: hidden || !ci ? null : (score.ciLow ?? null),
      ciHigh: hidden || !ci ? null : (score.ciHigh ?? null),
      valueText: hidden ? '' : f(score.mean),
      suppressedText: hidden ? msg(m.groupsSuppressed, { threshold }) : null,
      description: hidden
        ? msg(m.groupsSuppressedAria, { group: label, threshold })
        : msg(m.groupsRowAria, {
            group: label,
            mean: f(score.mean),
            hasInterval: ci ? 'yes' : 'no',
            low: f(score.ciLow),
            high: f(score.ciHigh),
            n: score.n,
          }),
      series,
    };
  };
  const groupBlocks: Block[] = [
    {
      kind: 'groupBars',
      dimensions: report.dimensions.map((d) => {
        const fit = d.fit == null ? null : shownDifference(d.others.mean, d.target);
        const band = fitBandKey(fit);
        return {
          id: d.dimensionId,
          name: d.name,
          target: d.target ?? null,
          targetText: msg(m.groupsTarget, { target: f(d.target) }),
          band,
          chip: fit == null ? bandLabel(t, band) : msg(m.groupsChip, { band: bandLabel(t, band), fit: s(fit) }),
          ariaLabel: msg(m.groupsAria, { dimension: d.name }),
          rows: [
            barRow('others', msg(m.groupPooled), d.others, 'others', true),
            ...[...d.groups]
              .sort((a, b) => GROUP_ORDER.indexOf(a.group ?? '') - GROUP_ORDER.indexOf(b.group ?? ''))
              .map((g) => barRow(g.group ?? 'group', groupLabel(t, g.group), g, g.group === 'self' ? 'self' : 'group', false)),
          ],
        };
      }),
    },
  ];
  if (report.lowAgreement.length > 0)
    groupBlocks.push(
      { kind: 'subheading', text: msg(m.disagreeTitle) },
      {
        kind: 'bullets',
        items: report.lowAgreement.map((a) => ({
          id: `${a.dimensionId}:${a.scope}`,
          strong: a.name,
          text: msg(m.disagreeLine, {
            scope: a.scope === 'others' ? msg(m.disagreeOthers) : groupLabel(t, a.scope).toLowerCase(),
            rwg: f(a.rwg),
          }),
        })),
      },
    );
  sections.push({
    id: 'sec-groups',
    title: msg(m.groupsTitle),
    description: msg(m.groupsDescription, { threshold }),
    help: msg(m.groupsHelp, { threshold }),
    blocks: groupBlocks,
  });

  // Highest and lowest rated items.
  const itemBars = (items: readonly RankedItemData[], title: string, empty: string): Block => ({
    kind: 'itemBars',
    title,
    empty,
    items: items.map((i) => ({
      id: i.itemId,
      label: i.text,
      mean: i.others,
      ciLow: i.ciLow ?? null,
      ciHigh: i.ciHigh ?? null,
      valueText: f(i.others),
    })),
  });
  sections.push({
    id: 'sec-items',
    title: msg(m.itemsTitle),
    description: msg(m.itemsDescription),
    help: msg(m.itemsHelp),
    columns: 2,
    blocks:
      report.highestItems.length === 0
        ? [{ kind: 'text', text: msg(m.itemsEmpty), muted: true }]
        : [itemBars(report.highestItems, msg(m.highestRated), ''), itemBars(report.lowestItems, msg(m.lowestRated), msg(m.lowestEmpty))],
  });

  // Compared with other leaders.
  const comparisons = report.comparisons;
  if (comparisons) {
    const cell = (n: NormCellData): Cell =>
      n.available && n.percentile != null
        ? { text: msg(m.normsCell, { percentile: Math.round(n.percentile), size: n.normSize }) }
        : { text: msg(m.normsHidden, { size: n.normSize }), muted: true };
    sections.push({
      id: 'sec-norms',
      title: msg(m.normsTitle),
      description: msg(m.normsDescription),
      help: msg(m.normsHelp),
      blocks: [
        {
          kind: 'table',
          caption: msg(m.normsTitle),
          minWidth: 520,
          columns: [
            { label: msg(m.columnDimension), align: 'left' },
            { label: msg(m.normsCycle), align: 'right' },
            { label: msg(m.normsOrganisation), align: 'right' },
          ],
          rows: comparisons.norms.map((n) => ({ id: n.dimensionId, cells: [{ text: n.name }, cell(n.cycle), cell(n.organisation)] })),
        },
      ],
    });
  }

  // The trend's group mix: who each cycle's others figure rests on. One line when every dimension
  // rests on the same raters (the usual case), else one line per dimension.
  const mixText = (mix: GroupMixData): string => {
    if (!mix) return msg(m.trendMixNone);
    const parts = [...mix.published]
      .sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group))
      .map((g) => msg(m.trendMixGroup, { group: groupLabel(t, g.group), n: g.count }));
    if (mix.merged > 0) parts.push(msg(m.trendMixMerged, { n: mix.merged }));
    return parts.length ? new Intl.ListFormat(L, { type: 'unit', style: 'short' }).format(parts) : msg(m.trendMixNone);
  };
  const groupMixBlocks = (dimensions: NonNullable<NonNullable<ReportData['comparisons']>['trend']>['dimensions']): Block[] => {
    if (!dimensions.some((d) => d.previousGroupMix || d.currentGroupMix)) return [];
    const lines = dimensions.map((d) => ({
      id: d.dimensionId,
      name: d.name,
      previous: mixText(d.previousGroupMix),
      current: mixText(d.currentGroupMix),
    }));
    const first = lines[0];
    if (lines.every((l) => l.previous === first.previous && l.current === first.current))
      return [{ kind: 'text', muted: true, text: msg(m.trendMix, { previous: first.previous, current: first.current }) }];
    return [
      { kind: 'text', muted: true, text: msg(m.trendMixByDimension) },
      {
        kind: 'bullets',
        items: lines.map((l) => ({
          id: `mix:${l.id}`,
          strong: l.name,
          text: msg(m.trendMixLine, { previous: l.previous, current: l.current }),
        })),
      },
    ];
  };

  // Change since the previous cycle: the like-for-like trend, else the previous released cycle.
  const trend = comparisons?.trend;
  if (trend) {
    sections.push({
      id: 'sec-trend',
      title: msg(m.changeTitle),
      help: msg(m.trendHelp),
      blocks: [
        {
          kind: 'text',
          muted: true,
          text: msg(m.trendNote, {
            version: trend.instrumentVersion,
            previous: trend.previousInstrumentVersion,
            common: trend.ratersInCommon != null ? percent(L, trend.ratersInCommon) : 'none',
          }),
        },
        ...groupMixBlocks(trend.dimensions),
        {
          kind: 'table',
          caption: msg(m.changeTitle),
          minWidth: 560,
          columns: [
            { label: msg(m.columnDimension), align: 'left' },
            { label: msg(m.trendBefore), align: 'right' },
            { label: msg(m.trendNow), align: 'right' },
            { label: msg(m.trendChange), align: 'right' },
            { label: msg(m.trendReading), align: 'left' },
            { label: msg(m.trendItems), align: 'right' },
          ],
          rows: trend.dimensions.map((d) => {
            const call = CALLS[d.call] ?? { key: 'callnotComparable' as const, tone: 'neutral' as const };
            return {
              id: d.dimensionId,
              cells: [
                { text: d.name },
                { text: d.previous != null ? msg(m.trendFigure, { mean: f(d.previous), n: d.previousRaters ?? 0 }) : f(null) },
                { text: d.current != null ? msg(m.trendFigure, { mean: f(d.current), n: d.currentRaters ?? 0 }) : f(null) },
                {
                  text:
                    d.change != null
                      ? d.ciLow != null
                        ? msg(m.trendChangeCell, { change: s(d.change), low: s(d.ciLow), high: s(d.ciHigh) })
                        : s(d.change)
                      : f(null),
                },
                { text: msg(m[call.key]), badge: call.tone },
                { text: percent(L, d.itemsInCommon) },
              ],
            };
          }),
        },
      ],
    });
  } else if (options.previous) {
    const before = new Map(options.previous.report.dimensions.map((d) => [d.dimensionId, d]));
    sections.push({
      id: 'sec-change',
      title: msg(m.changeTitle),
      help: msg(m.changeHelp),
      blocks: [
        { kind: 'text', muted: true, text: msg(m.changeNote, { cycle: options.previous.cycleName }) },
        {
          kind: 'table',
          caption: msg(m.changeTitle),
          minWidth: 420,
          columns: [
            { label: msg(m.columnDimension), align: 'left', rowHeader: true },
            { label: msg(m.changeBefore), align: 'right' },
            { label: msg(m.changeNow), align: 'right' },
            { label: msg(m.changeColumn), align: 'right' },
          ],
          rows: report.dimensions.map((d) => {
            const p = before.get(d.dimensionId);
            const now = d.others.suppressed ? null : (d.others.mean ?? null);
            const then = p && !p.others.suppressed ? (p.others.mean ?? null) : null;
            const change = shownDifference(now, then);
            const direction = change == null || Math.abs(change) < 0.2 ? 'flat' : change > 0 ? 'up' : 'down';
            return {
              id: d.dimensionId,
              cells: [{ text: d.name }, { text: f(then) }, { text: f(now) }, { text: s(change), trend: direction }],
            };
          }),
        },
      ],
    });
  }

  // Readiness for other roles.
  const others = report.readiness.filter((r) => r.profileId !== report.roleProfileId);
  sections.push({
    id: 'sec-readiness',
    title: msg(m.readinessTitle),
    description: msg(m.readinessDescription),
    help: msg(m.readinessHelp),
    blocks: [
      {
        kind: 'readiness',
        empty: msg(m.readinessEmpty),
        items: (others.length ? others : report.readiness).map((r) => {
          const status = READINESS_STATUS[r.status] ?? 'insufficient';
          return {
            id: r.profileId,
            name: r.name,
            status,
            statusLabel: msg(m[`readiness${status}`]),
            share: r.share ?? 0,
            detail: msg(m.readinessDetail, { meets: r.meets, assessed: r.assessed, fit: r.meanFit != null ? s(r.meanFit) : 'none' }),
            ariaLabel: msg(m.readinessAria, { name: r.name, share: percent(L, r.share ?? 0) }),
          };
        }),
      },
    ],
  });

  // Comments, by dimension.
  const byDimension = new Map<string, { text: string; group: string }[]>();
  for (const c of report.comments) {
    const key = c.dimensionId ?? 'general';
    byDimension.set(key, [...(byDimension.get(key) ?? []), { text: c.text, group: groupLabel(t, c.group) }]);
  }
  sections.push({
    id: 'sec-comments',
    title: msg(m.commentsTitle),
    description: msg(m.commentsDescription),
    help: msg(m.commentsHelp),
    blocks: [
      {
        kind: 'comments',
        empty: msg(m.commentsEmpty),
        groups: [...byDimension.entries()].map(([id, comments]) => ({
          id,
          title: dimensionNames.get(id) ?? msg(m.commentsGeneral),
          comments,
        })),
      },
    ],
  });

  // Each item by rater group: the groups published on an item with their figures, the others as "not shown".
  const itemGroupCell = (label: string, g: ScoreData | undefined): Cell => {
    if (!g || g.n === 0) return { text: f(null), muted: true, title: msg(m.itemGroupNone, { group: label }) };
    if (g.suppressed || g.mean == null) {
      // The reason in our words: too few in the group answered the item, or (docs/anonymity.md,
      // "Item figures") its raters did not all answer the same items of the dimension. No count.
      const fewer = g.n < threshold;
      return {
        text: msg(m.notShown),
        muted: true,
        detail: fewer ? msg(m.itemGroupFewer, { threshold }) : msg(m.itemGroupMixed),
        title: fewer ? msg(m.itemGroupFewerTitle, { group: label, threshold }) : msg(m.itemGroupMixedTitle, { group: label }),
      };
    }
    const ci = g.ciLow != null && g.ciHigh != null;
    return {
      text: f(g.mean),
      detail: msg(m.itemGroupDetail, { hasInterval: ci ? 'yes' : 'no', low: f(g.ciLow), high: f(g.ciHigh), n: g.n }),
      title: msg(m.groupsRowAria, {
        group: label,
        mean: f(g.mean),
        hasInterval: ci ? 'yes' : 'no',
        low: f(g.ciLow),
        high: f(g.ciHigh),
        n: g.n,
      }),
    };
  };
  const itemGroupBlocks = (items: ReportData['items']): Block[] => {
    // Self is a column of the table above; the rater groups that answered any item, in the usual order.
    const present = new Set(items.flatMap((i) => i.groups.filter((g) => g.group && g.group !== 'self' && g.n > 0).map((g) => g.group!)));
    const groups = GROUP_ORDER.filter((g) => present.has(g));
    if (groups.length === 0) return [];
    const labels = groups.map((g) => groupLabel(t, g));
    return [
      { kind: 'subheading', text: msg(m.itemGroupsTitle) },
      { kind: 'text', muted: true, text: msg(m.itemGroupsNote, { threshold }) },
      {
        kind: 'table',
        caption: msg(m.itemGroupsCaption),
        minWidth: 240 + 110 * groups.length,
        columns: [{ label: msg(m.columnItem), align: 'left' }, ...labels.map((label) => ({ label, align: 'right' as const }))],
        rows: items.map((i) => ({
          id: i.itemId,
          cells: [
            { text: i.text },
            ...groups.map((g, k) =>
              itemGroupCell(
                labels[k],
                i.groups.find((x) => x.group === g),
              ),
            ),
          ],
        })),
      },
    ];
  };

  // Every item.
  sections.push({
    id: 'sec-all-items',
    title: msg(m.allItemsTitle),
    description: msg(m.allItemsDescription),
    help: msg(m.allItemsHelp, { threshold }),
    blocks: [
      {
        kind: 'table',
        caption: msg(m.allItemsTitle),
        minWidth: 640,
        columns: [
          { label: msg(m.columnItem), align: 'left' },
          { label: msg(m.columnDimension), align: 'left' },
          { label: msg(m.columnOthersInterval), align: 'right' },
          { label: msg(m.columnN), align: 'right' },
          { label: msg(m.columnSelf), align: 'right' },
          { label: msg(m.columnGap), align: 'right' },
        ],
        rows: report.items.map((i) => {
          const me = i.groups.find((g) => g.group === 'self');
          return {
            id: i.itemId,
            cells: [
              { text: i.text },
              { text: dimensionNames.get(i.dimensionId) ?? i.dimensionId },
              i.others.suppressed
                ? { text: msg(m.notShown), muted: true, title: msg(m.allItemsHiddenTitle) }
                : {
                    text:
                      i.others.ciLow != null
                        ? msg(m.figureWithInterval, { mean: f(i.others.mean), low: f(i.others.ciLow), high: f(i.others.ciHigh) })
                        : f(i.others.mean),
                  },
              { text: i.others.suppressed ? f(null) : String(i.others.n) },
              { text: me && !me.suppressed ? f(me.mean, 0) : f(null) },
              { text: i.gap != null ? s(i.gap) : f(null) },
            ],
          };
        }),
      },
      ...itemGroupBlocks(report.items),
    ],
  });

  return {
    title: msg(m.documentTitle, { name: report.subject.name }),
    subjectName: report.subject.name,
    subtitle: who
      ? msg(m.subtitle, { who, responses: report.responseCount, profile, date })
      : msg(m.subtitleNoPerson, { responses: report.responseCount, profile, date }),
    guide: {
      title: msg(m.guideTitle),
      parts: [
        { heading: msg(m.guideIntervalHeading), text: msg(m.guideInterval) },
        { heading: msg(m.guideHiddenHeading), text: msg(m.guideHidden, { threshold }) },
        { heading: msg(m.guideTargetHeading), text: msg(m.guideTarget, { near: f(NEAR_TARGET) }) },
        { heading: msg(m.guideSignalsHeading), text: msg(m.guideSignals) },
      ],
    },
    stats: [
      { label: msg(m.statOthers), value: f(o.others), hint: msg(m.statOthersHint) },
      {
        label: msg(m.statSelf),
        value: f(o.self),
        hint: o.gap != null ? msg(m.statSelfHint, { difference: s(shownDifference(o.self, o.others)) }) : msg(m.statSelfNone),
      },
      { label: msg(m.statFit), value: s(o.fit), hint: '', band: overallBand, bandLabel: bandLabel(t, overallBand) },
      {
        label: msg(m.statDimensions),
        value: msg(m.statDimensionsValue, { included: o.dimensionsIncluded, total: o.dimensionsTotal }),
        hint: msg(m.statResponses, { count: report.responseCount }),
      },
    ],
    sections,
    helpLabel: msg(m.helpSummary),
  };
}
