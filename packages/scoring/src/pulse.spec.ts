import fc from 'fast-check';
import {
  buildSubjectReport,
  Instrument,
  isPublished,
  Published,
  pulseResult,
  RaterGroup,
  REPORT_FIGURE_DECIMALS,
  roundFigures,
  RaterResponse,
  scoreItems,
  ScoringInputError,
  Suppressed,
} from './index';

/** The follow-up pulse as the scoring package sees it (packages/framework/instruments/follow-up-pulse.v1.json). */
const NON_SELF: RaterGroup[] = ['manager', 'peer', 'direct_report', 'skip_level', 'other'];
const pulse: Instrument = {
  scale: { min: -3, max: 3 },
  dimensions: [{ id: 'change' }],
  items: ['focus-1', 'focus-2', 'focus-3'].map((id) => ({ id, dimensionId: 'change', observers: NON_SELF })),
  minItemCoverage: 0,
  itemFiguresOnly: true,
};
// t(0.975) with 3 degrees of freedom, from the t table
const T3 = 3.182446305284263;

// Hand-worked. The plan has two focus areas (slots focus-1, focus-2); focus-3 is "not able to rate" for all.
// focus-1: manager 2; peers 1, 2, 3; direct reports -1, 1 (2 < 3: hidden, and too few to merge)
//   → others = manager + peers = [2, 1, 2, 3]: mean 2, sd √(2/3), 95% interval 2 ± t(3)·sd/√4 → excludes 0.
// focus-2: manager not able to rate; peers 0, -1 (2 < 3); direct report -2 (1 < 3)
//   → no group may be shown and the hidden ones are fewer than 3 together: suppressed, n 3.
const responses: RaterResponse[] = [
  { raterId: 'm', group: 'manager', answers: { 'focus-1': 2, 'focus-2': null, 'focus-3': null } },
  { raterId: 'p1', group: 'peer', answers: { 'focus-1': 1, 'focus-2': 0, 'focus-3': null } },
  { raterId: 'p2', group: 'peer', answers: { 'focus-1': 2, 'focus-2': null, 'focus-3': null } },
  { raterId: 'p3', group: 'peer', answers: { 'focus-1': 3, 'focus-2': -1, 'focus-3': null } },
  { raterId: 'd1', group: 'direct_report', answers: { 'focus-1': -1, 'focus-2': -2, 'focus-3': null } },
  { raterId: 'd2', group: 'direct_report', answers: { 'focus-1': 1, 'focus-2': null, 'focus-3': null } },
];
const focusAreas = [
  { slot: 'focus-1', kind: 'dimension', id: 'builds-trust' },
  { slot: 'focus-2', kind: 'item', id: 'dl-1' },
];

describe('pulseResult (hand-worked)', () => {
  const report = buildSubjectReport({ instrument: pulse, responses, policy: { minGroupSize: 3 } });
  const [first, second] = pulseResult({ items: report.items.items, focusAreas });

  it('focus area 1: mean 2 of 4 answers with its t interval, called "more effective" because the interval excludes 0', () => {
    expect(first.focusArea).toBe(focusAreas[0]);
    expect(first.slot).toBe('focus-1');
    const r = first.result as Published & { includes: RaterGroup[] };
    expect(r.n).toBe(4);
    expect(r.mean).toBeCloseTo(2, 12);
    expect(r.sd).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(r.ci95![0]).toBeCloseTo(2 - (T3 * Math.sqrt(2 / 3)) / 2, 9);
    expect(r.ci95![1]).toBeCloseTo(2 + (T3 * Math.sqrt(2 / 3)) / 2, 9);
    expect(r.includes).toEqual(['manager', 'peer']);
    expect(first.call).toBe('more-effective');
  });

  it('focus area 2: suppressed below the threshold, n only, no mean, no interval, no call', () => {
    expect(second.result).toEqual({ suppressed: true, n: 3, reason: expect.any(String) });
    expect(second.call).toBeNull();
  });

  it('counts a rater who answered one slot: the pulse instrument sets item coverage 0 (the default 0.5 would drop them)', () => {
    const strict = buildSubjectReport({ instrument: pulse, responses, policy: { minGroupSize: 3, minItemCoverage: 0.5 } });
    // with 0.5, m, p2 and d2 (one answered slot of three) are not counted: their focus-1 answers are lost
    // (what is left is p1, p3 and d1, merged because together they reach 3)
    const lossy = pulseResult({ items: strict.items.items, focusAreas })[0].result;
    expect(lossy.n).toBe(3);
    expect((first.result as Published).n).toBe(4);
  });

  it('calls "less effective" when the interval is below 0, and makes no call when it straddles 0 or has one answer', () => {
    const items = (values: (number | null)[]) =>
      scoreItems({
        instrument: pulse,
        policy: { minGroupSize: 3 },
        responses: values.map((v, i) => ({ raterId: `p${i}`, group: 'peer', answers: { 'focus-1': v } })),
      }).items;
    expect(pulseResult({ items: items([-2, -3, -2, -2]), focusAreas: [{ slot: 'focus-1' }] })[0].call).toBe('less-effective');
    expect(pulseResult({ items: items([-1, 1, 0]), focusAreas: [{ slot: 'focus-1' }] })[0].call).toBe('not-called');
    const oneManager = scoreItems({
      instrument: pulse,
      responses: [{ raterId: 'm', group: 'manager', answers: { 'focus-1': 3 } }],
    }).items;
    expect(pulseResult({ items: oneManager, focusAreas: [{ slot: 'focus-1' }] })[0]).toMatchObject({
      result: { n: 1, mean: 3, ci95: null },
      call: 'not-called',
    });
  });

  it('refuses a slot the pulse does not have, or one used twice', () => {
    expect(() => pulseResult({ items: report.items.items, focusAreas: [{ slot: 'focus-9' }] })).toThrow(ScoringInputError);
    expect(() => pulseResult({ items: report.items.items, focusAreas: [{ slot: 'focus-1' }, { slot: 'focus-1' }] })).toThrow(/used twice/);
  });
});

