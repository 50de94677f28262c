/**
 * The scoring service keeps each ledger row's disclosed view (deeply frozen) so that
 * @leaderscope/scoring computes its audit equations once. Checked in memory against the disclosure
 * rule with views built afresh at every decision (as before the cache): on a random history, with
 * rescore rows that show the same frozen responses under another result set and threshold, every
 * decision and report is the same, and every cached view is the view of its own row.
 */
import { getInstrument } from '@leaderscope/framework';
import { decideSnapshot, DisclosedView, RaterResponse } from '@leaderscope/scoring';
import { decideLiveSnapshot, disclosedViews, Ledger } from '../src/disclosure/disclosure-ledger';
import { computeSubjectReport, resolveBasis, scorableResponses, ScoringBasis, StoredResponse } from '../src/reports/compute-report';

const instrument = getInstrument('leader-of-leaders', 1);
const basis: ScoringBasis = {
  instrumentId: instrument.id,
  instrumentVersion: 1,
  roleProfileId: null,
  minGroupSize: 3,
  commentThreshold: null,
};
const GROUPS: [string, number][] = [
  ['self', 1],
  ['manager', 1],
  ['peer', 5],
  ['direct_report', 4],
  ['skip_level', 5],
];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = Ledger['rows'][number];

/** A fresh, unfrozen view of a row, as the service built them before the cache. */
function freshView(row: Row, responses: Map<string, StoredResponse>): DisclosedView {
  const inst = resolveBasis({
    instrumentId: row.instrument_id,
    instrumentVersion: row.instrument_version,
    roleProfileId: row.role_profile_id,
    minGroupSize: row.min_group_size,
    commentThreshold: row.comment_threshold,
  });
  return {
    basis: {
      resultSet: row.result_set,
      instrument: inst,
      policy: { minGroupSize: row.min_group_size, commentThreshold: row.comment_threshold ?? undefined },
    },
    responses: scorableResponses(
      row.response_ids.map((id) => responses.get(id)!),
      inst,
    ).scored,
  };
}

describe('the disclosed views the scoring service keeps', () => {
  it.each([1, 2, 3])('decide as views built afresh would, rescore rows of the same responses included (history %i)', (seed) => {
    const rnd = random(seed);
    let n = 0;
    const uuid = () => `00000000-0000-4000-8000-${String(seed * 100000 + ++n).padStart(12, '0')}`;
    const arrivals: { subjectId: string; raterId: string; group: string }[] = [];
    for (let s = 0; s < 4; s++)
      GROUPS.forEach(([group, k], g) => {
        for (let i = 0; i < k; i++) arrivals.push({ subjectId: `s${s}`, raterId: `s${s}g${g}r${i}`, group });
      });
    for (const a of [...arrivals]) if (rnd() < 0.25) arrivals.push(a);
    for (let i = arrivals.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [arrivals[i], arrivals[j]] = [arrivals[j], arrivals[i]];
    }
    const latest = new Map<string, Map<string, StoredResponse>>();
    const ledgers = new Map<string, Ledger>();
    const live = { resultSet: 'live', instrument: resolveBasis(basis), policy: { minGroupSize: 3, commentThreshold: undefined } };
    const toScoring = (rs: StoredResponse[]): RaterResponse[] => scorableResponses(rs, live.instrument).scored;
    let taken = 0;
    let refused = 0;
    for (const a of arrivals) {
      const answers: Record<string, number | null> = {};
      for (const item of instrument.items)
        if (item.observers.includes(a.group as never)) answers[item.id] = rnd() < 0.05 ? null : 1 + Math.floor(rnd() * 5);
      const mine = latest.get(a.subjectId) ?? new Map<string, StoredResponse>();
      mine.set(a.raterId, { responseId: uuid(), raterId: a.raterId, raterGroup: a.group, answers, comments: {} });
      latest.set(a.subjectId, mine);
      const ledger = ledgers.get(a.subjectId) ?? { rows: [], responses: new Map(), current: null };
      ledgers.set(a.subjectId, ledger);
      const received = [...mine.values()].sort((x, y) => (x.raterId < y.raterId ? -1 : 1));

      // the rule with every view built afresh
      const expected = decideSnapshot({
        basis: live,
        current: ledger.current ? toScoring(ledger.current.responses) : null,
        received: toScoring(received),
        disclosed: ledger.rows.map((row) => freshView(row, ledger.responses)),
      });
      const computed = computeSubjectReport(received, basis, 'seed');
      const decided = decideLiveSnapshot(ledger, basis, received, 'seed', { responses: received, computed });
      // every cached view is its own row's view
      expect(disclosedViews(ledger)).toEqual(ledger.rows.map((row) => freshView(row, ledger.responses)));
      expect(decided !== null).toBe(expected.take);
      if (!expected.take) {
        if (expected.reasons[0].startsWith('rater ')) refused++;
        continue;
      }
      taken++;
      expect(decided!.responses.map((r) => r.raterId)).toEqual(expected.responses.map((r) => r.raterId));
      expect(decided!.computed).toEqual(computeSubjectReport(decided!.responses, basis, 'seed'));
      for (const r of decided!.responses) ledger.responses.set(r.responseId!, r);
      const ids = decided!.responses.map((r) => r.responseId!);
      const row = (resultSet: string, minGroupSize: number): Row => ({
        result_set: resultSet,
        snapshot: decided!.snapshot,
        instrument_id: basis.instrumentId,
        instrument_version: 1,
        role_profile_id: null,
        min_group_size: minGroupSize,
        comment_threshold: null,
        response_ids: ids,
      });
      ledger.rows.push(row('live', 3));
      // now and then a rescore shows the same responses under another result set and threshold
      // (unchecked here, so that the audit has something to refuse later)
      if (rnd() < 0.4) ledger.rows.push(row(`rescore-${decided!.snapshot}`, rnd() < 0.5 ? 3 : 4));
      ledger.current = { snapshot: decided!.snapshot, responses: decided!.responses };
    }
    expect(taken).toBeGreaterThan(8);
    expect(refused + taken).toBeGreaterThan(8);
  });
});
