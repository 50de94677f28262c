import fc from 'fast-check';
import {
  auditViews,
  buildSubjectReport,
  BuildSubjectReportInput,
  figureEquations,
  isPublished,
  Published,
  RATER_GROUPS,
  RaterGroup,
  RaterResponse,
  scoreSubject,
  SubjectReport,
  Suppressed,
} from './index';

/* ---------- a random but valid subject: instrument, raters, policy, comments ---------- */

const MAX_ITEMS = 8;
const DIMS = ['D0', 'D1', 'D2'];

const itemArb = fc.record({
  dim: fc.integer({ min: 0, max: DIMS.length - 1 }),
  reverse: fc.boolean(),
  observers: fc.option(fc.subarray([...RATER_GROUPS], { minLength: 1 }), { nil: undefined }),
});
const raterArb = fc.record({
  group: fc.constantFrom<RaterGroup>(...RATER_GROUPS),
  answers: fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 }), { minLength: MAX_ITEMS, maxLength: MAX_ITEMS }),
  comment: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }),
});
const scenarioArb = fc.record({
  items: fc.array(itemArb, { minLength: 1, maxLength: MAX_ITEMS }),
  raters: fc.array(raterArb, { maxLength: 14 }),
  policy: fc.record({
    minGroupSize: fc.integer({ min: 1, max: 4 }),
    minItemCoverage: fc.constantFrom(0, 1 / 3, 0.5, 1),
    othersMean: fc.constantFrom<'pooled' | 'mean-of-groups'>('pooled', 'mean-of-groups'),
    exemptGroups: fc.subarray([...RATER_GROUPS]),
  }),
  targets: fc.array(
    fc.integer({ min: 2, max: 10 }).map((x) => x / 2),
    { minLength: DIMS.length, maxLength: DIMS.length },
  ),
  seed: fc.string({ maxLength: 8 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function toInput(s: Scenario): BuildSubjectReportInput {
  const items = s.items.map((it, j) => ({ id: `i${j}`, dimensionId: DIMS[it.dim], reverse: it.reverse, observers: it.observers }));
  const responses: RaterResponse[] = s.raters.map((r, k) => ({
    raterId: `r${k}`,
    group: r.group,
    answers: Object.fromEntries(items.map((it, j) => [it.id, r.answers[j]])),
  }));
  const comments = s.raters.flatMap((r, k) =>
    r.comment === undefined
      ? []
      : [{ raterId: `r${k}`, group: r.group, text: r.comment, dimensionId: k % 2 ? DIMS[k % DIMS.length] : undefined }],
  );
  return {
    instrument: { scale: { min: 1, max: 5 }, dimensions: DIMS.map((id) => ({ id })), items },
    responses,
    policy: s.policy,
    roleProfiles: [
      { id: 'p1', name: 'one', targets: Object.fromEntries(DIMS.map((d, i) => [d, s.targets[i]])) },
      { id: 'p2', name: 'two', targets: { D0: 3 } },
    ],
    transitionRisks: items.map((it) => ({
      id: `risk-${it.id}`,
      name: it.id,
      signals: [{ itemId: it.id, groups: [...RATER_GROUPS] }],
      rule: { atOrBelow: 3, minSignals: 1 },
    })),
    comments,
    seed: s.seed,
  };
}

/** Deterministic permutation from an integer seed (Fisher–Yates with an LCG). */
function permute<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const exemptOf = (input: BuildSubjectReportInput) => new Set(input.policy?.exemptGroups ?? ['self', 'manager']);
const minOf = (input: BuildSubjectReportInput) => input.policy?.minGroupSize ?? 3;

/* ---------- anonymity ---------- */

describe('property: nothing below the threshold is published', () => {
  it('a non-exempt group with fewer than minGroupSize counted raters is Suppressed, with no statistic', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const input = toInput(s);
        const r = buildSubjectReport(input);
        const exempt = exemptOf(input);
        for (const d of r.scores.dimensions) {
          for (const [g, entry] of Object.entries(d.groups) as [RaterGroup, Published | Suppressed][]) {
            expect(entry.n).toBeGreaterThanOrEqual(1);
            if (!exempt.has(g) && entry.n < minOf(input)) {
              expect(entry).toEqual({ suppressed: true, n: entry.n, reason: expect.any(String) });
            } else {
              expect(isPublished(entry)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no published aggregate lets a hidden group be worked out by subtraction (rule 5)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const input = toInput(s);
        const { dimensions } = scoreSubject(input);
        for (const d of dimensions) {
          if (!isPublished(d.others)) continue;
          const others = d.others;
          expect(others.includes).not.toContain('self');
          // others.n·mean − Σ (published included groups' n·mean) = the hidden raters' total; it must
          // cover zero raters or at least minGroupSize of them.
          let hiddenRaters = 0;
          let publishedRaters = 0;
          for (const g of others.includes) {
            const e = d.groups[g]!;
            if (isPublished(e)) publishedRaters += e.n;
            else hiddenRaters += e.n;
          }
          expect(hiddenRaters === 0 || hiddenRaters >= minOf(input)).toBe(true);
          expect(others.n).toBe(publishedRaters + hiddenRaters);
          // every published non-self group takes part (nothing is dropped needlessly)
          for (const g of RATER_GROUPS) if (g !== 'self' && isPublished(d.groups[g])) expect(others.includes).toContain(g);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the whole report is unchanged when a hidden group’s answers and comments change (non-interference)', () => {
    let exercised = 0;
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 200, maxLength: 200 }),
        fc.array(fc.string({ maxLength: 6 }), { minLength: 20, maxLength: 20 }),
        (s, shifts, texts) => {
          const input = toInput(s);
          const before = buildSubjectReport(input);
          const min = minOf(input);
          // For each dimension: the groups that are suppressed there and not part of `others`.
          const hidden = new Map<string, Set<RaterGroup>>();
          for (const d of before.scores.dimensions) {
            const inc = isPublished(d.others) ? (d.others as { includes: RaterGroup[] }).includes : [];
            const set = new Set<RaterGroup>();
            for (const [g, e] of Object.entries(d.groups) as [RaterGroup, Published | Suppressed][])
              if (!isPublished(e) && !inc.includes(g)) set.add(g);
            hidden.set(d.dimensionId, set);
          }
          const respondents = new Map<RaterGroup, number>();
          for (const r of input.responses) respondents.set(r.group, (respondents.get(r.group) ?? 0) + 1);
          let k = 0;
          let changed = 0;
          const items = input.instrument.items;
          const responses = input.responses.map((r) => {
            const answers = { ...r.answers };
            for (const it of items) {
              const v = answers[it.id];
              if (v !== null && v !== undefined && hidden.get(it.dimensionId)!.has(r.group)) {
                answers[it.id] = ((v - 1 + shifts[k++ % shifts.length]) % 5) + 1; // a different value, same null pattern
                changed++;
              }
            }
            return { ...r, answers };
          });
          const comments = (input.comments ?? []).map((c, i) =>
            (respondents.get(c.group) ?? 0) < min ? { ...c, text: `${texts[i % texts.length]}#${i}` } : c,
          );
          const after = buildSubjectReport({ ...input, responses, comments });
          expect(after).toEqual(before);
          if (changed > 0) exercised++;
        },
      ),
      { numRuns: 300 },
    );
    // the generator must actually produce hidden groups with answers to change
    expect(exercised).toBeGreaterThan(50);
  });

  it('comments are shown only for groups at or above the threshold and never carry a rater id', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const input = toInput(s);
        const r = buildSubjectReport(input);
        const respondents = new Map<RaterGroup, number>();
        for (const x of input.responses) respondents.set(x.group, (respondents.get(x.group) ?? 0) + 1);
        for (const c of r.comments) {
          expect(respondents.get(c.group)!).toBeGreaterThanOrEqual(minOf(input));
          expect(c).not.toHaveProperty('raterId');
        }
        const expected = (input.comments ?? []).filter(
          (c) => (respondents.get(c.group) ?? 0) >= minOf(input) && c.text.trim() !== '',
        ).length;
        expect(r.comments).toHaveLength(expected);
      }),
    );
  });
});

