import {
  DEFAULT_POLICY,
  Instrument,
  isPublished,
  Published,
  RATER_GROUPS,
  RaterResponse,
  scoreSubject,
  ScoringInputError,
  Suppressed,
} from './index';

/*
 * Golden case, worked out by hand.
 * Dimension A: a1, a2, a3r (reverse) — observed by everyone.
 * Dimension B: b1 (peer, direct_report only), b2 (self, manager, peer, direct_report), b3 (everyone).
 */
const instrument: Instrument = {
  scale: { min: 1, max: 5 },
  dimensions: [{ id: 'A' }, { id: 'B' }],
  items: [
    { id: 'a1', dimensionId: 'A' },
    { id: 'a2', dimensionId: 'A' },
    { id: 'a3r', dimensionId: 'A', reverse: true },
    { id: 'b1', dimensionId: 'B', observers: ['peer', 'direct_report'] },
    { id: 'b2', dimensionId: 'B', observers: ['self', 'manager', 'peer', 'direct_report'] },
    { id: 'b3', dimensionId: 'B' },
  ],
};

const responses: RaterResponse[] = [
  // self: A = (4 + 5 + (6−2)) / 3 = 13/3; B: b1 ignored (self does not observe it) → (4 + 5)/2 = 4.5
  { raterId: 's', group: 'self', answers: { a1: 4, a2: 5, a3r: 2, b1: 1, b2: 4, b3: 5 } },
  // manager: A = 3; B: observes b2, b3, answered 1 of 2 = 0.5 coverage → counts, 3
  { raterId: 'm', group: 'manager', answers: { a1: 3, a2: 3, a3r: 3, b2: 3, b3: null } },
  // peers: A: p1 = 4, p2 = 3.5 (2/3 answered), p3 not counted (1/3 < 0.5) → n = 2, suppressed
  //        B: p1 = 4, p2 not counted (1/3), p3 = 14/3 → n = 2, suppressed
  { raterId: 'p1', group: 'peer', answers: { a1: 4, a2: 4, a3r: 2, b1: 4, b2: 4, b3: 4 } },
  { raterId: 'p2', group: 'peer', answers: { a1: 3, a2: 4, a3r: null, b1: 2 } },
  { raterId: 'p3', group: 'peer', answers: { a1: 5, b1: 5, b2: 5, b3: 4 } },
  // direct reports: A: 7/3, 3, 13/3 → mean 29/9; B: d1 = 3, d2 = 13/3, d3 not counted → suppressed
  { raterId: 'd1', group: 'direct_report', answers: { a1: 2, a2: 3, a3r: 4, b1: 3, b2: 3, b3: 3 } },
  { raterId: 'd2', group: 'direct_report', answers: { a1: 3, a2: 3, a3r: 3, b1: 4, b2: 4, b3: 5 } },
  { raterId: 'd3', group: 'direct_report', answers: { a1: 4, a2: 4, a3r: 1 } },
];

const pub = (x: unknown) => {
  expect(isPublished(x as Published)).toBe(true);
  return x as Published & { includes?: string[] };
};

