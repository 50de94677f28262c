import { createIntl } from '@formatjs/intl';
import { describeReport, type Block, type ReportData, type Translator } from './document';
import { reportMessages } from './messages';
import { sampleReport } from './sample-report';
import { visibleText } from './visible-text';

const intl = createIntl({ locale: 'en', defaultLocale: 'en', timeZone: 'UTC' });
const options = { threshold: 3, profileName: 'Leader of leaders' };
const describe3 = (report: ReportData, t: Translator = intl) => describeReport(report, options, t);
const section = (report: ReportData, id: string) => describe3(report).sections.find((s) => s.id === id)!;
const tables = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

describe('every item, by rater group', () => {
  const items = section(sampleReport, 'sec-all-items');
  const [all, byGroup] = tables(items.blocks);
  const row = (id: string) => {
    const r = byGroup.rows.find((x) => x.id === id)!;
    return Object.fromEntries(byGroup.columns.map((c, i) => [c.label, r.cells[i]]));
  };

  it('follows the table of every item with a table of each item by the rater groups that answered, in the usual order', () => {
    expect(all.columns.map((c) => c.label)).toEqual(['Item', 'Dimension', 'Others (95% interval)', 'n', 'Self', 'Self − others']);
    expect(byGroup.columns.map((c) => c.label)).toEqual(['Item', 'Manager', 'Peers', 'Direct reports', 'Skip-level']);
    expect(byGroup.rows.map((r) => r.id)).toEqual(['i1', 'i2', 'i3']);
    expect(items.blocks.map((b) => b.kind)).toEqual(['table', 'subheading', 'text', 'table']);
    expect(visibleText(describe3(sampleReport))).toContain('Each item by rater group');
  });

  it('shows a published group’s mean, with its 95% interval and n beneath', () => {
    expect(row('i1').Peers).toMatchObject({ text: '3.33', detail: '2.46–4.21 · n=3' });
    expect(row('i1').Peers.title).toBe('Peers: mean 3.33, 95% interval 2.46 to 4.21, 3 responses');
    // The manager (one person, always shown) has no interval.
    expect(row('i1').Manager).toMatchObject({ text: '3.00', detail: 'n=1' });
    expect(row('i2')['Direct reports']).toMatchObject({ text: '4.48', detail: '4.02–4.94 · n=4' });
    expect(row('i2').Peers).toMatchObject({ text: '4.67', detail: '4.04–5.00 · n=3' });
  });

  it('says “not shown” for a hidden group, and why in plain words, never with its count', () => {
    const mixed = row('i1')['Direct reports'];
    expect(mixed).toMatchObject({ text: 'not shown', muted: true, detail: 'not all answered the same items' });
    expect(mixed.title).toMatch(/^Direct reports: not shown, because they did not all answer the same items of this dimension/);
    const fewer = row('i1')['Skip-level'];
    expect(fewer).toMatchObject({ text: 'not shown', muted: true, detail: 'fewer than 3 answered' });
    expect(row('i3').Peers).toMatchObject({ text: 'not shown', detail: 'fewer than 3 answered' });
    for (const cell of [mixed, row('i3').Peers]) expect(`${cell.text} ${cell.detail} ${cell.title}`).not.toMatch(/[0-24-9]/);
    // No internal words reach the reader.
    expect(JSON.stringify(items)).not.toMatch(/direct_report|skip_level|answered different items of this dimension/);
  });

  it('marks a group that did not answer an item as having no figure', () => {
    expect(row('i3').Manager).toMatchObject({ text: '—', muted: true, title: 'Manager: no one in this group answered this item.' });
    expect(row('i2')['Skip-level'].text).toBe('—');
  });

  it('has no group table when no rater group is on any item (self is a column of the first table)', () => {
    const selfOnly = {
      ...sampleReport,
      items: sampleReport.items.map((i) => ({ ...i, groups: i.groups.filter((g) => g.group === 'self') })),
    };
    const blocks = section(selfOnly, 'sec-all-items').blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['table']);
  });

  it('explains a hidden others figure in plain words rather than the scoring’s reason', () => {
    const hidden = all.rows.find((r) => r.id === 'i3')!.cells[2];
    expect(hidden).toMatchObject({ text: 'not shown', muted: true });
    expect(hidden.title).toMatch(/to protect the raters/);
  });
});

describe('each section says how to read it', () => {
  const document = describe3(sampleReport);

  it('gives every section a help text', () => {
    expect(document.sections.filter((s) => !s.help).map((s) => s.id)).toEqual([]);
    expect(document.sections.map((s) => s.id)).toEqual(expect.arrayContaining(['sec-items', 'sec-norms', 'sec-trend', 'sec-all-items']));
  });

  it('explains percentiles, the norm group and why only from 10 leaders', () => {
    const help = document.sections.find((s) => s.id === 'sec-norms')!.help!;
    for (const idea of ['percentile', 'same questionnaire', 'at least 10 leaders', 'counted once']) expect(help).toContain(idea);
  });

  it('explains like-for-like, the interval, and that a change is called only when its interval excludes zero', () => {
    const help = document.sections.find((s) => s.id === 'sec-trend')!.help!;
    for (const idea of ['Like-for-like', 'scored again', '95% interval', 'above or below zero', 'no clear change'])
      expect(help).toContain(idea);
  });

  it('explains why an item or a group may be hidden: to protect the raters', () => {
    const help = document.sections.find((s) => s.id === 'sec-all-items')!.help!;
    expect(help).toContain('fewer than 3 people');
    expect(help).toContain('did not all answer the same statements');
    expect(help).toContain('protects the raters');
    expect(document.sections.find((s) => s.id === 'sec-items')!.help).toContain('to protect the raters');
  });

  it('takes the help from the message catalogue, so a translation replaces it', () => {
    const ids: Translator = { locale: 'en', formatMessage: (d) => String(d.id), formatDate: () => 'date' };
    const help = Object.fromEntries(describe3(sampleReport, ids).sections.map((s) => [s.id, s.help]));
    expect(help).toMatchObject({
      'sec-items': reportMessages.itemsHelp.id,
      'sec-norms': reportMessages.normsHelp.id,
      'sec-trend': reportMessages.trendHelp.id,
      'sec-all-items': reportMessages.allItemsHelp.id,
    });
  });
});

/**
 * The like-for-like trend's comparability note, as the screen and the PDF both draw it: the share of
 * raters in common, and the group mix (n per group shown in each cycle's others, and raters merged in).
 */
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
