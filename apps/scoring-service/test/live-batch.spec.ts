/**
 * The live path decides the disclosure rule for every subject of a batch at once (issue #16,
 * freshness): the subjects' ledgers read in at most two queries, the responses it has just read not
 * read again, each decision in memory, the snapshots taken written in one statement, a report
 * computed only for a snapshot taken (the live row keeps counts, no report). Checked on
 * PostgreSQL against the disclosure rule itself (`decideSnapshot` of @leaderscope/scoring, one
 * subject at a time, as the live path did before), on random histories cut into random batches:
 * the same snapshots with the same responses, the same reports, the same report.updated events,
 * and the full audit over every ledger isolates nobody.
 */
import { createEnvelope, EventEnvelope, responseRecordedV1, ResponseRecordedV1 } from '@leaderscope/events';
import { getInstrument } from '@leaderscope/framework';
import { auditViews, decideSnapshot, DisclosedView, RaterResponse } from '@leaderscope/scoring';
import { createTestDatabase, TestDatabase } from '@leaderscope/testing';
import { INestApplicationContext } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import {
  byRaterId,
  computeSubjectReport,
  reportSeed,
  RescoreSubjectUseCase,
  resolveBasis,
  scorableResponses,
  startScoringService,
  StoredResponse,
} from '../src';
import { compressJsonText, isCompressed, RELAY_SCAN_SETTINGS } from '@leaderscope/database';
import { Client } from 'pg';
import { query, relayedEnvelopes, reportText, storedReport } from './support';

const instrument = getInstrument('leader-of-leaders', 1);
const basis = { instrumentId: instrument.id, instrumentVersion: 1, roleProfileId: null, minGroupSize: 3, commentThreshold: null };
const GROUPS: [ResponseRecordedV1['raterGroup'], number][] = [
  ['self', 1],
  ['manager', 1],
  ['peer', 4],
  ['direct_report', 3],
  ['skip_level', 6],
];

/** A small seeded generator (mulberry32), so a failing history can be replayed. */
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

/** Every rater of `subjects` subjects answers once, some correct their answers later; shuffled, cut into batches of 1 to 12. */
function history(cycleId: string, subjects: number, seed: number): EventEnvelope<ResponseRecordedV1>[][] {
  const rnd = random(seed);
  const events: ResponseRecordedV1[] = [];
  const versions = new Map<string, number>();
  const answer = (group: string) => {
    const answers: Record<string, number | null> = {};
    for (const item of instrument.items)
      if (item.observers.includes(group as never)) answers[item.id] = rnd() < 0.05 ? null : 1 + Math.floor(rnd() * 5);
    return answers;
  };
  const pending: { subjectId: string; raterId: string; group: ResponseRecordedV1['raterGroup'] }[] = [];
  for (let s = 0; s < subjects; s++)
    // letters and digits only: sorted alike by JavaScript and by the database's collation
    GROUPS.forEach(([group, n], g) => {
      for (let i = 0; i < n; i++) pending.push({ subjectId: `s${s}`, raterId: `s${s}g${g}r${i}`, group });
    });
  // a correction is a later event of the same rater
  for (const p of [...pending]) if (rnd() < 0.2) pending.push(p);
  for (let i = pending.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [pending[i], pending[j]] = [pending[j], pending[i]];
  }
  for (const p of pending) {
    const version = (versions.get(p.raterId) ?? 0) + 1;
    versions.set(p.raterId, version);
    events.push({
      responseId: randomUUID(),
      submissionId: randomUUID(),
      cycleId,
      subjectId: p.subjectId,
      raterId: p.raterId,
      raterGroup: p.group,
      instrumentId: instrument.id,
      instrumentVersion: 1,
      responseVersion: version,
      answers: answer(p.group),
      comments: {},
      policy: { minGroupSize: 3, roleProfileId: null },
      recordedAt: new Date().toISOString(),
    });
  }
  const batches: EventEnvelope<ResponseRecordedV1>[][] = [];
  for (let i = 0; i < events.length;) {
    const n = 1 + Math.floor(rnd() * 12);
    batches.push(
      events.slice(i, i + n).map((e) => createEnvelope(responseRecordedV1, e, { organisationId: 'org-b', correlationId: e.submissionId })),
    );
    i += n;
  }
  return batches;
}

