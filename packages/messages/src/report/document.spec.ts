import { createIntl } from '@formatjs/intl';
import { describeReport, type ReportData } from './document';
import { sampleReport } from './sample-report';

/**
 * The like-for-like trend's comparability note, as the screen and the PDF both draw it: the share of
 * raters in common, and the group mix (n per group shown in each cycle's others, and raters merged in).
 */
const intl = createIntl({ locale: 'en', defaultLocale: 'en', timeZone: 'UTC' });
const trendOf = (report: ReportData) => {
  const section = describeReport(report, { threshold: 3, profileName: 'Leader of leaders' }, intl).sections.find(
    (s) => s.id === 'sec-trend',
  );
  if (!section) throw new Error('no trend section');
  return section;
};
const texts = (report: ReportData) =>
  trendOf(report)
    .blocks.filter((b) => b.kind === 'text')
    .map((b) => b.text);
type Trend = NonNullable<NonNullable<ReportData['comparisons']>['trend']>;
const withTrend = (dimensions: (d: Trend['dimensions'][number], i: number) => Partial<Trend['dimensions'][number]>): ReportData => {
  const trend = sampleReport.comparisons!.trend!;
  return {
    ...sampleReport,
    comparisons: {
      ...sampleReport.comparisons!,
      trend: { ...trend, dimensions: trend.dimensions.map((d, i) => ({ ...d, ...dimensions(d, i) })) },
    },
  };
};

describe('the trend’s comparability note', () => {
  it('says once whom both cycles’ figures rest on when every dimension has the same mix, groups in the usual order', () => {
    const mix = {
      previousGroupMix: {
        published: [
          { group: 'peer', count: 4 },
          { group: 'manager', count: 1 },
        ],
        merged: 2,
      },
      currentGroupMix: {
        published: [
          { group: 'direct_report', count: 3 },
          { group: 'peer', count: 5 },
          { group: 'manager', count: 1 },
        ],
        merged: 0,
      },
    };
    const report = withTrend(() => mix);
    expect(texts(report)).toContain(
      'Raters counted in others — before: Manager 1, Peers 4, 2 raters of smaller groups merged in; now: Manager 1, Peers 5, Direct reports 3.',
    );
    expect(trendOf(report).blocks.some((b) => b.kind === 'bullets')).toBe(false);
    // The share of raters in common stays in the note beside it.
    expect(texts(report).join(' ')).toContain('60% of this cycle’s raters also rated last time.');
  });

  it('lists the mix per dimension when the dimensions rest on different raters, and says "not shown" for a side not shown', () => {
    const report = withTrend((d, i) =>
      i === 0
        ? { previousGroupMix: null, currentGroupMix: { published: [{ group: 'peer', count: 3 }], merged: 1 } }
        : {
            previousGroupMix: { published: [{ group: 'peer', count: 3 }], merged: 0 },
            currentGroupMix: { published: [{ group: 'peer', count: 3 }], merged: 0 },
          },
    );
    const section = trendOf(report);
    expect(texts(report)).toContain('Raters counted in others, by dimension:');
    const bullets = section.blocks.find((b) => b.kind === 'bullets');
    expect(bullets?.kind === 'bullets' && bullets.items.map(({ strong, text }) => ({ strong, text }))).toEqual([
      { strong: 'Creates alignment across the organisation', text: 'before: not shown; now: Peers 3, 1 rater of smaller groups merged in' },
      { strong: 'Leads up', text: 'before: Peers 3; now: Peers 3' },
    ]);
  });

  it('leaves the mix out when the data carries none (an older gateway)', () => {
    const report = withTrend(() => ({ previousGroupMix: undefined, currentGroupMix: undefined }));
    expect(texts(report).some((t) => t.startsWith('Raters counted in others'))).toBe(false);
    expect(trendOf(report).blocks.map((b) => b.kind)).toEqual(['text', 'table']);
  });
});