describe('scoreSubject: golden case', () => {
  const scores = scoreSubject({ instrument, responses, expectations: { A: 4 } });
  const [A, B] = scores.dimensions;

  it('keeps the instrument order of dimensions', () => {
    expect(scores.dimensions.map((d) => d.dimensionId)).toEqual(['A', 'B']);
  });

  it('applies reverse scoring and coverage (rules 1–2)', () => {
    expect(pub(A.groups.self).mean).toBeCloseTo(13 / 3, 12);
    expect(pub(A.groups.manager).mean).toBe(3);
    expect(pub(B.groups.self).mean).toBeCloseTo(4.5, 12); // b1 ignored for self
    expect(pub(B.groups.manager)).toMatchObject({ n: 1, mean: 3, sd: null, ci95: null, rwg: null });
  });

  it('computes group mean, sd, t-interval and rwg(J) (rule 3)', () => {
    const dr = pub(A.groups.direct_report);
    expect(dr.n).toBe(3);
    expect(dr.mean).toBeCloseTo(29 / 9, 12);
    // deviations −8/9, −2/9, 10/9 → s² = (168/81)/2 = 84/81
    expect(dr.sd).toBeCloseTo(Math.sqrt(84 / 81), 12);
    const half = (4.302652729749464 * Math.sqrt(84 / 81)) / Math.sqrt(3);
    expect(dr.ci95![0]).toBeCloseTo(29 / 9 - half, 9);
    expect(dr.ci95![1]).toBeCloseTo(29 / 9 + half, 9);
    // item variances (recoded): a1 [2,3,4] = 1, a2 [3,3,4] = 1/3, a3r [2,3,5] = 7/3 → s̄² = 11/9
    // ratio 11/18, J = 3 → (3·7/18) / (3·7/18 + 11/18) = 21/32
    expect(dr.rwg).toBeCloseTo(21 / 32, 12);
  });

  it('suppresses small non-exempt groups and never publishes their mean (rule 4)', () => {
    expect(A.groups.peer).toEqual({ suppressed: true, n: 2, reason: expect.stringContaining('fewer than 3') });
    expect(B.groups.peer).toMatchObject({ suppressed: true, n: 2 });
    expect(B.groups.direct_report).toMatchObject({ suppressed: true, n: 2 });
    expect('mean' in (A.groups.peer as Suppressed)).toBe(false);
  });

  it('leaves a lone small hidden group out of others (rule 5)', () => {
    // A: hidden = 2 peers < 3 → others = manager + direct reports, pooled: (3 + 29/3) / 4 = 19/6
    const o = pub(A.others);
    expect(o.includes).toEqual(['manager', 'direct_report']);
    expect(o.n).toBe(4);
    expect(o.mean).toBeCloseTo(19 / 6, 12);
    // rwg(J) over m, d1, d2, d3: item variances 2/3, 1/4, 19/12 → s̄² = 5/6, ratio 5/12 → 21/26
    expect(o.rwg).toBeCloseTo(21 / 26, 12);
  });

  it('merges small hidden groups into others when together they reach the threshold (rule 5)', () => {
    // B: hidden = 2 peers + 2 direct reports = 4 ≥ 3 → all included: (3 + 4 + 14/3 + 3 + 13/3) / 5 = 19/5
    const o = pub(B.others);
    expect(o.includes).toEqual(['manager', 'peer', 'direct_report']);
    expect(o.n).toBe(5);
    expect(o.mean).toBeCloseTo(19 / 5, 12);
  });

  it('computes gap and fit (rule 7)', () => {
    expect(A.gap).toBeCloseTo(13 / 3 - 19 / 6, 12); // 7/6
    expect(A.expectation!.target).toBe(4);
    expect(A.expectation!.fit).toBeCloseTo(19 / 6 - 4, 12);
    expect(B.gap).toBeCloseTo(4.5 - 3.8, 12);
    expect(B.expectation).toBeNull(); // no target for B
  });

  it('offers the mean of group means as a policy option (rule 6)', () => {
    const s = scoreSubject({ instrument, responses, policy: { othersMean: 'mean-of-groups' } });
    // A: (3 + 29/9) / 2 = 28/9
    expect(pub(s.dimensions[0].others).mean).toBeCloseTo(28 / 9, 12);
    // B: manager 3, peers (4 + 14/3)/2 = 13/3, direct reports (3 + 13/3)/2 = 11/3 → (3 + 13/3 + 11/3)/3 = 11/3
    expect(pub(s.dimensions[1].others).mean).toBeCloseTo(11 / 3, 12);
  });

  it('publishes every group when minGroupSize is 1, and suppresses exempt-less groups', () => {
    const s = scoreSubject({ instrument, responses, policy: { minGroupSize: 1 } });
    expect(pub(s.dimensions[0].groups.peer).mean).toBeCloseTo(3.75, 12);
    const strict = scoreSubject({ instrument, responses, policy: { exemptGroups: [] } });
    expect(strict.dimensions[0].groups.manager).toMatchObject({ suppressed: true, n: 1 });
    expect(strict.dimensions[0].groups.self).toMatchObject({ suppressed: true, n: 1 });
    // A: hidden = manager 1 + peers 2 = 3 → they join the direct reports in others
    expect(pub(strict.dimensions[0].others).includes).toEqual(['manager', 'peer', 'direct_report']);
    expect(strict.dimensions[0].gap).toBeNull(); // self suppressed
  });

  it('lists only groups with at least one counted rater', () => {
    expect(Object.keys(A.groups)).toEqual(['self', 'manager', 'peer', 'direct_report']);
    const none = scoreSubject({ instrument, responses: [] });
    expect(none.dimensions[0].groups).toEqual({});
    expect(none.dimensions[0].others).toMatchObject({ suppressed: true, n: 0 });
    expect(none.dimensions[0].gap).toBeNull();
  });

  it('exposes the documented defaults', () => {
    expect(DEFAULT_POLICY).toMatchObject({
      minGroupSize: 3,
      exemptGroups: ['self', 'manager'],
      minItemCoverage: 0.5,
      othersMean: 'pooled',
    });
    expect(RATER_GROUPS).toEqual(['self', 'manager', 'peer', 'direct_report', 'skip_level', 'other']);
  });
});