/** What the disclosure rule decides, one subject at a time, for the same batches: each subject's snapshots (response ids, by rater). */
function expectedSnapshots(batches: EventEnvelope<ResponseRecordedV1>[][]): Map<string, string[][]> {
  const inst = resolveBasis(basis);
  const live = { resultSet: 'live', instrument: inst, policy: { minGroupSize: 3 } };
  const toScoring = (rs: StoredResponse[]): RaterResponse[] => scorableResponses(rs, inst).scored;
  const latest = new Map<string, Map<string, { version: number; response: StoredResponse }>>();
  const state = new Map<string, { current: StoredResponse[] | null; disclosed: DisclosedView[]; snapshots: string[][] }>();
  for (const batch of batches) {
    const touched = new Set<string>();
    for (const { payload: r } of batch) {
      touched.add(r.subjectId);
      const raters = latest.get(r.subjectId) ?? new Map<string, { version: number; response: StoredResponse }>();
      const known = raters.get(r.raterId);
      if (!known || known.version < r.responseVersion)
        raters.set(r.raterId, {
          version: r.responseVersion,
          response: {
            responseId: r.responseId,
            raterId: r.raterId,
            raterGroup: r.raterGroup,
            answers: r.answers,
            comments: r.comments ?? {},
          },
        });
      latest.set(r.subjectId, raters);
    }
    for (const subjectId of touched) {
      const s = state.get(subjectId) ?? { current: null, disclosed: [], snapshots: [] };
      state.set(subjectId, s);
      // the latest response of every rater, by rater id (as the service reads them)
      const received = [...latest.get(subjectId)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v.response);
      const decision = decideSnapshot({
        basis: live,
        current: s.current ? toScoring(s.current) : null,
        received: toScoring(received),
        disclosed: s.disclosed,
      });
      if (!decision.take) continue;
      const frozen = new Map((s.current ?? []).map((r) => [r.raterId, r]));
      const byRater = new Map(received.map((r) => [r.raterId, r]));
      // recorded by rater, whatever order the decision lists them in
      const responses = decision.responses.map((r) => frozen.get(r.raterId) ?? byRater.get(r.raterId)!).sort(byRaterId);
      s.current = responses;
      s.disclosed.push({ basis: live, responses: toScoring(responses) });
      s.snapshots.push(responses.map((r) => r.responseId!));
    }
  }
  return new Map([...state].map(([subjectId, s]) => [subjectId, s.snapshots]));
}

