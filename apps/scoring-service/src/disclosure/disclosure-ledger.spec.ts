/**
 * The ledger views kept across decisions (`frozenViews`): a decision with them is the decision
 * from views built anew, after every snapshot taken in the same process, for every subject and
 * result set apart. In memory: each ledger is what `loadLedgers` would read (new objects at every
 * read), the decisions are `decideLiveSnapshot`'s.
 */
import { getInstrument } from '@leaderscope/framework';
import { decideSnapshot, DisclosedView } from '@leaderscope/scoring';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { resolveBasis, ScoringBasis, scorableResponses, StoredResponse } from '../reports/compute-report';
import { decideLiveSnapshot, disclosedViews, forgetCycleViews, keptViewCount, Ledger, ledgerRow, RecentlyUsed } from './disclosure-ledger';

const instrument = getInstrument('leader-of-leaders', 2);
const basis: ScoringBasis = {
  instrumentId: instrument.id,
  instrumentVersion: 2,
  roleProfileId: null,
  minGroupSize: 3,
  commentThreshold: null,
};
const v1: ScoringBasis = { ...basis, instrumentVersion: 1 };

interface Recorded {
  resultSet: string;
  snapshot: number;
  basis: ScoringBasis;
  responses: StoredResponse[];
}

/** A subject's ledger as `loadLedgers` reads it from what was recorded: new objects at every read. */
function ledgerOf(subject: { cycleId: string; subjectId: string }, recorded: Recorded[]): Ledger {
  const read = structuredClone(recorded);
  const rows = read.map(({ resultSet, snapshot, basis, responses }) => {
    const { cycle_id, subject_id, ...row } = ledgerRow({ ...subject, resultSet, snapshot }, basis, responses);
    return row;
  });
  const responses = new Map(read.flatMap((v) => v.responses).map((r) => [r.responseId!, r]));
  const live = read.filter((v) => v.resultSet === 'live').at(-1);
  return {
    ...subject,
    rows,
    responses,
    current: live ? { snapshot: live.snapshot, responses: live.responses.map((r) => responses.get(r.responseId!)!) } : null,
  };
}

/** A view built anew, as nothing were kept. */
function freshView(resultSet: string, b: ScoringBasis, responses: StoredResponse[]): DisclosedView {
  const inst = resolveBasis(b);
  return {
    basis: { resultSet, instrument: inst, policy: { minGroupSize: b.minGroupSize, commentThreshold: b.commentThreshold ?? undefined } },
    responses: scorableResponses(structuredClone(responses), inst).scored,
  };
}

/** The decision from views built anew: the raters of the next snapshot, or null. */
function decidedAnew(ledger: Ledger, received: StoredResponse[]): string[] | null {
  const decision = decideSnapshot({
    basis: freshView('live', basis, []).basis,
    current: ledger.current ? freshView('live', basis, ledger.current.responses).responses : null,
    received: freshView('live', basis, received).responses,
    disclosed: ledger.rows.map((row) =>
      freshView(
        row.result_set,
        { ...basis, instrumentVersion: row.instrument_version, minGroupSize: row.min_group_size },
        row.response_ids.map((id) => ledger.responses.get(id)!),
      ),
    ),
  });
  return decision.take ? decision.responses.map((r) => r.raterId) : null;
}

/** A rater's answers to the items of their group, some "not able to rate" unless `everyItem`. */
function response(raterId: string, raterGroup: string, seed: number, everyItem = false): StoredResponse {
  const answers: Record<string, number | null> = {};
  instrument.items.forEach((item, i) => {
    if (item.observers.includes(raterGroup as never))
      answers[item.id] = !everyItem && (seed * 7 + i * 3) % 11 === 0 ? null : 1 + ((seed + i) % 5);
  });
  return { responseId: randomUUID(), raterId, raterGroup, answers, comments: {} };
}

/** One subject's live path in this process: each response decided on the ledger read again, each snapshot taken recorded. */
class LiveSubject {
  readonly recorded: Recorded[] = [];
  readonly latest = new Map<string, StoredResponse>();
  constructor(
    readonly cycleId: string,
    readonly subjectId: string,
  ) {}