describe('scoreSubject: bad input is refused (rule 8)', () => {
  const base = () => ({ instrument, responses: responses.map((r) => ({ ...r, answers: { ...r.answers } })) });
  const withAnswer = (v: unknown) => {
    const b = base();
    (b.responses[3].answers as Record<string, unknown>).a1 = v;
    return b;
  };

  it.each([
    [6, /rater "p2", item "a1": answer 6 is outside the scale/],
    [0, /rater "p2", item "a1": answer 0 is outside the scale/],
    [2.5, /rater "p2", item "a1": answer 2.5 is outside the scale/],
    [NaN, /rater "p2", item "a1": answer NaN is not a finite number/],
    [Infinity, /rater "p2", item "a1": answer Infinity is not a finite number/],
    ['3', /rater "p2", item "a1": answer "3" is not a finite number/],
  ])('answer %p', (v, msg) => {
    expect(() => scoreSubject(withAnswer(v) as never)).toThrow(ScoringInputError);
    expect(() => scoreSubject(withAnswer(v) as never)).toThrow(msg);
  });

  it('an unknown item id', () => {
    const b = base();
    (b.responses[0].answers as Record<string, number>).zz = 3;
    expect(() => scoreSubject(b)).toThrow(/rater "s" answered unknown item "zz"/);
  });

  it('a rater listed twice', () => {
    const b = base();
    b.responses.push({ ...b.responses[1] });
    expect(() => scoreSubject(b)).toThrow(/rater "m" is listed twice/);
  });

  it('an unknown rater group or missing rater id', () => {
    const b = base();
    (b.responses[1] as { group: string }).group = 'boss';
    expect(() => scoreSubject(b)).toThrow(/rater "m" has unknown group "boss"/);
    const c = base();
    (c.responses[1] as { raterId: unknown }).raterId = '';
    expect(() => scoreSubject(c)).toThrow(/responses\[1\]\.raterId/);
  });

  it('answers that are not an object', () => {
    const b = base();
    (b.responses[2] as { answers: unknown }).answers = [1, 2];
    expect(() => scoreSubject(b)).toThrow(/rater "p1": answers must be an object/);
  });

  it('bad instruments', () => {
    expect(() => scoreSubject({ ...base(), instrument: { ...instrument, scale: { min: 5, max: 1 } } })).toThrow(
      /min \(5\) must be below max \(1\)/,
    );
    expect(() => scoreSubject({ ...base(), instrument: { ...instrument, scale: { min: 1, max: Infinity } } })).toThrow(/must be integers/);
    expect(() =>
      scoreSubject({ ...base(), instrument: { ...instrument, items: [...instrument.items, { id: 'a1', dimensionId: 'A' }] } }),
    ).toThrow(/duplicate item id "a1"/);
    expect(() =>
      scoreSubject({ ...base(), instrument: { ...instrument, items: [...instrument.items, { id: 'x', dimensionId: 'Q' }] } }),
    ).toThrow(/item "x" refers to unknown dimension "Q"/);
    expect(() =>
      scoreSubject({
        ...base(),
        instrument: { ...instrument, items: [...instrument.items, { id: 'x', dimensionId: 'A', observers: ['boss' as never] }] },
      }),
    ).toThrow(/item "x": unknown rater group "boss"/);
  });

  it('bad policies and expectations', () => {
    expect(() => scoreSubject({ ...base(), policy: { minGroupSize: 0 } })).toThrow(/policy.minGroupSize/);
    expect(() => scoreSubject({ ...base(), policy: { minGroupSize: 2.5 } })).toThrow(/policy.minGroupSize/);
    expect(() => scoreSubject({ ...base(), policy: { minItemCoverage: 1.5 } })).toThrow(/policy.minItemCoverage/);
    expect(() => scoreSubject({ ...base(), policy: { exemptGroups: ['ceo' as never] } })).toThrow(/unknown rater group "ceo"/);
    expect(() => scoreSubject({ ...base(), policy: { othersMean: 'median' as never } })).toThrow(/policy.othersMean/);
    expect(() => scoreSubject({ ...base(), expectations: { Q: 3 } })).toThrow(/expectations: unknown dimension "Q"/);
    expect(() => scoreSubject({ ...base(), expectations: { A: 7 } })).toThrow(/expectations\["A"\]: target 7 is outside the scale/);
    expect(() => scoreSubject({ ...base(), expectations: { A: NaN } })).toThrow(/not a finite number/);
  });
});
