/**
 * The disclosure rule computes the figures of a frozen view once per view object (`decideSnapshot`,
 * `decideResultSet` and `auditViews` take their views as frozen, and the scoring service hands the
 * same objects in at every decision). A memo of a pure function: these tests check that the
 * decisions are the ones computed from scratch.
 */
import fc from 'fast-check';
import {
  auditViews,
  decideResultSet,
  decideSnapshot,
  DisclosedView,
  DisclosureBasis,
  figureEquations,
  Instrument,
  isolatedRaters,
  Policy,
  RATER_GROUPS,
  RaterGroup,
  RaterResponse,
} from './index';
import { referenceDecision } from '../test/reference-decision';

const DIMS = ['D0', 'D1', 'D2'];
const MAX_ITEMS = 6;
const answer = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 });
const scenario = fc.record({
  items: fc.array(
    fc.record({
      dim: fc.integer({ min: 0, max: DIMS.length - 1 }),
      movedTo: fc.integer({ min: 0, max: DIMS.length - 1 }),
      reverse: fc.boolean(),
      observers: fc.option(fc.subarray([...RATER_GROUPS], { minLength: 1 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: MAX_ITEMS },
  ),
  policy: fc.record({
    minGroupSize: fc.integer({ min: 1, max: 4 }),
    othersMean: fc.constantFrom<Policy['othersMean']>('pooled', 'mean-of-groups'),
    exemptGroups: fc.subarray([...RATER_GROUPS]),
  }),
  arrivals: fc.array(
    fc.record({
      rater: fc.integer({ min: 0, max: 10 }),
      group: fc.constantFrom<RaterGroup>(...RATER_GROUPS),
      answers: fc.array(answer, { minLength: MAX_ITEMS, maxLength: MAX_ITEMS }),
      rescore: fc.constantFrom(0, 0, 1, 2),
    }),
    { minLength: 1, maxLength: 14 },
  ),
});

/** A deep copy: equal, and no object in common with the original. */
const copy = <T>(x: T): T => structuredClone(x);

describe('figures of frozen views, computed once per view object', () => {
  it('decide as from scratch and as on fresh copies, on random histories with rescores', () => {
    let taken = 0;
    let audited = 0;
    let withheld = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const items = s.items.map((it, j) => ({ id: `i${j}`, dimensionId: DIMS[it.dim], reverse: it.reverse, observers: it.observers }));
        const instrument: Instrument = { scale: { min: 1, max: 5 }, dimensions: DIMS.map((id) => ({ id })), items };
        // a second version moves items between dimensions and reverse-scores the first
        const v2: Instrument = {
          ...instrument,
          items: items.map((it, j) => ({ ...it, dimensionId: DIMS[s.items[j].movedTo], reverse: j === 0 ? !it.reverse : it.reverse })),
        };
        const live: DisclosureBasis = { resultSet: 'live', instrument, policy: s.policy };
        const groupOf = new Map<string, RaterGroup>();
        const latest = new Map<string, RaterResponse>();
        let current: RaterResponse[] | null = null;
        const disclosed: DisclosedView[] = [];
        s.arrivals.forEach((a, step) => {
          const id = `r${a.rater}`;
          const group = groupOf.get(id) ?? a.group;
          groupOf.set(id, group);
          latest.set(id, { raterId: id, group, answers: Object.fromEntries(items.map((it, j) => [it.id, a.answers[j]])) });
          // the same objects as at the decisions before (what the scoring service hands in)
          const input = { basis: live, current, received: [...latest.values()], disclosed: [...disclosed] };
          const decision = decideSnapshot(input);
          expect(decision).toEqual(decideSnapshot(copy(input)));
          expect(decision).toEqual(referenceDecision(copy(input)));
          if (decision.take) {
            taken++;
            current = decision.responses;
            disclosed.push({ basis: live, responses: current });
          } else if (decision.reasons[0].startsWith('rater ')) audited++;
          if (!current || a.rescore === 0) return;
          const basis: DisclosureBasis =
            a.rescore === 1
              ? { resultSet: `v2-${step}`, instrument: v2, policy: s.policy }
              : { resultSet: `t-${step}`, instrument, policy: { ...s.policy, minGroupSize: s.policy.minGroupSize + 1 } };
          const view = { basis, responses: current };
          const shown = decideResultSet(view, disclosed);
          expect(shown).toEqual(decideResultSet(copy(view), copy(disclosed)));
          const isolated = isolatedRaters([...disclosed, view].flatMap(figureEquations));
          expect(shown.disclose).toBe(isolated.length === 0);
          if (!shown.disclose) withheld++;
          // shown unchecked now and then, so that the audit has something to refuse later
          if (shown.disclose || step % 2 === 0) disclosed.push(view);
        });
        expect(auditViews(disclosed)).toEqual(isolatedRaters(copy(disclosed).flatMap(figureEquations)));
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(taken).toBeGreaterThan(100);
    expect(audited).toBeGreaterThan(10);
    expect(withheld).toBeGreaterThan(10);
  });

  // the example of disclosure.spec.ts: v2 moves a2 to B, and the two views together isolate p1
  const instrument: Instrument = {
    scale: { min: 1, max: 5 },
    dimensions: [{ id: 'A' }, { id: 'B' }],
    items: [
      { id: 'a1', dimensionId: 'A' },
      { id: 'a2', dimensionId: 'A' },
      { id: 'b1', dimensionId: 'B' },
    ],
  };
  const live: DisclosureBasis = { resultSet: 'live', instrument, policy: { minGroupSize: 3 } };
  const v2: DisclosureBasis = {
    resultSet: 'v2',
    instrument: { ...instrument, items: instrument.items.map((i) => (i.id === 'a2' ? { ...i, dimensionId: 'B' } : i)) },
    policy: { minGroupSize: 3 },
  };
  const r = (raterId: string, a1: number | null, a2: number | null, b1: number | null): RaterResponse => ({
    raterId,
    group: 'peer',
    answers: { a1, a2, b1 },
  });

  it('keeps the figures of one responses array apart per basis', () => {
    const responses = [r('p1', 3, 4, 2), r('p2', 3, null, 2), r('p3', 3, null, 2)];
    expect(auditViews([{ basis: live, responses }])).toEqual([]);
    expect(decideResultSet({ basis: v2, responses }, [{ basis: live, responses }])).toEqual({
      disclose: false,
      reasons: [expect.stringMatching(/^rater p1 would be isolated by .*v2\|A\|peer/)],
    });
    expect(auditViews([{ basis: v2, responses }])).toEqual([]);
  });

  it('scores a responses array again when the responses it holds changed', () => {
    const responses = [r('p1', 3, 4, 2), r('p2', 3, null, 2), r('p3', 3, null, 2)];
    const view = { basis: live, responses };
    expect(auditViews([view, { basis: v2, responses: [...responses] }]).map((i) => i.raterId)).toEqual(['p1']);
    // (a breach of the contract: views are frozen) p2 and p3 now answered a2 too, so A means the same
    // items for everyone in both versions
    responses.splice(1, 2, r('p2', 3, 4, 2), r('p3', 3, 4, 2));
    expect(auditViews([view, { basis: v2, responses: [...responses] }])).toEqual([]);
  });
});
