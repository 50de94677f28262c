import { emptyScoredReport, packedReportSchema, packReport, ScoredReport, scoredReportSchema, unpackReport } from './report';

/** A report whose item results hold every form a figure takes: shown (with and without spread), suppressed, pooled. */
function reportWithItems(): ScoredReport {
  return {
    ...emptyScoredReport(),
    items: {
      items: [
        {
          itemId: 'dl-1',
          dimensionId: 'develops-leaders',
          groups: {
            self: { n: 1, mean: 4, sd: null, ci95: null, rwg: null },
            manager: { n: 1, mean: 3, sd: null, ci95: null, rwg: null },
            direct_report: { n: 5, mean: 2.8, sd: 1.3038, ci95: [1.1811, 4.4189], rwg: 0.15 },
            peer: { suppressed: true, n: 2, reason: 'fewer than 3 raters' },
          },
          others: { n: 6, mean: 2.8333, sd: 1.1691, ci95: [1.6064, 4.0603], rwg: 0.3167, includes: ['manager', 'direct_report'] },
          gap: 1.1667,
        },
        {
          itemId: 'dl-2',
          dimensionId: 'develops-leaders',
          groups: { self: { n: 1, mean: 5, sd: null, ci95: null, rwg: null } },
          others: { suppressed: true, n: 0, reason: 'no answers outside self' },
          gap: null,
        },
      ],
      highest: [{ itemId: 'dl-1', dimensionId: 'develops-leaders', others: 2.8333, n: 6, ci95: [1.6064, 4.0603] }],
      lowest: [],
    },
  };
}

describe('a report packed as report.updated v2 sends it and the services store it', () => {
  it('packs each item in a row and gives back exactly the report it packed, key for key', () => {
    const report = reportWithItems();
    const packed = packReport(report);
    expect(packed.items!.rows[0]).toEqual([
      'dl-1',
      'develops-leaders',
      {
        self: [1, 4, null, null, null],
        manager: [1, 3, null, null, null],
        direct_report: [5, 2.8, 1.3038, [1.1811, 4.4189], 0.15],
        peer: [2, 'fewer than 3 raters'],
      },
      [6, 2.8333, 1.1691, [1.6064, 4.0603], 0.3167, ['manager', 'direct_report']],
      1.1667,
    ]);
    expect(packed.items!.rows[1]).toEqual([
      'dl-2',
      'develops-leaders',
      { self: [1, 5, null, null, null] },
      [0, 'no answers outside self'],
      null,
    ]);
    // the same text as the engine's objects, so a stored report reads back as it was computed
    expect(JSON.stringify(unpackReport(packed))).toBe(JSON.stringify(report));
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(report).length * 0.75);
  });

  it('validates against the v2 contract, and the unpacked report against the v1 contract', () => {
    const packed = packReport(reportWithItems());
    expect(packedReportSchema.parse(JSON.parse(JSON.stringify(packed)))).toEqual(packed);
    expect(scoredReportSchema.parse(unpackReport(packed))).toEqual(reportWithItems());
    // a packed report is not a v1 report, nor an unpacked one a v2 report: each version has its form
    expect(scoredReportSchema.safeParse(packed).success).toBe(false);
    expect(packedReportSchema.safeParse(reportWithItems()).success).toBe(false);
  });

  it('refuses a packed row whose suppressed figure carries a mean, or whose shown figure lacks one', () => {
    const packed = packReport(reportWithItems());
    const withRow = (row: unknown) => ({ ...packed, items: { ...packed.items!, rows: [row] } });
    const [itemId, dimensionId, , others, gap] = packed.items!.rows[0];
    expect(packedReportSchema.safeParse(withRow([itemId, dimensionId, { peer: [2, 'few', 3.5] }, others, gap])).success).toBe(false);
    expect(packedReportSchema.safeParse(withRow([itemId, dimensionId, { peer: [2] }, others, gap])).success).toBe(false);
    expect(packedReportSchema.safeParse(withRow([itemId, dimensionId, { boss: [1, 4, null, null, null] }, others, gap])).success).toBe(
      false,
    );
    expect(packedReportSchema.safeParse(withRow([itemId, dimensionId, {}, [6, 2.8, null, null, null, ['self-ish']], gap])).success).toBe(
      false,
    );
  });

  it('leaves a report stored before packing, or one without item results, as it is', () => {
    const report = reportWithItems();
    expect(unpackReport(report)).toBe(report);
    const packed = packReport(report);
    expect(packReport(packed)).toBe(packed);
    const withoutItems = emptyScoredReport();
    expect(packReport(withoutItems)).toBe(withoutItems);
    expect(unpackReport(withoutItems)).toBe(withoutItems);
  });
});