  /** Decides on a response; returns the response ids of the snapshot taken (or null), checked against the decision from scratch. */
  submit(r: StoredResponse): string[] | null {
    this.latest.set(r.raterId, r);
    const ledger = ledgerOf(this, this.recorded);
    const received = structuredClone([...this.latest.values()]);
    const taken = decideLiveSnapshot(ledger, basis, received, `${this.cycleId}:${this.subjectId}`);
    // the same raters, recorded by rater whatever order the decision listed them in
    expect(taken?.responses.map((x) => x.raterId) ?? null).toEqual(decidedAnew(ledgerOf(this, this.recorded), received)?.sort() ?? null);
    if (!taken) return null;
    expect(taken.snapshot).toBe((ledger.current?.snapshot ?? 0) + 1);
    this.recorded.push({ resultSet: 'live', snapshot: taken.snapshot, basis, responses: taken.responses });
    // The new row, read back, is the decision's own view (its figures kept with it by the scoring
    // package), not one built and scored again.
    expect(disclosedViews(ledgerOf(this, this.recorded)).at(-1)).toBe(taken.view);
    return taken.responses.map((x) => x.responseId!);
  }

  rescore(resultSet: string, b: ScoringBasis): void {
    const live = this.recorded.filter((v) => v.resultSet === 'live').at(-1)!;
    this.recorded.push({ resultSet, snapshot: live.snapshot, basis: b, responses: live.responses });
  }
}

describe('the ledger views kept across decisions', () => {
  it('decide after a new snapshot with the new snapshot in force (its frozen answers, not a later correction)', () => {
    const s = new LiveSubject(randomUUID(), 'subject-1');
    const peers = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => response(`p${i}`, 'peer', i, true));
    expect(s.submit(response('self', 'self', 0, true))).not.toBeNull(); // the self figure appears: published by design
    expect(s.submit(peers[0])).toBeNull();
    expect(s.submit(peers[1])).toBeNull();
    expect(s.submit(peers[2])).toHaveLength(4);
    expect(s.submit(peers[3])).toBeNull(); // one new peer would move the peer figures by one
    expect(s.submit(peers[4])).toBeNull();
    const second = s.submit(peers[5])!;
    expect(second).toHaveLength(7);
    // p4 corrects their answers after the second snapshot: its frozen answers stay in force
    const correction = response('p4', 'peer', 40, true);
    expect(s.submit(correction)).toBeNull();
    expect(s.submit(peers[6])).toBeNull(); // against the second snapshot: one new peer
    expect(s.submit(peers[7])).toBeNull();
    const third = s.submit(peers[8])!;
    expect(third).toHaveLength(10);
    expect(third).toContain(peers[3].responseId); // with the first snapshot in force it would be the correction
    expect(third).not.toContain(correction.responseId);
  });

  it('decide as from scratch on random histories of two subjects of one cycle, with rescores', () => {
    const groups = ['self', 'manager', 'peer', 'peer', 'peer', 'peer', 'direct_report', 'direct_report', 'direct_report', 'skip_level'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ subject: fc.integer({ min: 0, max: 1 }), rater: fc.integer({ min: 0, max: groups.length - 1 }), seed: fc.nat(100) }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.array(fc.nat(29), { maxLength: 3 }),
        (arrivals, rescoreAt) => {
          const cycleId = randomUUID();
          const subjects = [new LiveSubject(cycleId, 's1'), new LiveSubject(cycleId, 's2')];
          arrivals.forEach((a, step) => {
            const s = subjects[a.subject];
            // the same rater ids for both subjects (the same people rate two leaders)
            s.submit(response(`r${a.rater}`, groups[a.rater], a.seed));
            if (rescoreAt.includes(step) && s.recorded.length > 0) s.rescore(`rescore-${step}`, step % 2 ? v1 : basis);
          });
        },
      ),
      { numRuns: 40, seed: 3 },
    );
  });

  it('keeps one view per subject, result set, snapshot and basis, the same object at every read', () => {
    const cycleId = randomUUID();
    const peers = [1, 2, 3].map((i) => response(`p${i}`, 'peer', i));
    // (a response id stands for one stored response version; only here does one stand for two)
    const other = peers.map((r, i) => ({ ...response(r.raterId, 'peer', 10 + i), responseId: r.responseId }));
    const recorded: Recorded[] = [
      { resultSet: 'live', snapshot: 1, basis, responses: peers },
      { resultSet: 'rescore-1', snapshot: 1, basis, responses: peers },
      { resultSet: 'rescore-2', snapshot: 1, basis: v1, responses: peers },
    ];
    const [live, same, older] = disclosedViews(ledgerOf({ cycleId, subjectId: 's1' }, recorded));
    expect([live, same, older].map((v) => v.basis.resultSet)).toEqual(['live', 'rescore-1', 'rescore-2']);
    expect(new Set([live, same, older]).size).toBe(3);
    expect(older.basis.instrument).toBe(getInstrument(instrument.id, 1));
    // read again: the same objects
    const again = disclosedViews(ledgerOf({ cycleId, subjectId: 's1' }, recorded));
    expect(again[0]).toBe(live);
    expect(again[1]).toBe(same);
    expect(again[2]).toBe(older);
    // another subject, even with the same response ids, has its own views
    const s2 = disclosedViews(ledgerOf({ cycleId, subjectId: 's2' }, [{ resultSet: 'live', snapshot: 1, basis, responses: other }]));
    expect(s2[0]).not.toBe(live);
    expect(s2[0].responses.map((r) => r.answers)).toEqual(freshView('live', basis, other).responses.map((r) => r.answers));
    expect(live.responses.map((r) => r.answers)).toEqual(freshView('live', basis, peers).responses.map((r) => r.answers));
    // another snapshot 1 (say the first was rolled back) with other responses: another view
    const corrected = other.map((r) => ({ ...r, responseId: randomUUID() }));
    const redone = disclosedViews(
      ledgerOf({ cycleId, subjectId: 's1' }, [{ resultSet: 'live', snapshot: 1, basis, responses: corrected }]),
    );
    expect(redone[0]).not.toBe(live);
    expect(redone[0].responses.map((r) => r.answers)).toEqual(s2[0].responses.map((r) => r.answers));
    // a purge of the cycle's responses forgets them
    const kept = keptViewCount();
    forgetCycleViews(cycleId);
    expect(keptViewCount()).toBe(kept - 5);
    expect(disclosedViews(ledgerOf({ cycleId, subjectId: 's1' }, recorded))[0]).not.toBe(live);
  });
});