describe('property: item-level results keep the same anonymity rules', () => {
  it('no item figure below the threshold: a non-exempt group with fewer answers than minGroupSize is Suppressed', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const input = toInput(s);
        const r = buildSubjectReport(input);
        const exempt = exemptOf(input);
        const dims = new Map(r.scores.dimensions.map((d) => [d.dimensionId, d]));
        for (const it of r.items.items) {
          const dim = dims.get(it.dimensionId)!;
          for (const [g, entry] of Object.entries(it.groups) as [RaterGroup, Published | Suppressed][]) {
            expect(entry.n).toBeGreaterThanOrEqual(1);
            // an item reads only raters counted on its dimension
            expect(entry.n).toBeLessThanOrEqual(dim.groups[g]!.n);
            if (!exempt.has(g) && entry.n < minOf(input))
              expect(entry).toEqual({ suppressed: true, n: entry.n, reason: expect.any(String) });
            else if (exempt.has(g)) expect(isPublished(entry)).toBe(true);
            // a non-exempt group is shown on an item only when every rater counted on the dimension answered it
            else if (isPublished(entry)) expect(entry.n).toBe(dim.groups[g]!.n);
            else expect(entry).toEqual({ suppressed: true, n: entry.n, reason: expect.stringContaining('answered different items') });
          }
          if (isPublished(it.others)) {
            expect(it.others.mean).toBeGreaterThanOrEqual(1);
            expect(it.others.mean).toBeLessThanOrEqual(5);
          }
        }
        for (const x of [...r.items.highest, ...r.items.lowest])
          expect(isPublished(r.items.items.find((i) => i.itemId === x.itemId)!.others)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('no residual by subtraction: item others minus the groups published on the item covers 0 or ≥ minGroupSize raters', () => {
    let merged = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const input = toInput(s);
        const r = buildSubjectReport(input);
        const dims = new Map(r.scores.dimensions.map((d) => [d.dimensionId, d]));
        for (const it of r.items.items) {
          if (!isPublished(it.others)) continue;
          const others = it.others;
          const dim = dims.get(it.dimensionId)!;
          // only groups that the dimension's published others includes
          expect(isPublished(dim.others)).toBe(true);
          for (const g of others.includes) expect((dim.others as { includes: RaterGroup[] }).includes).toContain(g);
          let hidden = 0;
          let published = 0;
          for (const g of others.includes) {
            const e = it.groups[g]!;
            if (isPublished(e)) published += e.n;
            else hidden += e.n;
          }
          expect(hidden === 0 || hidden >= minOf(input)).toBe(true);
          expect(others.n).toBe(published + hidden);
          if (hidden > 0) merged++;
          // the residual others.n·mean − Σ published n·mean is then the sum of ≥ minGroupSize answers (or nothing)
          for (const g of others.includes) if (isPublished(it.groups[g])) expect(others.includes).toContain(g);
        }
      }),
      { numRuns: 300 },
    );
    expect(merged).toBeGreaterThan(0); // the generator reaches the merged case
  });
});

