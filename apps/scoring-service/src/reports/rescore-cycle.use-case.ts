import {
  compileContract,
  createEnvelope,
  cycleScoreRequestedV1,
  headerFieldsOf,
  reportUpdatedV2,
  SerializedEvent,
} from '@leaderscope/events';
import { compressJsonText } from '@leaderscope/database';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { reportSeed, resolveBasis, ScoringBasis, ScoringBasisError } from './compute-report';
import { RescoreEntity, SubjectReportEntity } from './report.entity';
import { envelopeAroundReport, toReportUpdated } from './rescore-subject.use-case';
import { currentLiveReport, decideResultSetView, ledgerKey, ledgerRow, loadLedgers } from '../disclosure/disclosure-ledger';

export interface RescoreCycleRequest {
  /** Also the id of the result set the rescore writes. */
  rescoreId: string;
  cycleId: string;
  /** Default: the instrument the cycle's responses were recorded with. */
  instrumentId?: string;
  instrumentVersion: number;
  /** Default: the cycle's own (from its responses' policy). */
  roleProfileId?: string | null;
  /** Default: the cycle's own (from its responses' policy). */
  minGroupSize?: number;
  requestedAt?: Date;
  correlationId?: string;
}

export interface RescoreProgress {
  cycleId: string;
  subjectId: string;
  /** Subjects of this cycle finished so far (including ones a previous run finished). */
  done: number;
  total: number;
}

export interface RescoreCycleResult {
  rescoreId: string;
  cycleId: string;
  subjects: number;
  /** Subjects scored by this run (the rest were scored by an earlier, interrupted run). */
  scored: number;
  skipped: number;
  ignoredAnswers: number;
}

/**
 * Rescores every subject of one cycle from its stored responses under another instrument version,
 * role profile or threshold, with no new survey. Results are a new result set (id = rescoreId):
 * earlier result sets, the live one included, are kept. Subjects are read with a keyset cursor and
 * scored in chunks of `chunkSize`, one transaction each (`rescoreChunk`: the chunk's disclosure
 * ledgers read in two queries, each subject scored in memory, one statement writing the ledger rows,
 * the reports and their `report.updated` (resultSet = rescoreId) in the outbox, each report
 * serialised once and stored once, as text in its report row, to which its ledger row and its
 * event's outbox row refer); two chunks are in flight at a time. A subject already scored in this
 * result set is skipped: a rescore interrupted midway (a crash, a redelivered request) resumes from
 * the last committed chunk and never writes or announces a subject twice.
 *
 * Shared by the `cycle.rescore-requested` consumer and the rescore CLI.
 */
@Injectable()
export class RescoreCycleUseCase {
  /**
   * Subjects scored per transaction (the ledgers read in two queries, everything written in one
   * statement). 50 keeps a chunk's reports (~44 kB each) within PostgreSQL's default work_mem, so the
   * statement's input is not spilled to disk, and gives two chunks to overlap even at 100 subjects.
   */
  static chunkSize = 50;
  /** Chunks scored at once (each its own transaction on its own connection). */
  static chunksInFlight = 2;

  /**
   * report.updated's contract compiled once, at start-up (the same checks, output and errors): its
   * ~44 kB report made the runtime parser's validation about 40% of this process's time in a replay.
   */
  private readonly reportUpdated = compileContract(reportUpdatedV2);

  constructor(
    private readonly outbox: OutboxService,
    private readonly dataSource: DataSource,
  ) {}