describe('views read for a rescore', () => {
  it('uses the views kept for live decisions but keeps none of its own', () => {
    const cycleId = randomUUID();
    const peers = [1, 2, 3].map((i) => response(`p${i}`, 'peer', i));
    const kept = { cycleId, subjectId: 's1' };
    const [live] = disclosedViews(ledgerOf(kept, [{ resultSet: 'live', snapshot: 1, basis, responses: peers }]));
    const before = keptViewCount();
    // the rescore reads the same subject: the kept object
    expect(disclosedViews(ledgerOf(kept, [{ resultSet: 'live', snapshot: 1, basis, responses: peers }]), false)[0]).toBe(live);
    // and another subject: a view made for it, not kept
    const visited = ledgerOf({ cycleId, subjectId: 's2' }, [{ resultSet: 'live', snapshot: 1, basis, responses: peers }]);
    const once = disclosedViews(visited, false)[0];
    expect(keptViewCount()).toBe(before);
    expect(disclosedViews(visited, false)[0]).not.toBe(once);
    forgetCycleViews(cycleId);
  });
});

describe('RecentlyUsed', () => {
  it('forgets the least recently used beyond its capacity, and entries idle too long', () => {
    let now = 0;
    const kept = new RecentlyUsed<number>(2, 1000, () => now);
    kept.set('a', 1);
    kept.set('b', 2);
    expect(kept.get('a')).toBe(1); // now b is the least recently used
    kept.set('c', 3);
    expect([kept.get('a'), kept.get('b'), kept.get('c')]).toEqual([1, undefined, 3]);
    now = 1500;
    expect(kept.get('c')).toBe(3);
    kept.set('d', 4); // a was last used at 0
    expect([kept.get('a'), kept.get('c'), kept.get('d')]).toEqual([undefined, 3, 4]);
    kept.forget('c');
    expect(kept.size).toBe(1);
  });
});