describe('property: one report, items included, gives away nothing of a single rater', () => {
  it('the equations of every figure a report shows isolate no non-exempt rater (the disclosure audit on one view)', () => {
    let itemFigures = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const input = toInput(s);
        fc.pre(minOf(input) >= 2); // a threshold of 1 shows single answers by choice
        const view = { basis: { resultSet: 'live', instrument: input.instrument, policy: input.policy }, responses: input.responses };
        itemFigures += figureEquations(view).filter((e) => e.figure.includes('|item ') && e.raters.length > 0).length;
        expect(auditViews([view])).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect(itemFigures).toBeGreaterThan(0); // the generator reaches published item figures
  });
});

/* ---------- order, scale, reverse scoring ---------- */

describe('property: raters’ order does not matter', () => {
  it('permuting responses and comments gives an identical report', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), fc.integer(), (s, a, b) => {
        const input = toInput(s);
        const shuffled = { ...input, responses: permute(input.responses, a), comments: permute(input.comments ?? [], b) };
        expect(buildSubjectReport(shuffled)).toEqual(buildSubjectReport(input));
      }),
      { numRuns: 200 },
    );
  });
});

function allMeans(r: SubjectReport): number[] {
  const out: number[] = [];
  for (const d of r.scores.dimensions) {
    for (const e of Object.values(d.groups)) if (isPublished(e)) out.push(e.mean);
    if (isPublished(d.others)) out.push(d.others.mean);
  }
  if (r.overall.others !== null) out.push(r.overall.others);
  if (r.overall.self !== null) out.push(r.overall.self);
  for (const x of [...r.strengths.byMean, ...r.developmentAreas.byMean]) out.push(x.others);
  for (const x of [...r.blindSpots, ...r.hiddenStrengths]) out.push(x.self, x.others);
  for (const risk of r.transitionRisks) for (const s of risk.signals) if (s.mean !== null) out.push(s.mean);
  for (const p of r.readiness) for (const d of p.dimensions) if (d.others !== null) out.push(d.others);
  return out;
}

