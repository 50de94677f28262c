import { auditViews, buildSubjectReport, Instrument, RaterResponse, scoreItems } from './index';

// Hand-worked example. Dimension A has items a1 and a2 (a2 reverse-scored: v → 6 − v).
// self s: a1 5, a2 1 (→ 5); manager m: a1 2, a2 4 (→ 2);
// peers: p1 a1 4, a2 2 (→ 4); p2 a1 5, a2 3 (→ 3); p3 a1 3, a2 2 (→ 4)
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
  { raterId: 'p2', group: 'peer', answers: { a1: 5, a2: 3 } },
  { raterId: 'p3', group: 'peer', answers: { a1: 3, a2: 2 } },
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

  it('item a2: recoded (peers 4, 3, 4; others with the manager 2: mean 3.25)', () => {
    expect(a2.groups.self).toMatchObject({ n: 1, mean: 5 });
    expect(a2.groups.peer).toMatchObject({ n: 3, mean: 11 / 3 });
    expect(a2.others).toMatchObject({ n: 4, mean: 3.25, includes: ['manager', 'peer'] });
    expect(a2.gap).toBeCloseTo(1.75, 12);
  });

  it('a group whose raters answered different items of the dimension shows no item figure', () => {
    // p2 and p3 leave a2 out ("not able to rate"), p1 answers both. Shown as before, peers on a1
    // (p1 + p2 + p3) beside peers on A ((p1.a1 + p1.a2′)/2 + p2.a1 + p3.a1) would give away p1's
    // (a2′ − a1)/2: half the difference of two of one rater's answers.
    const mixed = responses.map((r) => (r.raterId === 'p2' || r.raterId === 'p3' ? { ...r, answers: { a1: r.answers.a1 } } : r));
    const [m1, m2] = scoreItems({ instrument, responses: mixed }).items;
    expect(m1.groups.peer).toEqual({ suppressed: true, n: 3, reason: expect.stringContaining('answered different items') });
    expect(m2.groups.peer).toEqual({ suppressed: true, n: 1, reason: expect.stringContaining('anonymity threshold') });
    // others keep the manager only (the direct reports are hidden on A and too few to merge)
    expect(m1.others).toMatchObject({ n: 1, mean: 2, includes: ['manager'] });
    // the report as a whole determines nothing of one rater's answers
    expect(auditViews([{ basis: { resultSet: 'live', instrument }, responses: mixed }])).toEqual([]);
    // nor does a transition-risk signal on a1, which reads only groups shown on the item
    const transitionRisks = [
      { id: 'r', name: 'r', signals: [{ itemId: 'a1', groups: ['peer' as const] }], rule: { atOrBelow: 4.5, minSignals: 1 } },
    ];
    const signal = (rs: RaterResponse[]) =>
      buildSubjectReport({ instrument, responses: rs, transitionRisks }).transitionRisks[0].signals[0];
    expect(signal(responses)).toMatchObject({ groupsUsed: ['peer'], n: 3, mean: 4, on: true });
    expect(signal(mixed)).toMatchObject({ groupsUsed: [], n: 0, mean: null, on: null });
  });

  it('lists the highest and lowest items without repeating one', () => {
    expect(res.highest.map((x) => [x.itemId, x.others, x.n])).toEqual([
      ['a1', 3.5, 4],
      ['a2', 3.25, 4],
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

  it('hidden groups merge on an item only when together they reach the threshold, answering the same items', () => {
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
      { raterId: 'o1', group: 'other', answers: { b1: 3, b2: 4 } },
    ];
    const r = scoreItems({ instrument: inst, responses: rs });
    expect(r.items[0].others).toMatchObject({ n: 3, mean: 2, includes: ['peer', 'other'] });
    expect(r.items[1].others).toMatchObject({ n: 3, mean: 3, includes: ['peer', 'other'] });
    // o1 leaves b2 out: the hidden groups no longer answered the same items. Merged on b1, that figure
    // (p1.b1 + p2.b1 + o1.b1) beside B's others ((p1.b1 + p1.b2)/2 + (p2.b1 + p2.b2)/2 + o1.b1) would
    // give away half the two peers' b2 − b1: a figure of a group below the threshold
    const partial = rs.map((x) => (x.raterId === 'o1' ? { ...x, answers: { b1: 3, b2: null } } : x));
    const q = scoreItems({ instrument: inst, responses: partial });
    expect(q.items[0].others).toMatchObject({ suppressed: true, n: 3 });
    expect(q.items[1].others).toMatchObject({ suppressed: true, n: 2 });
    expect(q.highest).toEqual([]);
  });
});