describe('a scale with negative points (the pulse runs on -3..+3)', () => {
  // Scoring on -3..+3 must be scoring on 1..7 shifted by -4: reverse scoring (min + max - v), rwg
  // (from the number of scale points), sd, intervals and fit (mean - target) must not assume 1..N.
  const seven: Instrument = {
    scale: { min: 1, max: 7 },
    dimensions: [{ id: 'A' }, { id: 'B' }],
    items: [
      { id: 'a1', dimensionId: 'A' },
      { id: 'a2', dimensionId: 'A', reverse: true },
      { id: 'a3', dimensionId: 'A' },
      { id: 'b1', dimensionId: 'B', reverse: true },
      { id: 'b2', dimensionId: 'B' },
      { id: 'b3', dimensionId: 'B' },
    ],
    roleProfiles: [{ id: 'p', name: 'p', targets: { A: 5, B: 3 } }],
  };
  const shifted: Instrument = { ...seven, scale: { min: -3, max: 3 }, roleProfiles: [{ id: 'p', name: 'p', targets: { A: 1, B: -1 } }] };
  const raterArb = fc.record({
    group: fc.constantFrom<RaterGroup>('self', 'manager', 'peer', 'direct_report'),
    answers: fc.array(fc.option(fc.integer({ min: 1, max: 7 }), { nil: null, freq: 5 }), { minLength: 6, maxLength: 6 }),
  });

  it('gives the same figures shifted by -4: means, intervals and item results move, sd, n, rwg, alpha-free agreement and fit do not', () => {
    fc.assert(
      fc.property(fc.array(raterArb, { maxLength: 12 }), (raters) => {
        const ids = seven.items.map((i) => i.id);
        const on = (shift: number): RaterResponse[] =>
          raters.map((r, k) => ({
            raterId: `r${k}`,
            group: r.group,
            answers: Object.fromEntries(ids.map((id, j) => [id, r.answers[j] === null ? null : r.answers[j] + shift])),
          }));
        const a = buildSubjectReport({ instrument: seven, responses: on(0) });
        const b = buildSubjectReport({ instrument: shifted, responses: on(-4) });
        const same = (x: Published | Suppressed | undefined, y: Published | Suppressed | undefined) => {
          expect(isPublished(x)).toBe(isPublished(y));
          if (!isPublished(x) || !isPublished(y)) return expect(x?.n).toBe(y?.n);
          expect(y.n).toBe(x.n);
          expect(y.mean).toBeCloseTo(x.mean - 4, 9);
          if (x.sd === null) expect(y.sd).toBeNull();
          else expect(y.sd).toBeCloseTo(x.sd, 9);
          if (x.rwg === null) expect(y.rwg).toBeNull();
          else expect(y.rwg).toBeCloseTo(x.rwg, 9);
          if (x.ci95 === null) expect(y.ci95).toBeNull();
          else {
            expect(y.ci95![0]).toBeCloseTo(x.ci95[0] - 4, 9);
            expect(y.ci95![1]).toBeCloseTo(x.ci95[1] - 4, 9);
          }
        };
        a.scores.dimensions.forEach((d, i) => {
          const e = b.scores.dimensions[i];
          same(d.others, e.others);
          for (const g of Object.keys(d.groups) as RaterGroup[]) same(d.groups[g], e.groups[g]);
          if (d.expectation === null) expect(e.expectation).toBeNull();
          else expect(e.expectation!.fit).toBeCloseTo(d.expectation.fit, 9);
          if (d.gap === null) expect(e.gap).toBeNull();
          else expect(e.gap).toBeCloseTo(d.gap, 9);
        });
        a.items.items.forEach((it, i) => same(it.others, b.items.items[i].others));
      }),
      { numRuns: 200 },
    );
  });
});