describe('property: every mean lies on the scale', () => {
  it('all means are within [min, max]; sd ≥ 0; rwg in [0, 1]; the interval contains the mean', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = buildSubjectReport(toInput(s));
        for (const m of allMeans(r)) {
          expect(m).toBeGreaterThanOrEqual(1 - 1e-12);
          expect(m).toBeLessThanOrEqual(5 + 1e-12);
        }
        for (const d of r.scores.dimensions) {
          for (const e of [...Object.values(d.groups), d.others]) {
            if (!isPublished(e)) continue;
            if (e.sd !== null) expect(e.sd).toBeGreaterThanOrEqual(0);
            if (e.rwg !== null) {
              expect(e.rwg).toBeGreaterThanOrEqual(0);
              expect(e.rwg).toBeLessThanOrEqual(1);
            }
            if (e.ci95) {
              expect(e.ci95[0]).toBeLessThanOrEqual(e.mean + 1e-12);
              expect(e.ci95[1]).toBeGreaterThanOrEqual(e.mean - 1e-12);
            }
            expect(e.n >= 2 || (e.sd === null && e.ci95 === null && e.rwg === null)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('property: reverse scoring is symmetric', () => {
  it('flipping an item’s reverse flag and mirroring its answers changes nothing', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.boolean(), { minLength: MAX_ITEMS, maxLength: MAX_ITEMS }), (s, flip) => {
        const input = toInput(s);
        const items = input.instrument.items.map((it, j) => (flip[j] ? { ...it, reverse: !it.reverse } : it));
        const responses = input.responses.map((r) => ({
          ...r,
          answers: Object.fromEntries(
            Object.entries(r.answers).map(([id, v]) => [id, v !== null && flip[Number(id.slice(1))] ? 6 - v : v]),
          ),
        }));
        expect(scoreSubject({ ...input, instrument: { ...input.instrument, items }, responses })).toEqual(scoreSubject(input));
      }),
      { numRuns: 200 },
    );
  });

  it('mirroring every answer mirrors every mean (m → min + max − m) and negates the gap', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const input = toInput(s);
        const mirrored = {
          ...input,
          responses: input.responses.map((r) => ({
            ...r,
            answers: Object.fromEntries(Object.entries(r.answers).map(([id, v]) => [id, v === null ? v : 6 - v])),
          })),
        };
        const a = scoreSubject(input).dimensions;
        const b = scoreSubject(mirrored).dimensions;
        a.forEach((d, i) => {
          const e = b[i];
          for (const g of RATER_GROUPS) {
            const x = d.groups[g];
            const y = e.groups[g];
            expect(isPublished(x as Published)).toBe(isPublished(y as Published));
            if (isPublished(x)) {
              expect((y as Published).mean).toBeCloseTo(6 - x.mean, 10);
              expect((y as Published).n).toBe(x.n);
              if (x.rwg !== null) expect((y as Published).rwg!).toBeCloseTo(x.rwg, 10);
            }
          }
          if (d.gap !== null) expect(e.gap!).toBeCloseTo(-d.gap, 10);
          else expect(e.gap).toBeNull();
        });
      }),
      { numRuns: 200 },
    );
  });
});

/* ---------- rule 8: any corruption of a valid input is refused, naming the culprit ---------- */

describe('property: bad input is never scored silently', () => {
  const corruption = fc.oneof(
    fc.record({
      kind: fc.constant('value' as const),
      value: fc.oneof(fc.constantFrom(0, 6, -1, 2.5, NaN, Infinity, -Infinity), fc.double({ min: 5.0001, max: 1e9, noNaN: true })),
    }),
    fc.record({ kind: fc.constant('unknown-item' as const), value: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), value: fc.constant(0) }),
  );

  it('throws ScoringInputError naming the rater (and item) for every corruption', () => {
    fc.assert(
      fc.property(scenarioArb, corruption, fc.nat(), (s, c, pick) => {
        fc.pre(s.raters.length > 0);
        const input = toInput(s);
        const k = pick % input.responses.length;
        const victim = input.responses[k];
        const responses = input.responses.map((r) => ({ ...r, answers: { ...r.answers } }));
        let expected: RegExp;
        if (c.kind === 'value') {
          (responses[k].answers as Record<string, number>).i0 = c.value;
          expected = new RegExp(`rater "${victim.raterId}", item "i0": answer .* (is outside the scale|is not a finite number)`);
        } else if (c.kind === 'unknown-item') {
          (responses[k].answers as Record<string, number>)['no-such-item'] = c.value;
          expected = new RegExp(`rater "${victim.raterId}" answered unknown item "no-such-item"`);
        } else {
          responses.push({ ...responses[k] });
          expected = new RegExp(`rater "${victim.raterId}" is listed twice`);
        }
        expect(() => scoreSubject({ ...input, responses })).toThrow(expected);
        expect(() => buildSubjectReport({ ...input, responses })).toThrow(expected);
      }),
      { numRuns: 300 },
    );
  });
});