  /** Every cycle with stored responses. */
  async cycles(): Promise<string[]> {
    const rows: { cycle_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT "cycle_id" FROM "scoring"."rater_response" ORDER BY "cycle_id"`,
    );
    return rows.map((r) => r.cycle_id);
  }

  /** The cycle's own scoring basis (from its latest recorded response), or null when it has no responses. */
  async liveBasis(cycleId: string): Promise<{
    instrumentId: string;
    instrumentVersion: number;
    roleProfileId: string | null;
    minGroupSize: number;
    commentThreshold: number | null;
  } | null> {
    const rows: {
      instrument_id: string;
      instrument_version: number;
      policy: { minGroupSize: number; roleProfileId: string | null; commentThreshold?: number };
    }[] = await this.dataSource.query(
      `SELECT "instrument_id", "instrument_version", "policy" FROM "scoring"."rater_response"
         WHERE "cycle_id" = $1 ORDER BY "recorded_at" DESC LIMIT 1`,
      [cycleId],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    return {
      instrumentId: r.instrument_id,
      instrumentVersion: r.instrument_version,
      roleProfileId: r.policy.roleProfileId,
      minGroupSize: r.policy.minGroupSize,
      commentThreshold: r.policy.commentThreshold ?? null,
    };
  }

  async execute(
    request: RescoreCycleRequest,
    onProgress?: (progress: RescoreProgress) => void | Promise<void>,
  ): Promise<RescoreCycleResult> {
    const live = await this.liveBasis(request.cycleId);
    if (!live) throw new ScoringBasisError(`cycle "${request.cycleId}" has no stored responses`);
    const basis = {
      instrumentId: request.instrumentId ?? live.instrumentId,
      instrumentVersion: request.instrumentVersion,
      roleProfileId: request.roleProfileId === undefined ? live.roleProfileId : request.roleProfileId,
      minGroupSize: request.minGroupSize ?? live.minGroupSize,
      // A rescore keeps the cycle's comment threshold (never below its own minGroupSize).
      commentThreshold: live.commentThreshold === null ? null : Math.max(live.commentThreshold, request.minGroupSize ?? live.minGroupSize),
    };
    resolveBasis(basis); // fails early, before anything is written

    await this.dataSource.query(
      `INSERT INTO "scoring"."rescore" ("rescore_id", "cycle_id", "instrument_id", "instrument_version", "role_profile_id", "min_group_size", "requested_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [
        request.rescoreId,
        request.cycleId,
        basis.instrumentId,
        basis.instrumentVersion,
        basis.roleProfileId,
        basis.minGroupSize,
        request.requestedAt ?? new Date(),
      ],
    );

    const total: number = (
      await this.dataSource.query<{ n: number }[]>(
        `SELECT count(DISTINCT "subject_id")::int AS "n" FROM "scoring"."rater_response" WHERE "cycle_id" = $1`,
        [request.cycleId],
      )
    )[0].n;
    const finished = new Set<string>(
      (
        await this.dataSource.query<{ subject_id: string }[]>(
          `SELECT "subject_id" FROM "scoring"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = $2`,
          [request.cycleId, request.rescoreId],
        )
      ).map((r: { subject_id: string }) => r.subject_id),
    );

    let done = finished.size;
    let scored = 0;
    let ignoredAnswers = 0;
    const chunkSize = Math.max(1, RescoreCycleUseCase.chunkSize);
    // The cycle's subjects (with their organisation) a chunk at a time, with a keyset cursor on the
    // subject id: never all at once. Pages are read one after the other.
    let last = '';
    let exhausted = false;
    let reading: Promise<unknown> = Promise.resolve();
    const nextChunk = (): Promise<{ subjectId: string; organisationId: string }[] | null> => {
      const page = reading.then(async () => {
        for (;;) {
          if (exhausted) return null;
          // A loose index scan: one descent of rater_response_by_subject per subject, from the
          // cursor on. `DISTINCT ON … LIMIT` read and sorted every remaining response of the cycle
          // for each page (15 ms a page at M, growing with the cycle: docs/benchmarks.md,
          // "Eighteenth round").
          const rows: { subject_id: string; organisation_id: string }[] = await this.dataSource.query(
            `WITH RECURSIVE "page" AS (
               (SELECT "subject_id", "organisation_id", 1 AS "n" FROM "scoring"."rater_response"
                 WHERE "cycle_id" = $1 AND "subject_id" > $2 ORDER BY "subject_id" LIMIT 1)
               UNION ALL
               SELECT "next"."subject_id", "next"."organisation_id", "page"."n" + 1 FROM "page"
                 CROSS JOIN LATERAL (SELECT "subject_id", "organisation_id" FROM "scoring"."rater_response"
                   WHERE "cycle_id" = $1 AND "subject_id" > "page"."subject_id" ORDER BY "subject_id" LIMIT 1) AS "next"
                WHERE "page"."n" < $3
             )
             SELECT "subject_id", "organisation_id" FROM "page" ORDER BY "subject_id"`,
            [request.cycleId, last, chunkSize],
          );
          if (rows.length < chunkSize) exhausted = true;
          if (rows.length === 0) return null;
          last = rows[rows.length - 1].subject_id;
          const chunk = rows.filter((r) => !finished.has(r.subject_id));
          if (chunk.length > 0) return chunk.map((r) => ({ subjectId: r.subject_id, organisationId: r.organisation_id }));
        }
      });
      reading = page.catch(() => undefined);
      return page;
    };
    // Two chunks in flight, each in its own transaction: while PostgreSQL reads or writes one, this
    // process scores the other (their subjects are disjoint, so their locks never meet).
    // After a failure no chunk is started, and the rescore fails once both have stopped (nothing
    // runs on after it returns); a later run resumes from the chunks that committed.
    let failed = false;
    const worker = async (): Promise<void> => {
      for (;;) {
        if (failed) return;
        const chunk = await nextChunk();
        if (!chunk) return;
        const result = await this.rescoreChunk(request, basis, chunk);
        if (result.wrote.size > 0) this.outbox.wake();
        scored += result.wrote.size;
        ignoredAnswers += result.ignored;
        for (const { subjectId } of chunk) {
          done++;
          await onProgress?.({ cycleId: request.cycleId, subjectId, done, total });
        }
      }
    };
    const settled = await Promise.allSettled(
      Array.from({ length: Math.max(1, RescoreCycleUseCase.chunksInFlight) }, () =>
        worker().catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;

    // Completing the rescore and asking for its cycle-level result (norms, reliability, comparisons)
    // commit together; the request is asked once per rescore (a resumed run does not ask again).
    await this.outbox.transact(async ({ manager, emit }) => {
      const completed: { rescore_id: string }[] = await manager.query(
        `UPDATE "scoring"."rescore" SET "completed_at" = now(), "subject_count" = $3
         WHERE "rescore_id" = $1 AND "cycle_id" = $2 AND "completed_at" IS NULL RETURNING "rescore_id"`,
        [request.rescoreId, request.cycleId, total],
      );
      if (completed.length === 0 || total === 0) return;
      const organisationId: string = (
        await manager.query<{ organisation_id: string }[]>(
          `SELECT "organisation_id" FROM "scoring"."rater_response" WHERE "cycle_id" = $1 LIMIT 1`,
          [request.cycleId],
        )
      )[0].organisation_id;
      emit(
        cycleScoreRequestedV1,
        {
          requestId: randomUUID(),
          cycleId: request.cycleId,
          resultSet: request.rescoreId,
          closed: false,
          requestedAt: new Date().toISOString(),
        },
        { organisationId, correlationId: request.correlationId ?? request.rescoreId },
      );
    });
    return {
      rescoreId: request.rescoreId,
      cycleId: request.cycleId,
      subjects: total,
      scored,
      skipped: total - scored,
      ignoredAnswers,
    };
  }

  /**
   * One chunk in one transaction: the subjects locked as live scoring locks them, their disclosure
   * ledgers read in two queries, each subject's view decided and scored in memory, then one
   * statement writes everything: the ledger rows of the disclosed views, the reports (withheld ones
   * with their reason) and, for each report actually written and disclosed, its `report.updated` in
   * the outbox. Each report is serialised once and stored once: its text is the report row's, and
   * its event's outbox row holds the rest of the envelope (built and validated against the compiled
   * contract here) around a reference to that row, which the relay's view completes. The ledger row
   * refers to the report row (its report is null). A concurrent run of the same rescore may have
   * written some of these subjects: those rows are left as they are and not announced again.
   */
  private async rescoreChunk(
    request: RescoreCycleRequest,
    basis: ScoringBasis,
    chunk: { subjectId: string; organisationId: string }[],
  ): Promise<{ wrote: Set<string>; ignored: number }> {
    return this.outbox.transact(async ({ manager }) => {
      const subjectIds = chunk.map((c) => c.subjectId);
      // Subjects are locked like live scoring does, so a snapshot is not taken while its rescore is decided.
      await manager.query(
        `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY h) AS locks`,
        [subjectIds.map((subjectId) => `scoring:${request.cycleId}:${subjectId}`)],
      );
      // The chunk's disclosure ledgers in two queries, read under the locks just taken.
      const ledgers = await loadLedgers(
        manager,
        subjectIds.map((subjectId) => ({ cycleId: request.cycleId, subjectId })),
      );
      const scoredAt = new Date();
      const ignoredOf = new Map<string, number>();
      const input: {
        subjectId: string;
        organisationId: string;
        groupCounts: Record<string, number>;
        responseCount: number;
        withheld: string | null;
        snapshot: number | null;
        responseIds: string[] | null;
        /** the report as JSON text, and its event's envelope text around that text (null when withheld) */
        report: string | null;
        event: (Omit<SerializedEvent, 'json'> & { head: string; tail: string }) | null;
      }[] = [];
      for (const { subjectId, organisationId } of chunk) {
        // The rescore scores the subject's disclosed snapshot, and only if the disclosure rule lets it be shown.
        const outcome = decideResultSetView(
          ledgers.get(ledgerKey(request.cycleId, subjectId))!,
          request.rescoreId,
          basis,
          reportSeed(request.cycleId, subjectId),
        );
        if ('withheld' in outcome) {
          input.push({
            subjectId,
            organisationId,
            groupCounts: {},
            responseCount: 0,
            withheld: outcome.withheld,
            snapshot: null,
            responseIds: null,
            report: null,
            event: null,
          });
          continue;
        }
        const { computed } = outcome;
        const report = Object.assign(new SubjectReportEntity(), {
          cycleId: request.cycleId,
          subjectId,
          resultSet: request.rescoreId,
          organisationId,
          reportVersion: 1,
          ...basis,
          groupCounts: computed.groupCounts,
          responseCount: computed.responseCount,
          report: computed.report,
          scoredAt,
        });
        // Validated against the contract with its report, and sent with the report as computed: its
        // text once, spliced into the envelope's (the report row, the ledger row and the event carry
        // the same text).
        const envelope = createEnvelope(this.reportUpdated, toReportUpdated(report), {
          organisationId,
          correlationId: request.correlationId ?? request.rescoreId,
        });
        const reportText = JSON.stringify(envelope.payload.report);
        const ledger = ledgerRow(
          { cycleId: request.cycleId, subjectId, resultSet: request.rescoreId, snapshot: outcome.snapshot },
          basis,
          outcome.responses,
        );
        input.push({
          subjectId,
          organisationId,
          groupCounts: computed.groupCounts,
          responseCount: computed.responseCount,
          withheld: null,
          snapshot: ledger.snapshot,
          responseIds: ledger.response_ids,
          report: reportText,
          event: { ...headerFieldsOf(envelope), ...envelopeAroundReport(envelope) },
        });
        ignoredOf.set(subjectId, computed.ignoredAnswers);
      }
      if (input.length === 0) return { wrote: new Set<string>(), ignored: 0 };
      // One row of parameters per subject. The report is one text parameter, stored once as sent,
      // unchecked and unparsed (the columns are text: WholeJsonAsText, docs/benchmarks.md "Ninth
      // round"); its event's outbox row holds the envelope's text around it and the report row's key,
      // and the relay joins them (RescoreEventsReferToReports). The ledger row's report is its report
      // row's too (null: migration RescoreLedgerReportByReference), so each report is stored once.
      const params: unknown[] = [
        request.cycleId,
        request.rescoreId,
        basis.instrumentId,
        basis.instrumentVersion,
        basis.roleProfileId,
        basis.minGroupSize,
        basis.commentThreshold ?? null,
        scoredAt.toISOString(),
      ];
      const slot = (value: unknown, cast = ''): string => `$${params.push(value)}${cast}`;
      const values = input.map(
        (row) =>
          `(${slot(row.subjectId)}, ${slot(row.organisationId)}, ${slot(JSON.stringify(row.groupCounts), '::jsonb')}, ${slot(row.responseCount, '::int')}, ` +
          `${slot(row.withheld)}, ${slot(row.snapshot, '::int')}, ${slot(row.responseIds, '::uuid[]')}, ` +
          `${slot(compressJsonText(row.report ?? '{}'), '::bytea')}, ${slot(row.event?.id ?? null, '::uuid')}, ${slot(row.event?.head ?? null, '::text')}, ${slot(row.event?.tail ?? null, '::text')}, ` +
          `${slot(row.event?.type ?? null, '::text')}, ${slot(row.event?.version ?? null, '::int')}, ${slot(row.event?.key ?? null, '::text')}, ${slot(row.event?.correlationId ?? null, '::text')})`,
      );
      const inserted: { subject_id: string }[] = await manager.query(
        `WITH "input" ("subject_id", "organisation_id", "group_counts", "response_count", "withheld", "snapshot", "response_ids", "report", "event_id",
             "envelope_head", "envelope_tail", "event_type", "event_version", "event_key", "correlation_id") AS (
           VALUES ${values.join(', ')}
         ), "ledger" AS (
           INSERT INTO "scoring"."disclosed_view" ("cycle_id", "subject_id", "result_set", "snapshot", "instrument_id", "instrument_version",
             "role_profile_id", "min_group_size", "response_ids", "group_counts", "report", "comment_threshold")
           SELECT $1, "subject_id", $2, "snapshot", $3, $4::int, $5, $6::int, "response_ids", "group_counts", NULL, $7::int
           FROM "input" WHERE "withheld" IS NULL
           ON CONFLICT DO NOTHING
         ), "written" AS (
           INSERT INTO "scoring"."subject_report" ("cycle_id", "subject_id", "result_set", "organisation_id", "report_version",
             "instrument_id", "instrument_version", "role_profile_id", "min_group_size", "group_counts", "response_count", "report", "withheld", "scored_at")
           SELECT $1, "subject_id", $2, "organisation_id", 1, $3, $4::int, $5, $6::int, "group_counts", "response_count", "report", "withheld", $8::timestamptz
           FROM "input"
           ON CONFLICT DO NOTHING RETURNING "subject_id"
         ), "announced" AS (
           INSERT INTO "scoring"."outbox_event" ("event_id", "envelope", "envelope_head", "envelope_tail", "report_cycle_id", "report_subject_id",
             "report_result_set", "type", "version", "key", "correlation_id")
           SELECT i."event_id", NULL, i."envelope_head", i."envelope_tail", $1, i."subject_id", $2, i."event_type", i."event_version", i."event_key", i."correlation_id"
           FROM "written" w JOIN "input" i USING ("subject_id") WHERE i."withheld" IS NULL
         )
         SELECT "subject_id" FROM "written"`,
        params,
      );
      const wrote = new Set(inserted.map((r) => r.subject_id));
      let ignored = 0;
      for (const subjectId of wrote) ignored += ignoredOf.get(subjectId) ?? 0;
      return { wrote, ignored };
    });
  }

  /** Subjects with a report in a result set. */
  async reportedSubjects(cycleId: string, resultSet: string): Promise<string[]> {
    const rows: { subject_id: string }[] = await this.dataSource.query(
      `SELECT "subject_id" FROM "scoring"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = $2 ORDER BY "subject_id"`,
      [cycleId, resultSet],
    );
    return rows.map((r) => r.subject_id);
  }

  /** The result sets of a cycle: 'live' first, then its rescores in the order they were asked for. */
  async resultSets(cycleId: string): Promise<{ resultSet: string; rescore: RescoreEntity | null }[]> {
    const rescores = await this.dataSource.getRepository(RescoreEntity).find({ where: { cycleId }, order: { requestedAt: 'ASC' } });
    return [{ resultSet: 'live', rescore: null }, ...rescores.map((r) => ({ resultSet: r.rescoreId, rescore: r }))];
  }

  /**
   * Compares one subject's report in two result sets: per dimension the others' mean and fit in
   * each, and the overall figures. Null where a set has no published figure.
   */
  async compare(cycleId: string, subjectId: string, a: string, b: string): Promise<ResultSetComparison | null> {
    const repo = this.dataSource.getRepository(SubjectReportEntity);
    const shown = async (resultSet: string): Promise<SubjectReportEntity | null> => {
      const row = await repo.findOneBy({ cycleId, subjectId, resultSet });
      const withheld: { withheld: string | null }[] = await this.dataSource.query(
        `SELECT "withheld" FROM "scoring"."subject_report" WHERE "cycle_id" = $1 AND "subject_id" = $2 AND "result_set" = $3`,
        [cycleId, subjectId, resultSet],
      );
      if (!row || withheld[0]?.withheld) return null;
      if (resultSet !== 'live') return row;
      // the live figures anyone may see are the snapshot in force, never the raw scoring
      const report = await currentLiveReport(this.dataSource.manager, cycleId, subjectId);
      return report ? Object.assign(row, { report }) : null;
    };
    const [ra, rb] = await Promise.all([shown(a), shown(b)]);
    if (!ra || !rb) return null;
    type Dim = { dimensionId: string; others: { mean?: number; suppressed?: boolean }; expectation: { fit: number } | null };
    const dims = (r: SubjectReportEntity) =>
      new Map((r.report as { scores: { dimensions: Dim[] } }).scores.dimensions.map((d) => [d.dimensionId, d]));
    const da = dims(ra);
    const db = dims(rb);
    const mean = (d: Dim | undefined) => (d && !d.others.suppressed && typeof d.others.mean === 'number' ? d.others.mean : null);
    const overall = (r: SubjectReportEntity) => (r.report as { overall: { others: number | null; fit: number | null } }).overall;
    return {
      cycleId,
      subjectId,
      a: {
        resultSet: a,
        instrumentVersion: ra.instrumentVersion,
        roleProfileId: ra.roleProfileId,
        others: overall(ra).others,
        fit: overall(ra).fit,
      },
      b: {
        resultSet: b,
        instrumentVersion: rb.instrumentVersion,
        roleProfileId: rb.roleProfileId,
        others: overall(rb).others,
        fit: overall(rb).fit,
      },
      dimensions: [...new Set([...da.keys(), ...db.keys()])].map((dimensionId) => {
        const x = da.get(dimensionId);
        const y = db.get(dimensionId);
        const [ma, mb] = [mean(x), mean(y)];
        return {
          dimensionId,
          a: ma,
          b: mb,
          delta: ma !== null && mb !== null ? mb - ma : null,
          fitA: x?.expectation?.fit ?? null,
          fitB: y?.expectation?.fit ?? null,
        };
      }),
    };
  }
}

export interface ResultSetComparison {
  cycleId: string;
  subjectId: string;
  a: { resultSet: string; instrumentVersion: number; roleProfileId: string | null; others: number | null; fit: number | null };
  b: { resultSet: string; instrumentVersion: number; roleProfileId: string | null; others: number | null; fit: number | null };
  dimensions: { dimensionId: string; a: number | null; b: number | null; delta: number | null; fitA: number | null; fitB: number | null }[];
}
