/**
 * The ledger views the live path keeps across decisions (`frozenViews` in disclosure-ledger.ts),
 * on PostgreSQL: in one process, each decision is made against the snapshot recorded last, for each
 * subject apart, and a rescore's view of a snapshot does not stand in for the live one.
 */
import { getInstrument } from '@leaderscope/framework';
import { createTestDatabase, TestDatabase } from '@leaderscope/testing';
import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startScoringService, StoredResponse } from '../src';
import { discloseResultSet, keptViewCount, ledgerKey, loadLedgers, takeLiveSnapshot } from '../src/disclosure/disclosure-ledger';
import { query } from './support';

const instrument = getInstrument('leader-of-leaders', 2);
const basis = { instrumentId: instrument.id, instrumentVersion: 2, roleProfileId: null, minGroupSize: 3, commentThreshold: null };
const cycleId = 'cycle-views';

describe('the live path with the ledger views kept across decisions', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let dataSource: DataSource;
  const latest = new Map<string, Map<string, StoredResponse>>(); // by subject, by rater

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startScoringService({ databaseUrl: db.url, transport: null, consume: false, logger: ['error'] });
    dataSource = app.get(DataSource);
  }, 60000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** Stores a rater's response version as the scoring service does and lets the live path decide; the snapshot taken, or null. */
  async function submit(subjectId: string, raterId: string, raterGroup: string, seed: number): Promise<number | null> {
    const answers: Record<string, number | null> = {};
    for (const item of instrument.items)
      if (item.observers.includes(raterGroup as never)) answers[item.id] = 1 + ((seed + item.id.length) % 5);
    const r: StoredResponse = { responseId: randomUUID(), raterId, raterGroup, answers, comments: {} };
    const version = latest.get(subjectId)?.has(raterId) ? 2 : 1;
    await query(
      db.url,
      `INSERT INTO scoring.rater_response (response_id, organisation_id, cycle_id, subject_id, rater_id, rater_group, instrument_id, instrument_version,
         response_version, answers, comments, policy, recorded_at)
       VALUES ($1, 'org-v', $2, $3, $4, $5, $6, 2, $7, $8, '{}', '{"minGroupSize": 3, "roleProfileId": null}', now())`,
      [r.responseId, cycleId, subjectId, raterId, raterGroup, instrument.id, version, JSON.stringify(answers)],
    );
    const mine = latest.get(subjectId) ?? new Map<string, StoredResponse>();
    latest.set(subjectId, mine.set(raterId, r));
    const taken = await dataSource.transaction((m) =>
      takeLiveSnapshot(m, { cycleId, subjectId }, basis, [...mine.values()], `${cycleId}:${subjectId}`),
    );
    return taken?.snapshot ?? null;
  }

  const ledgerOf = async (subjectId: string) =>
    (await loadLedgers(dataSource.manager, [{ cycleId, subjectId }])).get(ledgerKey(cycleId, subjectId))!;

  it('decides each response against the snapshot recorded last, for each subject apart', async () => {
    // two leaders rated by the same people, their responses arriving interleaved
    const both = async (raterId: string, group: string, seed: number) => [
      await submit('s1', raterId, group, seed),
      await submit('s2', raterId, group, seed + 1),
    ];
    expect(await both('p1', 'peer', 1)).toEqual([null, null]);
    expect(await both('p2', 'peer', 2)).toEqual([null, null]);
    expect(await both('p3', 'peer', 3)).toEqual([1, 1]);
    expect(await both('p4', 'peer', 4)).toEqual([null, null]); // one new peer would move the peer figures by one
    expect(await both('p5', 'peer', 5)).toEqual([null, null]);
    expect(await both('p6', 'peer', 6)).toEqual([2, 2]);
    // a rescore shows s1's second snapshot under the same basis
    const rescored = await dataSource.transaction(async (m) =>
      discloseResultSet(m, { cycleId, subjectId: 's1' }, 'rescore-1', basis, `${cycleId}:s1`),
    );
    expect(rescored).toHaveProperty('computed');
    // p4 corrects their answers for s1: their answers in the snapshots stay the frozen ones
    const frozenP4 = latest.get('s1')!.get('p4')!.responseId;
    expect(await submit('s1', 'p4', 'peer', 40)).toBeNull();
    expect(await both('p7', 'peer', 7)).toEqual([null, null]); // against the second snapshot: one new peer
    expect(await both('p8', 'peer', 8)).toEqual([null, null]);
    expect(await both('p9', 'peer', 9)).toEqual([3, 3]);

    for (const subjectId of ['s1', 's2']) {
      const ledger = await ledgerOf(subjectId);
      expect(ledger.rows.map((r) => [r.result_set, r.snapshot, r.response_ids.length])).toEqual(
        subjectId === 's1'
          ? [
              ['live', 1, 3],
              ['live', 2, 6],
              ['rescore-1', 2, 6],
              ['live', 3, 9],
            ]
          : [
              ['live', 1, 3],
              ['live', 2, 6],
              ['live', 3, 9],
            ],
      );
      // every snapshot holds the subject's own responses
      const own = new Set(
        (
          await query<{ id: string }>(db.url, `SELECT response_id::text AS id FROM scoring.rater_response WHERE subject_id = $1`, [
            subjectId,
          ])
        ).map((r) => r.id),
      );
      for (const row of ledger.rows) for (const id of row.response_ids) expect(own.has(id)).toBe(true);
    }
    const third = (await ledgerOf('s1')).current!;
    expect(third.responses.map((r) => r.responseId)).toContain(frozenP4);
    expect(keptViewCount()).toBeGreaterThan(0);
  });
});