describe('pulseResult never shows a focus area below the threshold (property)', () => {
  const raterArb = fc.record({
    group: fc.constantFrom<RaterGroup>('peer', 'direct_report', 'skip_level', 'other', 'manager'),
    answers: fc.array(fc.option(fc.integer({ min: -3, max: 3 }), { nil: null, freq: 3 }), { minLength: 3, maxLength: 3 }),
  });
  it('every shown figure has at least the threshold of anonymous answers, or is a lone manager (identifiable by design); a hidden one has no mean', () => {
    fc.assert(
      fc.property(
        fc.array(raterArb, { maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 2, max: 5 }),
        (raters, slots, min) => {
          const responses: RaterResponse[] = raters.map((r, k) => ({
            raterId: `r${k}`,
            group: r.group,
            // slots the plan does not have are "not able to rate" for everyone
            answers: { 'focus-1': r.answers[0], 'focus-2': slots > 1 ? r.answers[1] : null, 'focus-3': slots > 2 ? r.answers[2] : null },
          }));
          const report = buildSubjectReport({ instrument: pulse, responses, policy: { minGroupSize: min } });
          const areas = ['focus-1', 'focus-2', 'focus-3'].slice(0, slots).map((slot) => ({ slot }));
          for (const f of pulseResult({ items: report.items.items, focusAreas: areas })) {
            if (!isPublished(f.result)) {
              expect(f.result).not.toHaveProperty('mean');
              expect(f.result).not.toHaveProperty('ci95');
              expect(f.call).toBeNull();
              continue;
            }
            const slotIndex = Number(f.slot.slice(-1)) - 1;
            const anonymous: RaterGroup[] = f.result.includes.filter((g) => g !== 'manager');
            const anonymousAnswers = raters.filter((r) => anonymous.includes(r.group) && r.answers[slotIndex] !== null).length;
            // each anonymous group in the figure is itself at the threshold, or hidden groups merged to reach it
            if (anonymous.length > 0) expect(anonymousAnswers).toBeGreaterThanOrEqual(min);
            for (const g of anonymous) {
              const own = raters.filter((r) => r.group === g && r.answers[slotIndex] !== null).length;
              const published = report.items.items[slotIndex].groups[g];
              if (isPublished(published)) expect(own).toBeGreaterThanOrEqual(min);
            }
            // the figure's n is exactly its answers: nothing is counted that the rater did not answer
            const counted = raters.filter(
              (r) =>
                f.result &&
                (f.result as Published & { includes: RaterGroup[] }).includes.includes(r.group) &&
                r.answers[slotIndex] !== null,
            ).length;
            expect(f.result.n).toBe(counted);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('pulseResult on stored figures (the gateway reads the report at REPORT_FIGURE_DECIMALS places)', () => {
  it('makes the call the exact figures make, unless an interval bound lies within rounding of zero, and then makes none', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 20 }), (values) => {
        const items = scoreItems({
          instrument: pulse,
          policy: { minGroupSize: 3 },
          responses: values.map((v, i) => ({ raterId: `p${i}`, group: 'peer', answers: { 'focus-1': v } })),
        }).items;
        const [exact] = pulseResult({ items, focusAreas: [{ slot: 'focus-1' }] });
        const [stored] = pulseResult({ items: roundFigures(items, REPORT_FIGURE_DECIMALS), focusAreas: [{ slot: 'focus-1' }] });
        const ci = isPublished(exact.result) ? exact.result.ci95 : null;
        const nearZero = ci !== null && ci.some((bound) => Math.abs(bound) < 0.5e-4);
        if (nearZero) expect([exact.call, 'not-called']).toContain(stored.call);
        else expect(stored.call).toBe(exact.call);
      }),
      { numRuns: 500 },
    );
  });
});
