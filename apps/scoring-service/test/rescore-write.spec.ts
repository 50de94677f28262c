/**
 * The whole-cycle rescore's write (issue #16): per chunk one statement writes the disclosure ledger's
 * rows, the reports (withheld ones with their reason) and the `report.updated` events, each report
 * sent once; chunks run two at a time. Checked on PostgreSQL against what the ledger and the
 * disclosure rule say, with the live snapshots taken by the live path's own `takeLiveSnapshot`.
 */
import { isCompressed, OutboxRelay } from '@leaderscope/database';
import {
  catalogue,
  createEnvelope,
  cycleResponsesPurgeRequestedV1,
  EventEnvelope,
  EventTransport,
  parseEnvelope,
  ReportUpdatedV2,
  SerializedEvent,
} from '@leaderscope/events';
import { getInstrument } from '@leaderscope/framework';
import { decideResultSet } from '@leaderscope/scoring';
import { createTestDatabase, TestDatabase } from '@leaderscope/testing';
import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  computeSubjectReport,
  reportSeed,
  resolveBasis,
  RescoreCycleUseCase,
  scorableResponses,
  startScoringService,
  StoredResponse,
} from '../src';
import { ledgerKey, loadLedgers, takeLiveSnapshot } from '../src/disclosure/disclosure-ledger';
import { envelopeAroundReport } from '../src/reports/rescore-subject.use-case';
import { PurgeCycleResponsesUseCase } from '../src/retention/purge-cycle-responses.use-case';
import { query, relayedEnvelopes, reportText, storedReport } from './support';

const instrument = getInstrument('leader-of-leaders', 1);
const liveBasis = { instrumentId: instrument.id, instrumentVersion: 1, roleProfileId: null, minGroupSize: 3, commentThreshold: null };
const cycleId = 'cycle-w';

