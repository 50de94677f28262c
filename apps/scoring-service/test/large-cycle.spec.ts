/**
 * A cycle of L's size scored as a whole (issue #16): 10,000 leaders with 15 raters each, 150,000
 * responses. The bench's replay at L asked for this scoring, and it failed three times and went to
 * the dead letters: it read every response into memory to take the earliest time with
 * `Math.min(...times)`, and 150,000 arguments overflow the call stack. Responses are written straight
 * into the scoring service's table (what consuming 150,000 submissions would leave there); a dozen
 * subjects get their live snapshot from the live path's own `takeLiveSnapshot`, the rest are still
 * held back by the disclosure rule, as in a cycle under way.
 */
import { getInstrument } from '@leaderscope/framework';
import { createTestDatabase, TestDatabase } from '@leaderscope/testing';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { reportSeed, ScoreCycleUseCase, startScoringService, StoredResponse } from '../src';
import { takeLiveSnapshot } from '../src/disclosure/disclosure-ledger';
import { query } from './support';

const instrument = getInstrument('leader-of-leaders', 1);
const basis = { instrumentId: instrument.id, instrumentVersion: 1, roleProfileId: null, minGroupSize: 3, commentThreshold: null };
const cycleId = 'cycle-l';
const SUBJECTS = 10_000;
const GROUPS = ['self', 'manager', 'peer', 'peer', 'peer', 'peer', 'direct_report', 'direct_report', 'direct_report'].concat(
  Array(6).fill('skip_level'),
);

describe('scoring a cycle of 150,000 responses', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startScoringService({ databaseUrl: db.url, transport: null, consume: false, logger: ['error'] });
    // Every rater answers every item (answers to items their group does not observe are ignored);
    // each response recorded a millisecond after the one before, the first at a known time.
    await query(
      db.url,
      `INSERT INTO scoring.rater_response (response_id, organisation_id, cycle_id, subject_id, rater_id, rater_group, instrument_id,
         instrument_version, response_version, answers, comments, policy, recorded_at)
       SELECT gen_random_uuid(), 'org-l', $1, 's-' || lpad(s::text, 5, '0'), 's-' || s || '-r' || r, ($2::text[])[r], $3, 1, 1,
         (SELECT jsonb_object_agg(item, 1 + (s + r + k) % 5) FROM unnest($4::text[]) WITH ORDINALITY AS i(item, k)),
         '{}', '{"minGroupSize": 3, "roleProfileId": null}', timestamptz '2026-03-02 09:00:00+00' + ((s - 1) * 15 + r - 1) * interval '1 millisecond'
       FROM generate_series(1, $5::int) AS s, generate_series(1, 15) AS r`,
      [cycleId, GROUPS, instrument.id, instrument.items.map((i) => i.id), SUBJECTS],
    );
    await query(db.url, 'ANALYZE scoring.rater_response');
    // A dozen subjects disclosed by the live rule (all 15 raters at once).
    const dataSource = app.get(DataSource);
    for (let s = 1; s <= 12; s++) {
      const subjectId = `s-${String(s).padStart(5, '0')}`;
      const rows = await query<StoredResponse & { responseId: string }>(
        db.url,
        `SELECT response_id::text AS "responseId", rater_id AS "raterId", rater_group AS "raterGroup", answers, comments
         FROM scoring.rater_response WHERE cycle_id = $1 AND subject_id = $2 ORDER BY rater_id`,
        [cycleId, subjectId],
      );
      const taken = await dataSource.transaction((manager) =>
        takeLiveSnapshot(manager, { cycleId, subjectId }, basis, rows, reportSeed(cycleId, subjectId)),
      );
      expect(taken).not.toBeNull();
    }
  }, 180000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('scores the disclosed subjects and records when the cycle began, without holding every response', async () => {
    const [{ n }] = await query<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM scoring.rater_response WHERE cycle_id = $1`, [
      cycleId,
    ]);
    expect(n).toBe(150_000);

    const summary = await app.get(ScoreCycleUseCase).execute({ cycleId, closed: false });

    expect(summary).toMatchObject({ cycleId, resultSet: 'live', resultVersion: 1, subjectCount: 12 });
    const [row] = await query<{ subject_count: number; first_recorded_at: Date }>(
      db.url,
      `SELECT subject_count, first_recorded_at FROM scoring.cycle_result WHERE cycle_id = $1 AND result_set = 'live'`,
      [cycleId],
    );
    expect(row.subject_count).toBe(12);
    expect(new Date(row.first_recorded_at).toISOString()).toBe('2026-03-02T09:00:00.000Z');
    // One comparison per disclosed subject, and none for the subjects still held back.
    const [{ comparisons }] = await query<{ comparisons: number }>(
      db.url,
      `SELECT count(*)::int AS comparisons FROM scoring.subject_comparison WHERE cycle_id = $1`,
      [cycleId],
    );
    expect(comparisons).toBe(12);
  }, 120000);
});