describe('live scoring: the disclosure rule decided for a whole batch at once', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startScoringService({ databaseUrl: db.url, transport: null, consume: false, logger: ['error'] });
  }, 60000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it.each([1, 2, 3])(
    'takes the snapshots the rule takes subject by subject, with the same reports and events (history %i)',
    async (seed) => {
      const cycleId = `cycle-batch-${seed}`;
      const batches = history(cycleId, 5, seed);
      const useCase = app.get(RescoreSubjectUseCase);
      for (const batch of batches) await useCase.executeBatch(batch);

      const expected = expectedSnapshots(batches);
      const ledger = (
        await query<{ subject_id: string; snapshot: number; response_ids: string[]; report: Buffer }>(
          db.url,
          `SELECT subject_id, snapshot, response_ids::text[] AS response_ids, report FROM scoring.disclosed_view
       WHERE cycle_id = $1 AND result_set = 'live' ORDER BY subject_id, snapshot`,
          [cycleId],
        )
      ).map((row) => ({ ...row, report: storedReport(row.report) }));
      const actual = new Map<string, string[][]>();
      for (const row of ledger) actual.set(row.subject_id, [...(actual.get(row.subject_id) ?? []), row.response_ids]);
      for (const [subjectId, snapshots] of expected) expect([subjectId, actual.get(subjectId) ?? []]).toEqual([subjectId, snapshots]);
      expect([...actual.keys()].sort()).toEqual(
        [...expected.entries()]
          .filter(([, s]) => s.length > 0)
          .map(([k]) => k)
          .sort(),
      );
      // the history is long enough for the rule to take several snapshots and to hold raters back
      const taken = [...expected.values()].reduce((n, s) => n + s.length, 0);
      expect(taken).toBeGreaterThan(5);

      // each snapshot's report is the report of its responses, in the order recorded
      const stored = new Map<string, StoredResponse>();
      for (const batch of batches)
        for (const { payload: r } of batch)
          stored.set(r.responseId, {
            responseId: r.responseId,
            raterId: r.raterId,
            raterGroup: r.raterGroup,
            answers: r.answers,
            comments: r.comments ?? {},
          });
      for (const row of ledger) {
        const computed = computeSubjectReport(
          row.response_ids.map((id) => stored.get(id)!),
          basis,
          reportSeed(cycleId, row.subject_id),
        );
        expect(JSON.parse(JSON.stringify(computed.report))).toEqual(row.report);
      }

      // one report.updated per snapshot, in snapshot order, carrying the snapshot's report
      const events = (await relayedEnvelopes(db.url)).filter((e) => e.type === 'report.updated' && e.envelope.payload.cycleId === cycleId);
      for (const [subjectId, snapshots] of expected) {
        const mine = events.filter((e) => e.envelope.payload.subjectId === subjectId);
        expect(mine.map((e) => e.envelope.payload.responseCount)).toEqual(snapshots.map((s) => s.length));
        const rows = ledger.filter((l) => l.subject_id === subjectId);
        mine.forEach((e, i) => expect(e.envelope.payload.report).toEqual(rows[i].report));
      }

      // the full audit over each subject's ledger isolates nobody
      const inst = resolveBasis(basis);
      for (const [subjectId] of expected) {
        const views = ledger
          .filter((l) => l.subject_id === subjectId)
          .map((l) => ({
            basis: { resultSet: 'live', instrument: inst, policy: { minGroupSize: 3 } },
            responses: scorableResponses(
              l.response_ids.map((id) => stored.get(id)!),
              inst,
            ).scored,
          }));
        expect(auditViews(views)).toEqual([]);
      }

      // each subject's live row counts every response received (held-back raters too) and keeps no
      // report: no figure of a rater the rule has not shown is stored anywhere
      const rows = await query<{ subject_id: string; report: unknown; response_count: number; group_counts: Record<string, number> }>(
        db.url,
        `SELECT subject_id, report, response_count, group_counts FROM scoring.subject_report WHERE cycle_id = $1 AND result_set = 'live'`,
        [cycleId],
      );
      expect(rows).toHaveLength(expected.size);
      let heldBack = 0;
      for (const row of rows) {
        const received = new Set(
          [...stored.values()]
            .filter((r) => batches.flat().some((e) => e.payload.responseId === r.responseId && e.payload.subjectId === row.subject_id))
            .map((r) => r.raterId),
        );
        expect(row.report).toBeNull();
        expect(row.response_count).toBe(received.size);
        expect(Object.values(row.group_counts).reduce((a, b) => a + b, 0)).toBe(received.size);
        heldBack += received.size - (expected.get(row.subject_id)?.at(-1)?.length ?? 0);
      }
      expect(heldBack).toBeGreaterThan(0);
    },
    120000,
  );

  it("serialises each snapshot's report once and stores it once: its report.updated refers to its ledger row's text", async () => {
    const cycleId = 'cycle-batch-text';
    const batches = history(cycleId, 4, 7);
    const useCase = app.get(RescoreSubjectUseCase);
    // calls of JSON.stringify on a report, or on an envelope that holds one
    const stringify = jest.spyOn(JSON, 'stringify');
    const reportSerialisations = () =>
      stringify.mock.calls.filter(([value]) => {
        const v = value as { scores?: unknown; payload?: { report?: unknown } } | null;
        return (
          typeof v === 'object' && v !== null && ('scores' in v || (typeof v.payload?.report === 'object' && v.payload.report !== null))
        );
      }).length;
    try {
      for (const batch of batches) await useCase.executeBatch(batch);
      const [{ n }] = await query<{ n: string }>(db.url, `SELECT count(*) AS n FROM scoring.disclosed_view WHERE cycle_id = $1`, [cycleId]);
      expect(Number(n)).toBeGreaterThan(2);
      expect(reportSerialisations()).toBe(Number(n));
    } finally {
      stringify.mockRestore();
    }
    const ledger = (
      await query<{ subject_id: string; snapshot: number; report: Buffer }>(
        db.url,
        `SELECT subject_id, snapshot, report FROM scoring.disclosed_view WHERE cycle_id = $1 AND result_set = 'live' ORDER BY subject_id, snapshot`,
        [cycleId],
      )
    ).map((row) => ({ ...row, stored: row.report, report: reportText(row.report)! }));
    const relayed = new Map((await relayedEnvelopes(db.url)).map((e) => [e.position, e]));
    const events = (
      await query<{
        position: string;
        subject_id: string;
        stored: string | null;
        refers_to: string | null;
        head: string;
        tail: string;
      }>(
        db.url,
        `SELECT o.position, o.report_subject_id AS subject_id, o.envelope AS stored, o.envelope_head AS head, o.envelope_tail AS tail,
              o.report_result_set || ':' || o.report_snapshot AS refers_to
         FROM scoring.outbox_event o
        WHERE o.type = 'report.updated' AND o.report_cycle_id = $1 ORDER BY 2, o.position`,
        [cycleId],
      )
    ).map((e) => ({ ...e, envelope: relayed.get(e.position)!.text }));
    // one event per snapshot, in order; its outbox row holds no copy of the report but refers to the
    // ledger row, where the report is stored compressed, and the relay joins the envelope around that very text
    expect(events.map((e) => e.subject_id)).toEqual(ledger.map((l) => l.subject_id));
    events.forEach((e, i) => {
      expect(e.stored).toBeNull();
      expect(isCompressed(ledger[i].stored)).toBe(true);
      expect(e.refers_to).toBe(`live:${ledger[i].snapshot}`);
      expect(e.envelope).toBe(e.head + ledger[i].report + e.tail);
      expect(e.envelope).toContain(`"report":${ledger[i].report},`);
      // the event's text is its envelope's own JSON
      expect(JSON.stringify(JSON.parse(e.envelope))).toBe(e.envelope);
    });
    // each batch's response.counted events come before the report.updated events it announced
    const order = [...relayed.values()]
      .filter((e) => e.envelope.payload.cycleId === cycleId && ['response.counted', 'report.updated'].includes(e.type))
      .map((e) => ({ type: e.type }));
    const firstReport = order.findIndex((o) => o.type === 'report.updated');
    expect(firstReport).toBeGreaterThan(0);
    expect(order.slice(0, firstReport).every((o) => o.type === 'response.counted')).toBe(true);

    // The relay reads the view in position order through nested loops on the rows' keys: no hash
    // join, hence no sort of envelopes built whole (what the planner chose on its own at M).
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE scoring.outbox_event SET published_at = NULL`);
      const explain = (sql: string) => client.query(`EXPLAIN (FORMAT JSON) ${sql}`).then((r) => JSON.stringify(r.rows[0]['QUERY PLAN']));
      const read = `SELECT "position", "envelope"::text AS "json", "envelope_head", "envelope_body", "envelope_tail" FROM "scoring"."outbox_event_envelope" WHERE "published_at" IS NULL ORDER BY "position" LIMIT 500`;
      await client.query(`SET LOCAL random_page_cost = 1000`); // costs under which a hash join and a sort look cheaper
      expect(await explain(read)).toMatch(/"Node Type":"Sort"|Hash Join/);
      for (const [name, value] of Object.entries(RELAY_SCAN_SETTINGS)) await client.query(`SELECT set_config($1, $2, true)`, [name, value]);
      const plan = await explain(read);
      expect(plan).toMatch(/Nested Loop/);
      expect(plan).not.toMatch(/"Node Type":"Sort"|Hash Join|Merge Join|Seq Scan|Bitmap/);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });

  it("reads a batch's stored responses and ledgers subject by subject through their indexes, never the whole table", async () => {
    // 150 subjects × 15 raters stored and analysed, then one more batch of 30 subjects' events.
    const useCase = app.get(RescoreSubjectUseCase);
    const all = history('cycle-index', 150, 9).flat();
    for (let i = 0; i < all.length; i += 200) await useCase.executeBatch(all.slice(i, i + 200));
    await query(db.url, `ANALYZE scoring.rater_response`);
    await query(db.url, `ANALYZE scoring.disclosed_view`);
    const next = history('cycle-index-2', 30, 10)
      .flat()
      .filter((e, i, list) => list.findIndex((o) => o.payload.subjectId === e.payload.subjectId) === i);
    const sent: { sql: string; params?: unknown[] }[] = [];
    const original = EntityManager.prototype.query;
    const spy = jest.spyOn(EntityManager.prototype, 'query').mockImplementation(function (this: EntityManager, sql, params) {
      sent.push({ sql, params });
      return original.call(this, sql, params);
    });
    try {
      await useCase.executeBatch(next);
    } finally {
      spy.mockRestore();
    }
    const reads = sent.filter((s) => /^\s*SELECT/.test(s.sql) && /"scoring"\."(rater_response|disclosed_view)"/.test(s.sql));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    for (const read of reads) {
      const [{ 'QUERY PLAN': plan }] = await query<{ 'QUERY PLAN': unknown }>(db.url, `EXPLAIN (FORMAT JSON) ${read.sql}`, read.params);
      const text = JSON.stringify(plan);
      expect(text).not.toMatch(/Seq Scan[^}]*"Relation Name":"(rater_response|disclosed_view)"/);
    }
  }, 120000);

  it('refuses a report on a live row, and requires one on every other', async () => {
    const insert = (resultSet: string, report: string | null) =>
      query(
        db.url,
        `INSERT INTO scoring.subject_report (cycle_id, subject_id, result_set, organisation_id, report_version, instrument_id, instrument_version,
           min_group_size, group_counts, response_count, report, scored_at)
         VALUES ('cycle-check', $1, $2, 'org', 1, 'leader-of-leaders', 1, 3, '{}', 0, $3::bytea, now())`,
        [`s-${resultSet}-${report === null}`, resultSet, report === null ? null : compressJsonText(report)],
      );
    await expect(insert('live', '{"scores": {}}')).rejects.toThrow(/subject_report_live_report_in_ledger/);
    await expect(insert('rescore-1', null)).rejects.toThrow(/subject_report_live_report_in_ledger/);
    await insert('live', null);
    await insert('rescore-1', '{"scores": {}}');
  });
});