describe('whole-cycle rescore: one statement per chunk, each report sent once', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let dataSource: DataSource;
  const snapshotOf = new Map<string, string[]>();

  /** Stores a subject's responses as the scoring service does and lets the live path decide its snapshot. */
  async function seed(subjectId: string, groups: string[]): Promise<void> {
    const responses: StoredResponse[] = groups.map((group, i) => {
      const answers: Record<string, number | null> = {};
      for (const item of instrument.items) if (item.observers.includes(group as never)) answers[item.id] = 1 + ((i + item.id.length) % 5);
      return { responseId: randomUUID(), raterId: `${subjectId}-${group}-${i}`, raterGroup: group, answers, comments: {} };
    });
    for (const r of responses)
      await query(
        db.url,
        `INSERT INTO scoring.rater_response (response_id, organisation_id, cycle_id, subject_id, rater_id, rater_group, instrument_id, instrument_version,
           response_version, answers, comments, policy, recorded_at)
         VALUES ($1, 'org-w', $2, $3, $4, $5, $6, 1, 1, $7, '{}', '{"minGroupSize": 3, "roleProfileId": null}', now())`,
        [r.responseId, cycleId, subjectId, r.raterId, r.raterGroup, instrument.id, JSON.stringify(r.answers)],
      );
    const taken = await dataSource.transaction((m) =>
      takeLiveSnapshot(m, { cycleId, subjectId }, liveBasis, responses, `${cycleId}:${subjectId}`),
    );
    if (taken) snapshotOf.set(subjectId, responses.map((r) => r.responseId!).sort());
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startScoringService({ databaseUrl: db.url, transport: null, consume: false, logger: ['error'] });
    dataSource = app.get(DataSource);
    const full = ['self', 'manager', 'peer', 'peer', 'peer', 'direct_report', 'direct_report', 'direct_report'];
    for (const s of ['s1', 's2', 's3']) await seed(s, full);
    // one anonymous rater changes no visible figure: the live path takes no snapshot, so nothing may be shown
    await seed('s4', ['peer']);
  }, 60000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const outboxOf = async (resultSet: string) =>
    (await relayedEnvelopes(db.url))
      .filter((e) => e.type === 'report.updated' && e.envelope.payload.resultSet === resultSet)
      .map((e) => ({ envelope: e.envelope as unknown as { payload: ReportUpdatedV2 } & Record<string, unknown> }));

  it('writes the ledger row, the report and its event from one value, withholds what may not be shown, and resumes without repeating', async () => {
    expect([...snapshotOf.keys()].sort()).toEqual(['s1', 's2', 's3']);
    const useCase = app.get(RescoreCycleUseCase);
    const [chunkSize, inFlight] = [RescoreCycleUseCase.chunkSize, RescoreCycleUseCase.chunksInFlight];
    RescoreCycleUseCase.chunkSize = 1; // four chunks, two at a time
    RescoreCycleUseCase.chunksInFlight = 2;
    const rescoreId = randomUUID();
    try {
      const progress: number[] = [];
      const result = await useCase.execute({ rescoreId, cycleId, instrumentVersion: 1, roleProfileId: 'leader-of-leaders' }, (p) => {
        progress.push(p.done);
      });
      expect(result).toMatchObject({ subjects: 4, scored: 4, skipped: 0 });
      expect(progress).toEqual([1, 2, 3, 4]);

      const reports = (
        await query<{ subject_id: string; report: Buffer | null; withheld: string | null; response_count: number }>(
          db.url,
          `SELECT subject_id, report, withheld, response_count FROM scoring.subject_report WHERE result_set = $1 ORDER BY subject_id`,
          [rescoreId],
        )
      ).map((r) => ({ ...r, report: storedReport(r.report) }));
      expect(reports.map((r) => [r.subject_id, r.withheld])).toEqual([
        ['s1', null],
        ['s2', null],
        ['s3', null],
        ['s4', 'no results have been disclosed for this subject yet'],
      ]);
      const ledger = await query<{
        subject_id: string;
        snapshot: number;
        response_ids: string[];
        report: Buffer | null;
        role_profile_id: string;
      }>(
        db.url,
        `SELECT subject_id, snapshot, response_ids::text[] AS response_ids, report, role_profile_id FROM scoring.disclosed_view WHERE result_set = $1 ORDER BY subject_id`,
        [rescoreId],
      );
      // the ledger records each disclosed view (the live snapshot in force under the rescore's basis), never a withheld one
      expect(ledger.map((l) => l.subject_id)).toEqual(['s1', 's2', 's3']);
      const events = await outboxOf(rescoreId);
      expect(events.map((e) => e.envelope.payload.subjectId).sort()).toEqual(['s1', 's2', 's3']);
      for (const l of ledger) {
        expect(l).toMatchObject({ snapshot: 1, role_profile_id: 'leader-of-leaders' });
        expect([...l.response_ids].sort()).toEqual(snapshotOf.get(l.subject_id));
        const stored = reports.find((r) => r.subject_id === l.subject_id)!;
        expect(stored.response_count).toBe(8);
        // the ledger row's report is its report row's, not a copy (RescoreLedgerReportByReference)
        expect(l.report).toBeNull();
        expect(stored.report).toMatchObject({ scores: { dimensions: expect.any(Array) } });
        // the event carries the stored report, and is a valid report.updated v1 envelope
        const event = events.find((e) => e.envelope.payload.subjectId === l.subject_id)!;
        expect(event.envelope.payload.report).toEqual(stored.report);
        expect(event.envelope.payload).toMatchObject({
          cycleId,
          resultSet: rescoreId,
          responseCount: 8,
          groupCounts: { peer: 3, direct_report: 3 },
        });
        expect(() => parseEnvelope(event.envelope, catalogue)).not.toThrow();
      }
      // the audit run in full over each ledger agrees with the decision taken without it (same figures as the live view)
      const ledgers = await dataSource.transaction((m) =>
        loadLedgers(
          m,
          ['s1', 's2', 's3'].map((subjectId) => ({ cycleId, subjectId })),
        ),
      );
      const inst = resolveBasis(liveBasis);
      for (const s of ['s1', 's2', 's3']) {
        const own = ledgers.get(ledgerKey(cycleId, s))!;
        const views = own.rows.map((row) => ({
          basis: { resultSet: row.result_set, instrument: inst, policy: { minGroupSize: row.min_group_size } },
          responses: scorableResponses(
            row.response_ids.map((id) => own.responses.get(id)!),
            inst,
          ).scored,
        }));
        expect(decideResultSet(views[views.length - 1], views.slice(0, -1)).disclose).toBe(true);
      }

      // Again (a redelivered request): nothing written or announced twice.
      const again = await useCase.execute({ rescoreId, cycleId, instrumentVersion: 1, roleProfileId: 'leader-of-leaders' });
      expect(again).toMatchObject({ subjects: 4, scored: 0, skipped: 4 });
      expect(await outboxOf(rescoreId)).toHaveLength(3);

      // Interrupted after some chunks: the missing subjects only are written and announced.
      await query(db.url, `DELETE FROM scoring.subject_report WHERE result_set = $1 AND subject_id IN ('s2', 's4')`, [rescoreId]);
      const resumed = await useCase.execute({ rescoreId, cycleId, instrumentVersion: 1, roleProfileId: 'leader-of-leaders' });
      expect(resumed).toMatchObject({ subjects: 4, scored: 2, skipped: 2 });
      const after = await outboxOf(rescoreId);
      expect(after.map((e) => e.envelope.payload.subjectId).sort()).toEqual(['s1', 's2', 's2', 's3']);
      const [{ n }] = await query<{ n: string }>(db.url, `SELECT count(*) AS n FROM scoring.disclosed_view WHERE result_set = $1`, [
        rescoreId,
      ]);
      expect(n).toBe('3'); // the ledger row was already there: recorded once
    } finally {
      RescoreCycleUseCase.chunkSize = chunkSize;
      RescoreCycleUseCase.chunksInFlight = inFlight;
    }
  }, 60000);

  it('stops starting chunks after one fails, fails once both have stopped, and resumes from what committed', async () => {
    const useCase = app.get(RescoreCycleUseCase);
    const [chunkSize, inFlight] = [RescoreCycleUseCase.chunkSize, RescoreCycleUseCase.chunksInFlight];
    RescoreCycleUseCase.chunkSize = 1;
    RescoreCycleUseCase.chunksInFlight = 2;
    const rescoreId = randomUUID();
    let broke = false;
    const written = async () =>
      Number(
        (await query<{ n: string }>(db.url, `SELECT count(*) AS n FROM scoring.subject_report WHERE result_set = $1`, [rescoreId]))[0].n,
      );
    try {
      await expect(
        useCase.execute({ rescoreId, cycleId, instrumentVersion: 1 }, () => {
          // only the first call fails: the other chunk's worker must stop all the same
          if (!broke) {
            broke = true;
            throw new Error('progress sink broke');
          }
        }),
      ).rejects.toThrow('progress sink broke');
      const after = await written();
      // the failing chunk and at most the one beside it committed; no chunk started after the failure
      expect(after).toBeGreaterThanOrEqual(1);
      expect(after).toBeLessThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 300));
      expect(await written()).toBe(after);
      const resumed = await useCase.execute({ rescoreId, cycleId, instrumentVersion: 1 });
      expect(resumed).toMatchObject({ subjects: 4, scored: 4 - after, skipped: after });
      expect(await outboxOf(rescoreId)).toHaveLength(3);
    } finally {
      RescoreCycleUseCase.chunkSize = chunkSize;
      RescoreCycleUseCase.chunksInFlight = inFlight;
    }
  }, 60000);

  it('audits a rescore under another instrument version in full, and writes its decisions the same way', async () => {
    const useCase = app.get(RescoreCycleUseCase);
    const rescoreId = randomUUID();
    const result = await useCase.execute({ rescoreId, cycleId, instrumentVersion: 2, minGroupSize: 3 });
    expect(result).toMatchObject({ subjects: 4, scored: 4 });
    const relayed = await relayedEnvelopes(db.url);
    const rows = (
      await query<{ subject_id: string; withheld: string | null; ledger: boolean }>(
        db.url,
        `SELECT r.subject_id, r.withheld,
         EXISTS (SELECT 1 FROM scoring.disclosed_view v WHERE v.cycle_id = r.cycle_id AND v.subject_id = r.subject_id AND v.result_set = r.result_set) AS ledger
       FROM scoring.subject_report r WHERE r.result_set = $1 ORDER BY r.subject_id`,
        [rescoreId],
      )
    ).map((r) => ({
      ...r,
      events: String(
        relayed.filter((e) => e.envelope.payload.resultSet === rescoreId && e.envelope.payload.subjectId === r.subject_id).length,
      ),
    }));
    // every subject: shown (ledger row and one event) exactly when not withheld
    for (const r of rows) expect([r.ledger, r.events]).toEqual(r.withheld === null ? [true, '1'] : [false, '0']);
    expect(rows.find((r) => r.subject_id === 's4')!.withheld).toBe('no results have been disclosed for this subject yet');
  }, 60000);
  it('replays with the figures of the pure scoring: each report, its ledger row and its event are computeSubjectReport of the snapshot, as the live view shows', async () => {
    const rescoreId = randomUUID();
    const result = await app.get(RescoreCycleUseCase).execute({ rescoreId, cycleId, instrumentVersion: 1 });
    expect(result).toMatchObject({ subjects: 4, scored: 4 });
    const ledgers = await dataSource.transaction((m) =>
      loadLedgers(
        m,
        ['s1', 's2', 's3'].map((subjectId) => ({ cycleId, subjectId })),
      ),
    );
    const relayed = (await relayedEnvelopes(db.url)).filter(
      (e) => e.type === 'report.updated' && e.envelope.payload.resultSet === rescoreId,
    );
    const rows = (
      await query<{
        subject_id: string;
        report: Buffer;
        ledger_text: Buffer | null;
        group_counts: Record<string, number>;
        response_count: number;
        live_report: Buffer;
      }>(
        db.url,
        `SELECT r.subject_id, r.report, v.report AS ledger_text, r.group_counts, r.response_count, live.report AS live_report
       FROM scoring.subject_report r
       JOIN scoring.disclosed_view v ON v.cycle_id = r.cycle_id AND v.subject_id = r.subject_id AND v.result_set = r.result_set
       JOIN scoring.disclosed_view live ON live.cycle_id = r.cycle_id AND live.subject_id = r.subject_id AND live.result_set = 'live'
       WHERE r.result_set = $1 ORDER BY r.subject_id`,
        [rescoreId],
      )
    ).map((r) => {
      const event = relayed.filter((e) => e.envelope.payload.subjectId === r.subject_id);
      expect(event).toHaveLength(1);
      return {
        ...r,
        stored: r.report,
        report: storedReport(r.report),
        report_text: reportText(r.report)!,
        ledger_report: storedReport(r.ledger_text),
        live_report: storedReport(r.live_report),
        payload: event[0].envelope.payload as unknown as ReportUpdatedV2,
        envelope_text: event[0].text,
      };
    });
    expect(rows.map((r) => r.subject_id)).toEqual(['s1', 's2', 's3']);
    for (const r of rows) {
      const own = ledgers.get(ledgerKey(cycleId, r.subject_id))!;
      const expected = computeSubjectReport(own.current!.responses, liveBasis, reportSeed(cycleId, r.subject_id));
      const figures = JSON.parse(JSON.stringify(expected.report)) as Record<string, unknown>;
      expect(JSON.stringify(figures)).toMatch(/"mean":\d/); // real figures, not an empty report
      expect(r.report).toEqual(figures);
      // stored compressed: the very text the scoring serialised; the ledger row refers to the report row
      expect(isCompressed(r.stored)).toBe(true);
      expect(r.report_text).toBe(JSON.stringify(expected.report));
      expect(r.ledger_text).toBeNull();
      expect(r.ledger_report).toBeNull();
      expect(r.payload.report).toEqual(figures);
      // the event's text, as the relay reads it, holds the report row's text as it is (sent once,
      // stored once: the outbox row holds the envelope around a reference to the report row)
      expect(r.envelope_text).toContain(`"report":${r.report_text}`);
      expect(JSON.parse(r.envelope_text)).toMatchObject({ type: 'report.updated', payload: { subjectId: r.subject_id, report: figures } });
      // the same basis and snapshot as the live view: a replay changes no figure anyone saw
      expect(r.live_report).toEqual(figures);
      expect(r.group_counts).toEqual(expected.groupCounts);
      expect(r.response_count).toBe(expected.responseCount);
      expect(r.payload).toMatchObject({ groupCounts: expected.groupCounts, responseCount: expected.responseCount, resultSet: rescoreId });
    }
  }, 60000);

  // Before the relay below publishes (and deletes) the rows.
  it("fills every outbox row's routing columns with its envelope's fields, rescore rows included (OutboxHeaderColumns)", async () => {
    const header = new Map(
      (
        await query<{ position: string; event_id: string; type: string; version: number; key: string; correlation_id: string }>(
          db.url,
          `SELECT position, event_id, type, version, key, correlation_id FROM scoring.outbox_event`,
        )
      ).map((r) => [r.position, r]),
    );
    const relayed = await relayedEnvelopes(db.url);
    const sets = new Set(relayed.map((e) => ((e.envelope.payload.resultSet ?? 'live') === 'live' ? 'live' : 'rescore')));
    expect([...sets]).toContain('rescore');
    for (const e of relayed) {
      const row = header.get(e.position)!;
      expect([row.type, row.version, row.key, row.correlation_id, row.event_id]).toEqual([
        e.envelope.type,
        e.envelope.version,
        e.envelope.key,
        e.envelope.correlationId,
        e.envelope.id,
      ]);
    }
  });

  it('stores no copy of a rescored report in the outbox, and the relay publishes what the envelope view completes (RescoreEventsReferToReports)', async () => {
    const rescoreId = randomUUID();
    await app.get(RescoreCycleUseCase).execute({ rescoreId, cycleId, instrumentVersion: 1 });
    const rows = (
      await query<{ event_id: string; envelope: string | null; around: number; report: Buffer }>(
        db.url,
        `SELECT o.event_id, o.envelope, length(o.envelope_head) + length(o.envelope_tail) AS around, r.report
         FROM scoring.outbox_event o
         JOIN scoring.subject_report r ON r.cycle_id = o.report_cycle_id AND r.subject_id = o.report_subject_id AND r.result_set = o.report_result_set
        WHERE o.report_result_set = $1 AND o.report_cycle_id = $2 ORDER BY o.report_subject_id`,
        [rescoreId, cycleId],
      )
    ).map((r) => ({ ...r, report_text: reportText(r.report)! }));
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.envelope).toBeNull(); // no copy: the envelope's text around the report row's key
      expect(r.around).toBeLessThan(1000);
      expect(r.report_text.length).toBeGreaterThan(5000);
      expect(r.report.length).toBeLessThan(r.report_text.length / 3); // stored compressed
    }
    // a report row written before ReportsCompressed holds its plain text's bytes (the migration's
    // convert_to): an event still waiting for it is published with that very text
    const [plain] = await query<{ subject_id: string }>(
      db.url,
      `UPDATE scoring.subject_report r SET report = convert_to($3, 'UTF8') FROM scoring.outbox_event o
        WHERE o.event_id = $1 AND r.cycle_id = o.report_cycle_id AND r.subject_id = o.report_subject_id AND r.result_set = $2
        RETURNING r.subject_id`,
      [rows[0].event_id, rescoreId, rows[0].report_text],
    );
    expect(plain).toBeDefined();
    // a row has its whole envelope or every part of one
    await expect(
      query(
        db.url,
        `INSERT INTO scoring.outbox_event (event_id, type, version, key, correlation_id) VALUES ($1, 'report.updated', 1, 's1', 'c')`,
        [randomUUID()],
      ),
    ).rejects.toThrow(/outbox_event_envelope_or_report/);
    // an event whose report row is gone (it never is: retention keeps every announced one)
    const orphan = randomUUID();
    await query(
      db.url,
      `INSERT INTO scoring.outbox_event (event_id, envelope_head, envelope_tail, report_cycle_id, report_subject_id, report_result_set, type, version, key, correlation_id)
       VALUES ($1, '{"payload":{"report":', '}}', $2, 's1', 'no-such-result-set', 'report.updated', 1, 's1', 'c')`,
      [orphan, cycleId],
    );

    const published: SerializedEvent[] = [];
    const errors: string[] = [];
    const recording: EventTransport = {
      kind: 'in-process',
      start: async () => {},
      publish: () => Promise.reject(new Error('the relay publishes serialised events only')),
      publishSerialized: async (events) => {
        published.push(...events);
      },
      subscribe: async () => {},
      stopConsumers: async () => {},
      close: async () => {},
      healthCheck: async () => ({ ok: true }),
    };
    const relay = new OutboxRelay({
      dataSource,
      schema: 'scoring',
      transport: recording,
      envelopeSource: 'outbox_event_envelope',
      onError: (error) => errors.push(String(error)),
    });
    await relay.drain();
    expect(await relay.pending()).toBe(0);
    const byId = new Map(published.map((e) => [e.id, e]));
    for (const r of rows) {
      const event = byId.get(r.event_id)!;
      // the report row's very text inside the envelope, which is a valid report.updated
      expect(event.json).toContain(`"report":${r.report_text}`);
      const envelope = parseEnvelope(JSON.parse(event.json), catalogue) as EventEnvelope<ReportUpdatedV2>;
      expect(envelope).toMatchObject({ id: r.event_id, type: 'report.updated', payload: { resultSet: rescoreId } });
      expect(envelope.payload.report).toEqual(JSON.parse(r.report_text));
      expect(event).toMatchObject({ type: 'report.updated', version: 2, key: envelope.key, correlationId: envelope.correlationId });
    }
    // the orphan is reported and not sent (nothing is left to announce), deleted with the rest, and the relay goes on
    expect(byId.has(orphan)).toBe(false);
    expect(errors).toEqual([expect.stringContaining(orphan)]);
    expect(await query(db.url, `SELECT event_id FROM scoring.outbox_event`)).toEqual([]);
  });

  it('keeps a copy of the report in every live ledger row: only a rescore refers to its report row', async () => {
    await expect(
      query(
        db.url,
        `INSERT INTO scoring.disclosed_view (cycle_id, subject_id, result_set, snapshot, instrument_id, instrument_version, min_group_size, response_ids, group_counts, report)
         VALUES ($1, 's1', 'live', 99, $2, 1, 3, '{}', '{}', NULL)`,
        [cycleId, instrument.id],
      ),
    ).rejects.toThrow(/disclosed_view_live_report/);
    const [{ n }] = await query<{ n: string }>(
      db.url,
      `SELECT count(*) AS n FROM scoring.disclosed_view WHERE result_set = 'live' AND report IS NULL`,
    );
    expect(n).toBe('0');
  });

  it('stores reports and ledger reports compressed (ReportsCompressed), the outbox envelopes as text (WholeJsonAsText)', async () => {
    const columns = await query<{ table_name: string; column_name: string; data_type: string }>(
      db.url,
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'scoring' AND (table_name, column_name) IN (('subject_report', 'report'), ('disclosed_view', 'report'), ('outbox_event', 'envelope'))
       ORDER BY table_name`,
    );
    expect(columns.map((c) => [c.table_name, c.column_name, c.data_type])).toEqual([
      ['disclosed_view', 'report', 'bytea'],
      ['outbox_event', 'envelope', 'text'],
      ['subject_report', 'report', 'bytea'],
    ]);
  });
});

describe('retention after a rescore', () => {
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

  it("keeps a rescore's report, which its ledger row refers to, and makes the live row count its latest snapshot", async () => {
    const dataSource = app.get(DataSource);
    const groups = ['self', 'manager', 'peer', 'peer', 'peer', 'direct_report', 'direct_report', 'direct_report'];
    const responses: StoredResponse[] = groups.map((group, i) => {
      const answers: Record<string, number | null> = {};
      for (const item of instrument.items)
        if (item.observers.includes(group as never)) answers[item.id] = 1 + ((i * 3 + item.id.length) % 5);
      return { responseId: randomUUID(), raterId: `r-${i}`, raterGroup: group, answers, comments: {} };
    });
    for (const r of responses)
      await query(
        db.url,
        `INSERT INTO scoring.rater_response (response_id, organisation_id, cycle_id, subject_id, rater_id, rater_group, instrument_id, instrument_version,
           response_version, answers, comments, policy, recorded_at)
         VALUES ($1, 'org-w', $2, 's1', $3, $4, $5, 1, 1, $6, '{}', '{"minGroupSize": 3, "roleProfileId": null}', now())`,
        [r.responseId, cycleId, r.raterId, r.raterGroup, instrument.id, JSON.stringify(r.answers)],
      );
    await dataSource.transaction((m) => takeLiveSnapshot(m, { cycleId, subjectId: 's1' }, liveBasis, responses, `${cycleId}:s1`));
    // the live report row as a later response left it (counting more than the snapshot in force shows; no report of its own)
    await query(
      db.url,
      `INSERT INTO scoring.subject_report (cycle_id, subject_id, result_set, organisation_id, report_version, instrument_id, instrument_version,
         min_group_size, group_counts, response_count, report, scored_at)
       VALUES ($1, 's1', 'live', 'org-w', 9, $2, 1, 3, '{"peer": 4}', 9, NULL, now())`,
      [cycleId, instrument.id],
    );
    const rescoreId = randomUUID();
    await app.get(RescoreCycleUseCase).execute({ rescoreId, cycleId, instrumentVersion: 1, roleProfileId: 'leader-of-leaders' });
    const reportOf = async (resultSet: string) =>
      (
        await query<{ report: Buffer }>(
          db.url,
          `SELECT report FROM scoring.subject_report WHERE cycle_id = $1 AND subject_id = 's1' AND result_set = $2`,
          [cycleId, resultSet],
        )
      ).map((r) => reportText(r.report));
    const rescored = await reportOf(rescoreId);
    expect(rescored).toHaveLength(1);
    expect(rescored[0]).toMatch(/"mean":\d/);

    const now = new Date().toISOString();
    const outcome = await app
      .get(PurgeCycleResponsesUseCase)
      .execute(
        createEnvelope(
          cycleResponsesPurgeRequestedV1,
          { requestId: randomUUID(), cycleId, closedAt: now, retentionMonths: 1, dueAt: now, requestedAt: now },
          { organisationId: 'org-w' },
        ),
      );
    // both rows have a ledger row: the live one takes its snapshot's counts (its report stays the
    // ledger's), the rescore's keeps its own report
    expect(outcome).toMatchObject({ responses: 8, reportsKeptAsDisclosed: 2, reportsNeverDisclosed: 0 });
    expect(await reportOf(rescoreId)).toEqual(rescored);
    const [live] = await query<{
      report: unknown;
      response_count: number;
      group_counts: unknown;
      snapshot_counts: unknown;
      in_ledger: boolean;
    }>(
      db.url,
      `SELECT r.report, r.response_count, r.group_counts, v.group_counts AS snapshot_counts, v.report IS NOT NULL AS in_ledger
         FROM scoring.subject_report r
         JOIN scoring.disclosed_view v ON v.cycle_id = r.cycle_id AND v.subject_id = r.subject_id AND v.result_set = 'live'
        WHERE r.cycle_id = $1 AND r.subject_id = 's1' AND r.result_set = 'live'`,
      [cycleId],
    );
    expect(live).toMatchObject({ report: null, response_count: 8, in_ledger: true });
    expect(live.group_counts).toEqual(live.snapshot_counts);
    expect(live.group_counts).not.toEqual({ peer: 4 });
  }, 60000);
});

describe('envelopeAroundReport', () => {
  it("is JSON.stringify of the envelope around the report's text, whatever the texts hold", () => {
    const report = { comments: [{ text: '$& $\' $` "report:" }' }], scores: { dimensions: [] } };
    const envelope = {
      id: randomUUID(),
      type: 'report.updated',
      version: 1,
      occurredAt: new Date().toISOString(),
      organisationId: 'org $&',
      key: 'c:s',
      correlationId: 'report:x',
      payload: { cycleId: 'c', subjectId: '"report"', report, scoredAt: new Date().toISOString() },
    };
    const { head, tail } = envelopeAroundReport(envelope);
    const text = head + JSON.stringify(report) + tail;
    expect(text).toBe(JSON.stringify(envelope));
    expect(JSON.parse(text)).toEqual(envelope);
  });
});
