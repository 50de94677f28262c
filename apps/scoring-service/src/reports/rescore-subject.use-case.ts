import {
  compileContract,
  createEnvelope,
  EventEnvelope,
  headerFieldsOf,
  responseCountedV1,
  reportUpdatedV2,
  ResponseRecordedV1,
} from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { PackedReport } from '@leaderscope/vocabulary';
import type { EntityManager } from 'typeorm';
import { reportSeed, resolveBasis, scorableResponses, ScoringBasis, StoredResponse } from './compute-report';
import { LIVE_RESULT_SET, SubjectReportEntity } from './report.entity';
import { decideLiveSnapshot, ledgerKey, loadLedgers, recordViews, ViewToRecord } from '../disclosure/disclosure-ledger';

/** Takes advisory locks in one statement, in a fixed order (no deadlock between batches). */
async function lockKeys(manager: EntityManager, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY h) AS locks`,
    [keys],
  );
}

interface SubjectWork {
  cycleId: string;
  subjectId: string;
  organisationId: string;
  /** The last event's basis: what the sequential path would have ended with. */
  basis: ScoringBasis;
  /** New events for this subject in the batch: the report version advances by this much. */
  events: number;
  correlationId: string;
}

/**
 * Stores recorded responses and rescores only their subjects (live result set): the disclosure
 * rule decides on the latest version of each rater's answers under the response's instrument
 * version and policy; when it takes a snapshot, the snapshot is scored by @leaderscope/scoring's
 * buildSubjectReport, recorded in the ledger and announced with `report.updated`, in the same
 * transaction as the subject's live row (version, basis, counts; its report is the ledger's) and one
 * `response.counted` per stored response. A redelivered event changes nothing.
 *
 * A batch (what one Kafka fetch brings for the partitions whose events arrive together) is one
 * transaction, and each subject in it is decided once, with all of its new responses: the inbox
 * rows, the responses, the live rows and the snapshots are each written in one statement.
 * `reportVersion` advances by one per response event handled,
 * as if each had been scored on its own (so it equals the number of responses scored when no
 * rater corrected an answer); only the intermediate versions of one batch are not announced.
 */
@Injectable()
export class RescoreSubjectUseCase {
  static readonly consumer = 'rescore-subject';

  /** report.updated's contract compiled once, at start-up (the same checks, output and errors as the runtime parser, faster on a ~44 kB report). */
  private readonly reportUpdated = compileContract(reportUpdatedV2);

  constructor(private readonly outbox: OutboxService) {}

  /** One event (see executeBatch); the subject's report, or undefined for a repeat. */
  async execute(event: EventEnvelope<ResponseRecordedV1>): Promise<SubjectReportEntity | undefined> {
    return (await this.executeBatch([event]))[0];
  }

  /** Handles a batch of `response.recorded` in order; returns the reports written (one per subject). */
  async executeBatch(events: EventEnvelope<ResponseRecordedV1>[]): Promise<SubjectReportEntity[]> {
    let announced = 0;
    const written = await this.outbox.handleBatchOnce(
      RescoreSubjectUseCase.consumer,
      events,
      async ({ manager, emit, writeEmitted }, fresh) => {
        const batch = fresh as EventEnvelope<ResponseRecordedV1>[];
        const subjects = new Map<string, SubjectWork>();
        for (const event of batch) {
          const r = event.payload;
          const key = JSON.stringify([r.cycleId, r.subjectId]);
          const work = subjects.get(key) ?? {
            cycleId: r.cycleId,
            subjectId: r.subjectId,
            organisationId: event.organisationId,
            basis: undefined as unknown as ScoringBasis,
            events: 0,
            correlationId: event.correlationId,
          };
          work.basis = {
            instrumentId: r.instrumentId,
            instrumentVersion: r.instrumentVersion,
            roleProfileId: r.policy.roleProfileId,
            minGroupSize: r.policy.minGroupSize,
            commentThreshold: r.policy.commentThreshold ?? null,
          };
          work.organisationId = event.organisationId;
          work.correlationId = event.correlationId;
          work.events++;
          subjects.set(key, work);
        }
        const work = [...subjects.values()];

        // One subject is rescored by one transaction at a time, so report versions never collide and
        // the subject's report.updated events enter the outbox in version order.
        await lockKeys(
          manager,
          work.map((w) => `scoring:${w.cycleId}:${w.subjectId}`),
        );
        await manager.query(
          `INSERT INTO "scoring"."rater_response" ("response_id", "organisation_id", "cycle_id", "subject_id", "rater_id", "rater_group",
           "instrument_id", "instrument_version", "response_version", "answers", "comments", "policy", "recorded_at")
         SELECT "response_id", "organisation_id", "cycle_id", "subject_id", "rater_id", "rater_group",
           "instrument_id", "instrument_version", "response_version", "answers", "comments", "policy", "recorded_at"
         FROM jsonb_to_recordset($1::jsonb) AS x("response_id" uuid, "organisation_id" text, "cycle_id" text, "subject_id" text,
           "rater_id" text, "rater_group" text, "instrument_id" text, "instrument_version" int, "response_version" int,
           "answers" jsonb, "comments" jsonb, "policy" jsonb, "recorded_at" timestamptz)
         ON CONFLICT DO NOTHING`,
          [
            JSON.stringify(
              batch.map(({ organisationId, payload: r }) => ({
                response_id: r.responseId,
                organisation_id: organisationId,
                cycle_id: r.cycleId,
                subject_id: r.subjectId,
                rater_id: r.raterId,
                rater_group: r.raterGroup,
                instrument_id: r.instrumentId,
                instrument_version: r.instrumentVersion,
                response_version: r.responseVersion,
                answers: r.answers,
                comments: r.comments ?? {},
                policy: r.policy,
                recorded_at: r.recordedAt,
              })),
            ),
          ],
        );

        const scoredAt = new Date();
        // Each stored response counts from now on: the gateway's progress says so (no figure in it).
        for (const { organisationId, correlationId, payload: r } of batch) {
          emit(
            responseCountedV1,
            {
              responseId: r.responseId,
              submissionId: r.submissionId,
              cycleId: r.cycleId,
              subjectId: r.subjectId,
              countedAt: scoredAt.toISOString(),
            },
            { organisationId, correlationId },
          );
        }

        const latest = await latestResponsesOf(manager, work);
        // The live row keeps the result set's bookkeeping (version, basis, counts of the responses
        // received); its report is the snapshot in force's, in the ledger (LiveReportInLedgerOnly), so
        // a subject is scored here only when the disclosure rule takes a snapshot (below).
        const rows = work.map((w) => {
          const counted = scorableResponses(latest.get(JSON.stringify([w.cycleId, w.subjectId])) ?? [], resolveBasis(w.basis));
          return {
            cycle_id: w.cycleId,
            subject_id: w.subjectId,
            result_set: LIVE_RESULT_SET,
            organisation_id: w.organisationId,
            report_version: w.events,
            instrument_id: w.basis.instrumentId,
            instrument_version: w.basis.instrumentVersion,
            role_profile_id: w.basis.roleProfileId,
            min_group_size: w.basis.minGroupSize,
            group_counts: counted.groupCounts,
            response_count: counted.scored.length,
          };
        });
        // One upsert for every subject of the batch; the version advances by the subject's new events.
        const params: unknown[] = [scoredAt.toISOString()];
        const slot = (value: unknown, cast = ''): string => `$${params.push(value)}${cast}`;
        const values = rows.map(
          (row) =>
            `(${slot(row.cycle_id)}, ${slot(row.subject_id)}, ${slot(row.result_set)}, ${slot(row.organisation_id)}, ${slot(row.report_version, '::int')}, ` +
            `${slot(row.instrument_id)}, ${slot(row.instrument_version, '::int')}, ${slot(row.role_profile_id)}, ${slot(row.min_group_size, '::int')}, ` +
            `${slot(JSON.stringify(row.group_counts), '::jsonb')}, ${slot(row.response_count, '::int')})`,
        );
        const versions: { cycle_id: string; subject_id: string; report_version: number }[] = await manager.query(
          `INSERT INTO "scoring"."subject_report" ("cycle_id", "subject_id", "result_set", "organisation_id", "report_version", "instrument_id",
           "instrument_version", "role_profile_id", "min_group_size", "group_counts", "response_count", "report", "scored_at")
         SELECT "cycle_id", "subject_id", "result_set", "organisation_id", "report_version", "instrument_id",
           "instrument_version", "role_profile_id", "min_group_size", "group_counts", "response_count", NULL, $1::timestamptz
         FROM (VALUES ${values.join(', ')}) AS x("cycle_id", "subject_id", "result_set", "organisation_id", "report_version", "instrument_id",
           "instrument_version", "role_profile_id", "min_group_size", "group_counts", "response_count")
         ON CONFLICT ("cycle_id", "subject_id", "result_set") DO UPDATE SET
           "report_version" = "subject_report"."report_version" + EXCLUDED."report_version",
           "organisation_id" = EXCLUDED."organisation_id", "instrument_id" = EXCLUDED."instrument_id",
           "instrument_version" = EXCLUDED."instrument_version", "role_profile_id" = EXCLUDED."role_profile_id",
           "min_group_size" = EXCLUDED."min_group_size", "group_counts" = EXCLUDED."group_counts",
           "response_count" = EXCLUDED."response_count", "scored_at" = EXCLUDED."scored_at"
         RETURNING "cycle_id", "subject_id", "report_version"`,
          params,
        );
        const versionOf = new Map(versions.map((v) => [JSON.stringify([v.cycle_id, v.subject_id]), v.report_version]));

        // The disclosure rule (docs/anonymity.md), for every subject of the batch: their ledgers in at
        // most two queries (the responses just read are not read again), each decision in memory,
        // every snapshot taken recorded in one statement.
        const known = new Map<string, StoredResponse>();
        for (const list of latest.values()) for (const r of list) if (r.responseId) known.set(r.responseId, r);
        const ledgers = await loadLedgers(manager, work, known);
        const taken = work.map((w) =>
          decideLiveSnapshot(
            ledgers.get(ledgerKey(w.cycleId, w.subjectId))!,
            w.basis,
            latest.get(JSON.stringify([w.cycleId, w.subjectId])) ?? [],
            reportSeed(w.cycleId, w.subjectId),
          ),
        );
        // Each snapshot's report is serialised once, from its validated event, and stored once: in its
        // ledger row, to which its report.updated's outbox row refers (LiveEventsReferToLedger), with
        // the envelope's text around the report beside the reference.
        const views: ViewToRecord[] = [];
        const reports: SubjectReportEntity[] = [];
        for (let i = 0; i < work.length; i++) {
          const w = work[i];
          const row = rows[i];
          const report = Object.assign(new SubjectReportEntity(), {
            cycleId: w.cycleId,
            subjectId: w.subjectId,
            resultSet: LIVE_RESULT_SET,
            organisationId: w.organisationId,
            reportVersion: versionOf.get(JSON.stringify([w.cycleId, w.subjectId]))!,
            ...w.basis,
            groupCounts: row.group_counts,
            responseCount: row.response_count,
            report: null,
            scoredAt,
          });
          reports.push(report);
          // What anyone is shown is the disclosure rule's snapshot, announced only when one is taken.
          const snapshot = taken[i];
          if (!snapshot) continue;
          const disclosed = Object.assign(new SubjectReportEntity(), report, {
            groupCounts: snapshot.computed.groupCounts,
            responseCount: snapshot.computed.responseCount,
            report: snapshot.computed.report,
          });
          const envelope = createEnvelope(this.reportUpdated, toReportUpdated(disclosed), {
            organisationId: w.organisationId,
            correlationId: w.correlationId,
          });
          views.push({
            key: { cycleId: w.cycleId, subjectId: w.subjectId, resultSet: LIVE_RESULT_SET, snapshot: snapshot.snapshot },
            basis: w.basis,
            responses: snapshot.responses,
            computed: snapshot.computed,
            reportText: JSON.stringify(envelope.payload.report),
            event: { ...headerFieldsOf(envelope), ...envelopeAroundReport(envelope) },
          });
        }
        // The response.counted events first, then every snapshot taken with its report.updated, in one
        // statement: the outbox keeps the order in which the batch announced them.
        await writeEmitted();
        await recordViews(manager, views);
        announced = views.length;

        return reports;
      },
    );
    // The report.updated rows were written by recordViews, not emitted: the relay is woken for them
    // after the commit, as for a rescore's.
    if (announced > 0) this.outbox.wake();
    return written ?? [];
  }
}

/** The latest version of each rater's answers for several subjects, in one query. */
async function latestResponsesOf(
  manager: EntityManager,
  subjects: { cycleId: string; subjectId: string }[],
): Promise<Map<string, StoredResponse[]>> {
  const rows: {
    response_id: string;
    cycle_id: string;
    subject_id: string;
    rater_id: string;
    rater_group: string;
    answers: StoredResponse['answers'];
    comments: StoredResponse['comments'];
  }[] = await manager.query(
    // Per subject (LATERAL), so each is read through "rater_response_by_subject" in its order
    // whatever the statistics say: a join on the whole array let the planner scan the whole table
    // for every batch (docs/benchmarks.md, "Sixth round").
    `SELECT x.* FROM unnest($1::text[], $2::text[]) AS k(c, s)
       CROSS JOIN LATERAL (
         SELECT DISTINCT ON (r."rater_id") r."response_id"::text AS "response_id", r."cycle_id", r."subject_id", r."rater_id", r."rater_group", r."answers", r."comments"
           FROM "scoring"."rater_response" r
          WHERE r."cycle_id" = k.c AND r."subject_id" = k.s
          ORDER BY r."rater_id", r."response_version" DESC) x
     ORDER BY x."cycle_id", x."subject_id", x."rater_id"`,
    [subjects.map((s) => s.cycleId), subjects.map((s) => s.subjectId)],
  );
  const bySubject = new Map<string, StoredResponse[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.cycle_id, r.subject_id]);
    const list = bySubject.get(key) ?? [];
    list.push({ responseId: r.response_id, raterId: r.rater_id, raterGroup: r.rater_group, answers: r.answers, comments: r.comments });
    bySubject.set(key, list);
  }
  return bySubject;
}

/** The `report.updated` (v2) payload of a report just computed (a snapshot's, a rescore's: packed by `computeSubjectReport`). */
export function toReportUpdated(report: SubjectReportEntity & { report: PackedReport }) {
  return {
    cycleId: report.cycleId,
    subjectId: report.subjectId,
    resultSet: report.resultSet,
    reportVersion: report.reportVersion,
    instrumentId: report.instrumentId,
    instrumentVersion: report.instrumentVersion,
    roleProfileId: report.roleProfileId,
    groupCounts: report.groupCounts,
    responseCount: report.responseCount,
    report: report.report,
    scoredAt: report.scoredAt.toISOString(),
  };
}

/**
 * The envelope's JSON text around its report: `head + reportText + tail` is the envelope's text with
 * `reportText` (the JSON text of its payload's report) as the report, so the report is serialised
 * once for its row and its event (a rescore also sends it to PostgreSQL once). A random marker
 * stands in for it while the rest is serialised, so nothing else in the envelope can be mistaken for
 * it.
 */
export function envelopeAroundReport(envelope: EventEnvelope<{ report: unknown }>): { head: string; tail: string } {
  const marker = JSON.stringify(`report:${randomUUID()}`);
  const text = JSON.stringify({ ...envelope, payload: { ...envelope.payload, report: JSON.parse(marker) as string } });
  const at = text.indexOf(marker);
  return { head: text.slice(0, at), tail: text.slice(at + marker.length) };
}
