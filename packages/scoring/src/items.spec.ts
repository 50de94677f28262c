import { buildSubjectReport, Instrument, RaterResponse, scoreItems } from './index';

// Hand-worked example. Dimension A has items a1 and a2 (a2 reverse-scored: v → 6 − v).
// self s: a1 5, a2 1 (→ 5); manager m: a1 2, a2 4 (→ 2);
// peers: p1 a1 4, a2 2 (→ 4); p2 a1 5, a2 –; p3 a1 3, a2 –   (p2, p3 answer 1 of 2 items: coverage 0.5, counted)
// direct reports: d1 a1 1, a2 5 (→ 1); d2 a1 2, a2 4 (→ 2)   (2 < 3: suppressed and left out of the dimension's others)
const instrument: Instrument = {
  scale: { min: 1, max: 5 },
  dimensions: [{ id: 'A' }],
  items: [
    { id: 'a1', dimensionId: 'A' },
    { id: 'a2', dimensionId: 'A', reverse: true },
  ],
};
const responses: RaterResponse[] = [
  { raterId: 's', group: 'self', answers: { a1: 5, a2: 1 } },
  { raterId: 'm', group: 'manager', answers: { a1: 2, a2: 4 } },
  { raterId: 'p1', group: 'peer', answers: { a1: 4, a2: 2 } },
  { raterId: 'p2', group: 'peer', answers: { a1: 5, a2: null } },
  { raterId: 'p3', group: 'peer', answers: { a1: 3 } },
  { raterId: 'd1', group: 'direct_report', answers: { a1: 1, a2: 5 } },
  { raterId: 'd2', group: 'direct_report', answers: { a1: 2, a2: 4 } },
];
// t(0.975) from the t table: df 2 → 4.302653, df 3 → 3.182446
const T2 = 4.302652729749462;
const T3 = 3.182446305284263;

describe('item-level results (hand-worked)', () => {
  const res = scoreItems({ instrument, responses });
  const [a1, a2] = res.items;

  it('item a1: peers published (n 3, mean 4, sd 1, t interval), direct reports suppressed and left out of others', () => {
    expect(a1.groups.self).toMatchObject({ n: 1, mean: 5, sd: null, ci95: null });
    expect(a1.groups.manager).toMatchObject({ n: 1, mean: 2 });
    expect(a1.groups.peer).toMatchObject({ n: 3, mean: 4 });
    expect((a1.groups.peer as { sd: number }).sd).toBeCloseTo(1, 12);
    const ci = (a1.groups.peer as { ci95: [number, number] }).ci95;
    expect(ci[0]).toBeCloseTo(4 - T2 / Math.sqrt(3), 9);
    expect(ci[1]).toBeCloseTo(4 + T2 / Math.sqrt(3), 9);
    // single-item rwg = 1 − s²/σ²EU = 1 − 1/2
    expect((a1.groups.peer as { rwg: number }).rwg).toBeCloseTo(0.5, 12);
    expect(a1.groups.direct_report).toEqual({ suppressed: true, n: 2, reason: expect.stringContaining('anonymity threshold') });
    // others = manager 2 + peers 4, 5, 3: mean 3.5, sd √(5/3)
    expect(a1.others).toMatchObject({ n: 4, mean: 3.5, includes: ['manager', 'peer'] });
    const o = a1.others as { sd: number; ci95: [number, number] };
    expect(o.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(o.ci95[0]).toBeCloseTo(3.5 - (T3 * Math.sqrt(5 / 3)) / 2, 9);
    expect(o.ci95[1]).toBeCloseTo(3.5 + (T3 * Math.sqrt(5 / 3)) / 2, 9);
    expect(a1.gap).toBeCloseTo(1.5, 12);
  });

  it('item a2: recoded; one peer answer is suppressed and is not part of others', () => {
    expect(a2.groups.self).toMatchObject({ n: 1, mean: 5 });
    expect(a2.groups.peer).toEqual({ suppressed: true, n: 1, reason: expect.any(String) });
    expect(a2.others).toMatchObject({ n: 1, mean: 2, sd: null, ci95: null, includes: ['manager'] });
    expect(a2.gap).toBeCloseTo(3, 12);
  });

  it('lists the highest and lowest items without repeating one', () => {
    expect(res.highest.map((x) => [x.itemId, x.others, x.n])).toEqual([
      ['a1', 3.5, 4],
      ['a2', 2, 1],
    ]);
    expect(res.lowest).toEqual([]);
    const one = scoreItems({ instrument, responses, topItems: 1 });
    expect(one.highest.map((x) => x.itemId)).toEqual(['a1']);
    expect(one.lowest.map((x) => x.itemId)).toEqual(['a2']);
    expect(() => scoreItems({ instrument, responses, topItems: -1 })).toThrow(/topItems must be an integer >= 0/);
  });

  it('the report carries the item results (five highest and lowest by default)', () => {
    const report = buildSubjectReport({ instrument, responses });
    expect(report.items).toEqual(res);
    expect(buildSubjectReport({ instrument, responses, options: { topItems: 1 } }).items.lowest.map((x) => x.itemId)).toEqual(['a2']);
  });

  it('hidden groups merge on an item only when together they reach the threshold', () => {
    // peers 2 and other 1 are each below 3 on dimension B but reach 3 together: merged into others.
    const inst: Instrument = {
      scale: { min: 1, max: 5 },
      dimensions: [{ id: 'B' }],
      items: [
        { id: 'b1', dimensionId: 'B' },
        { id: 'b2', dimensionId: 'B' },
      ],
    };
    const rs: RaterResponse[] = [
      { raterId: 'p1', group: 'peer', answers: { b1: 1, b2: 2 } },
      { raterId: 'p2', group: 'peer', answers: { b1: 2, b2: 3 } },
      { raterId: 'o1', group: 'other', answers: { b1: 3, b2: null } },
    ];
    const r = scoreItems({ instrument: inst, responses: rs });
    expect(r.items[0].others).toMatchObject({ n: 3, mean: 2, includes: ['peer', 'other'] });
    // on b2 only the two peers answered: below the threshold, nothing is published
    expect(r.items[1].others).toMatchObject({ suppressed: true, n: 2 });
    expect(r.highest.map((x) => x.itemId)).toEqual(['b1']);
  });
});
