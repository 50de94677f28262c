import { compressJsonText, jsonTextOfStored } from '@leaderscope/database';
import { decideResultSet, decideSnapshot, DisclosedView, DisclosureBasis } from '@leaderscope/scoring';
import type { InstrumentDefinition } from '@leaderscope/framework';
import type { EntityManager } from 'typeorm';
import {
  byRaterId,
  ComputedReport,
  computeSubjectReport,
  resolveBasis,
  ScoringBasis,
  scorableResponses,
  StoredResponse,
} from '../reports/compute-report';

/** One row of `scoring.disclosed_view`: a view of a subject that was disclosed. */
interface LedgerRow {
  result_set: string;
  snapshot: number;
  instrument_id: string;
  instrument_version: number;
  role_profile_id: string | null;
  min_group_size: number;
  comment_threshold: number | null;
  response_ids: string[];
}

/** Everything ever disclosed about one subject, with the frozen responses each view was computed from. */
export interface Ledger {
  cycleId: string;
  subjectId: string;
  rows: LedgerRow[];
  responses: Map<string, StoredResponse>;
  /** the live snapshot in force: its number and frozen responses (null before the first) */
  current: { snapshot: number; responses: StoredResponse[] } | null;
}

const basisOf = (row: LedgerRow): ScoringBasis => ({
  instrumentId: row.instrument_id,
  instrumentVersion: row.instrument_version,
  roleProfileId: row.role_profile_id,
  minGroupSize: row.min_group_size,
  commentThreshold: row.comment_threshold,
});

/** A basis and responses as the disclosure rule takes them. */
function view(resultSet: string, basis: ScoringBasis, responses: StoredResponse[]): DisclosedView {
  const { disclosureBasis, instrument } = frozenBasis(resultSet, basis);
  return { basis: disclosureBasis, responses: scorableResponses(responses, instrument).scored };
}

/**
 * An LRU map: `get` makes an entry the most recently used, `set` forgets the least recently used
 * beyond `capacity` and, whenever it is called, the entries not used for `maxIdleMs` (so that a copy
 * of answers does not outlive its use for long in a quiet process).
 */
export class RecentlyUsed<V> {
  private readonly entries = new Map<string, { value: V; usedAt: number }>();

  constructor(
    readonly capacity: number,
    private readonly maxIdleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    entry.usedAt = this.now();
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    const now = this.now();
    this.entries.delete(key);
    this.entries.set(key, { value, usedAt: now });
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.capacity && now - entry.usedAt <= this.maxIdleMs) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets every entry whose key starts with `prefix`. */
  forget(prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}

/**
 * The views of the disclosure ledger, handed back as the same objects across decisions.
 *
 * A ledger row — a view of a subject (cycle, subject, result set, snapshot) — never changes its
 * basis or its frozen responses, and a stored response version never changes either, so the view of
 * a row is a function of its key, its basis and its response ids: the cache's key. The scoring
 * package computes the figures of a view once per view object (`decideSnapshot` takes the views
 * and the snapshot in force as frozen), so a decision scores its candidate instead of every view
 * disclosed so far. The snapshot in force under the decision's basis is kept the same way (it is the
 * object of its ledger row when the bases agree). Nothing here changes a decision: a view built
 * again from the database is equal to the one kept. Views must not be mutated.
 *
 * About 100 kB a view of the built-in instrument with its figures. 1,000 views hold the ledgers of
 * about two hundred subjects being answered at once (the freshness benchmark's 200 have up to six
 * views each, most fewer); an LRU smaller than the views in use misses at every decision and only
 * churns (10,000 subjects answered at once at L: the process's peak 794 MiB with 1,000 views, 964
 * MiB with 2,000; docs/benchmarks.md, "Seventh round"). Views idle for ten
 * minutes are dropped at the next insertion, and a cycle's when its responses are purged
 * (`forgetCycleViews`).
 */
const frozenViews = new RecentlyUsed<DisclosedView>(1000, 10 * 60_000);
/** The scoring package's bases, one object per result set and scoring basis (the views' basis objects). */
const frozenBases = new RecentlyUsed<{ disclosureBasis: DisclosureBasis; instrument: InstrumentDefinition }>(200, 10 * 60_000);

function frozenBasis(resultSet: string, basis: ScoringBasis): { disclosureBasis: DisclosureBasis; instrument: InstrumentDefinition } {
  const key = JSON.stringify([resultSet, ...basisKey(basis)]);
  const known = frozenBases.get(key);
  if (known) return known;
  const instrument = resolveBasis(basis); // throws for a basis it cannot score (kept only when it can)
  const made = {
    disclosureBasis: {
      resultSet,
      instrument,
      policy: { minGroupSize: basis.minGroupSize, commentThreshold: basis.commentThreshold ?? undefined },
    },
    instrument,
  };
  frozenBases.set(key, made);
  return made;
}

/**
 * The view of a ledger row (or of the snapshot in force under another basis), the same object as long
 * as it is kept. `keep` false: a view already kept is used, a new one is not kept (a rescore visits
 * each subject once, and would only push out the views of the subjects being answered).
 */
function frozenView(
  subject: { cycleId: string; subjectId: string },
  resultSet: string,
  snapshot: number,
  basis: ScoringBasis,
  responses: StoredResponse[],
  keep = true,
): DisclosedView {
  if (responses.some((r) => r.responseId === undefined)) return view(resultSet, basis, responses);
  const key = viewKey(subject, resultSet, snapshot, basis, responses);
  const known = frozenViews.get(key);
  if (known) return known;
  const made = view(resultSet, basis, responses);
  if (keep) frozenViews.set(key, made);
  return made;
}

/** The key of a ledger row's view in `frozenViews`: the row's key, its basis and its response ids. */
function viewKey(
  subject: { cycleId: string; subjectId: string },
  resultSet: string,
  snapshot: number,
  basis: ScoringBasis,
  responses: StoredResponse[],
): string {
  return JSON.stringify([subject.cycleId, subject.subjectId, resultSet, snapshot, ...basisKey(basis), responses.map((r) => r.responseId)]);
}

/** Every field of a scoring basis (a missing comment threshold is null, as `resolveBasis` takes it). */
const basisKey = (basis: ScoringBasis) => [
  basis.instrumentId,
  basis.instrumentVersion,
  basis.roleProfileId,
  basis.minGroupSize,
  basis.commentThreshold ?? null,
];

/** Forgets the views kept of a cycle (its responses were purged). */
export function forgetCycleViews(cycleId: string): void {
  frozenViews.forget(JSON.stringify([cycleId]).slice(0, -1) + ',');
}

/** How many ledger views are kept (for tests). */
export const keptViewCount = (): number => frozenViews.size;

/** The key of a subject's ledger in the map `loadLedgers` returns. */
export const ledgerKey = (cycleId: string, subjectId: string): string => `${cycleId}\u0000${subjectId}`;

/** Reads a subject's ledger (call under the subject's lock). */
export async function loadLedger(manager: EntityManager, cycleId: string, subjectId: string): Promise<Ledger> {
  const ledgers = await loadLedgers(manager, [{ cycleId, subjectId }]);
  return ledgers.get(ledgerKey(cycleId, subjectId))!;
}

/**
 * Reads the ledgers of many subjects in at most two queries (whole-cycle jobs, a batch of live
 * responses); every requested subject gets a ledger, empty when nothing was disclosed. Keyed by
 * `ledgerKey`. `known`: stored responses the caller has just read in the same transaction (stored
 * responses never change), which are then not read again; the second query reads only the others,
 * and is skipped when there are none.
 */
export async function loadLedgers(
  manager: EntityManager,
  subjects: { cycleId: string; subjectId: string }[],
  known?: ReadonlyMap<string, StoredResponse>,
): Promise<Map<string, Ledger>> {
  const rows: (LedgerRow & { cycle_id: string; subject_id: string })[] =
    subjects.length === 0
      ? []
      : await manager.query(
          // per subject (LATERAL; OFFSET 0 keeps PostgreSQL from turning it back into one join over
          // the whole table), through the primary key, whatever the statistics say
          `SELECT v.* FROM unnest($1::text[], $2::text[]) AS k("cycle_id", "subject_id")
             CROSS JOIN LATERAL (
               SELECT v."cycle_id", v."subject_id", v."result_set", v."snapshot", v."instrument_id", v."instrument_version", v."role_profile_id",
                 v."min_group_size", v."comment_threshold", v."response_ids"::text[] AS "response_ids", v."disclosed_at"
               FROM "scoring"."disclosed_view" v WHERE v."cycle_id" = k."cycle_id" AND v."subject_id" = k."subject_id" OFFSET 0) v
           ORDER BY v."cycle_id", v."subject_id", v."snapshot", v."disclosed_at", v."result_set"`,
          [subjects.map((s) => s.cycleId), subjects.map((s) => s.subjectId)],
        );
  const ids = [...new Set(rows.flatMap((r) => r.response_ids))].filter((id) => !known?.has(id));
  const stored: {
    response_id: string;
    rater_id: string;
    rater_group: string;
    answers: StoredResponse['answers'];
    comments: StoredResponse['comments'];
  }[] =
    ids.length === 0
      ? []
      : await manager.query(
          `SELECT "response_id"::text AS "response_id", "rater_id", "rater_group", "answers", "comments" FROM "scoring"."rater_response" WHERE "response_id" = ANY($1::uuid[])`,
          [ids],
        );
  const responses = new Map<string, StoredResponse>(
    stored.map((r) => [
      r.response_id,
      { responseId: r.response_id, raterId: r.rater_id, raterGroup: r.rater_group, answers: r.answers, comments: r.comments },
    ]),
  );
  for (const row of rows) for (const id of row.response_ids) if (!responses.has(id) && known?.has(id)) responses.set(id, known.get(id)!);
  const bySubject = new Map<string, { subject: { cycleId: string; subjectId: string }; own: LedgerRow[] }>(
    subjects.map((s) => [ledgerKey(s.cycleId, s.subjectId), { subject: { cycleId: s.cycleId, subjectId: s.subjectId }, own: [] }]),
  );
  for (const { cycle_id, subject_id, ...row } of rows) bySubject.get(ledgerKey(cycle_id, subject_id))?.own.push(row);
  const ledgers = new Map<string, Ledger>();
  for (const [key, { subject, own }] of bySubject) {
    const mine = new Map(own.flatMap((r) => r.response_ids).map((id) => [id, responses.get(id)!]));
    const live = own.filter((r) => r.result_set === 'live').at(-1);
    ledgers.set(key, {
      ...subject,
      rows: own,
      responses: mine,
      current: live ? { snapshot: live.snapshot, responses: live.response_ids.map((id) => mine.get(id)!) } : null,
    });
  }
  return ledgers;
}

/** The views of a subject's ledger rows (kept across decisions: `frozenViews`; `keep` as `frozenView` takes it). */
export function disclosedViews(ledger: Ledger, keep = true): DisclosedView[] {
  return ledger.rows.map((r) =>
    frozenView(
      ledger,
      r.result_set,
      r.snapshot,
      basisOf(r),
      r.response_ids.map((id) => ledger.responses.get(id)!),
      keep,
    ),
  );
}

/** A view to record in the ledger: its key, basis, frozen responses and report. */
export interface ViewToRecord {
  key: { cycleId: string; subjectId: string; resultSet: string; snapshot: number };
  basis: ScoringBasis;
  responses: StoredResponse[];
  computed: ComputedReport;
  /** The report's JSON text when the caller already has it: its validated event's, which carries the same text. */
  reportText?: string;
  /**
   * The view's `report.updated`, announced with it: the routing fields of its validated envelope and
   * the envelope's text before and after its report (`reportText`). Its outbox row refers to the
   * ledger row written here instead of holding a copy of the report (LiveEventsReferToLedger).
   */
  event?: { id: string; type: string; version: number; key: string; correlationId: string; head: string; tail: string };
}

/**
 * Records many views in the ledger in one statement (a batch of live snapshots): one row of
 * parameters per view, its report's text as sent, stored compressed (`compressJsonText`:
 * ReportsCompressed1768900000001). In the same
 * statement, each view given an `event` that was recorded here (not there already) gets its outbox
 * row, in the order of `views`: the envelope's head and tail around a reference to the ledger row,
 * which the relay completes with the report's text (`outbox_event_envelope` gives it the parts).
 */
export async function recordViews(manager: EntityManager, views: ViewToRecord[]): Promise<void> {
  if (views.length === 0) return;
  const params: unknown[] = [];
  const slot = (value: unknown, cast = ''): string => `$${params.push(value)}${cast}`;
  const values = views.map(({ key, basis, responses, computed, reportText, event }, n) => {
    const row = ledgerRow(key, basis, responses);
    return (
      `(${n}, ${slot(row.cycle_id)}, ${slot(row.subject_id)}, ${slot(row.result_set)}, ${slot(row.snapshot, '::int')}, ${slot(row.instrument_id)}, ` +
      `${slot(row.instrument_version, '::int')}, ${slot(row.role_profile_id)}, ${slot(row.min_group_size, '::int')}, ${slot(row.response_ids, '::uuid[]')}, ` +
      `${slot(JSON.stringify(computed.groupCounts), '::jsonb')}, ${slot(compressJsonText(reportText ?? JSON.stringify(computed.report)), '::bytea')}, ${slot(row.comment_threshold, '::int')}, ` +
      `${slot(event?.id ?? null, '::uuid')}, ${slot(event?.type ?? null, '::text')}, ${slot(event?.version ?? null, '::int')}, ${slot(event?.key ?? null, '::text')}, ` +
      `${slot(event?.correlationId ?? null, '::text')}, ${slot(event?.head ?? null, '::text')}, ${slot(event?.tail ?? null, '::text')})`
    );
  });
  await manager.query(
    `WITH "input" ("n", "cycle_id", "subject_id", "result_set", "snapshot", "instrument_id", "instrument_version", "role_profile_id", "min_group_size",
         "response_ids", "group_counts", "report", "comment_threshold", "event_id", "event_type", "event_version", "event_key", "correlation_id",
         "envelope_head", "envelope_tail") AS (
       VALUES ${values.join(', ')}
     ), "recorded" AS (
       INSERT INTO "scoring"."disclosed_view" ("cycle_id", "subject_id", "result_set", "snapshot", "instrument_id", "instrument_version", "role_profile_id",
         "min_group_size", "response_ids", "group_counts", "report", "comment_threshold")
       SELECT "cycle_id", "subject_id", "result_set", "snapshot", "instrument_id", "instrument_version", "role_profile_id",
         "min_group_size", "response_ids", "group_counts", "report", "comment_threshold"
       FROM "input"
       ON CONFLICT DO NOTHING
       RETURNING "cycle_id", "subject_id", "result_set", "snapshot"
     )
     INSERT INTO "scoring"."outbox_event" ("event_id", "envelope", "envelope_head", "envelope_tail", "report_cycle_id", "report_subject_id",
       "report_result_set", "report_snapshot", "type", "version", "key", "correlation_id")
     SELECT i."event_id", NULL, i."envelope_head", i."envelope_tail", i."cycle_id", i."subject_id", i."result_set", i."snapshot",
       i."event_type", i."event_version", i."event_key", i."correlation_id"
     FROM "input" i JOIN "recorded" r USING ("cycle_id", "subject_id", "result_set", "snapshot")
     WHERE i."event_id" IS NOT NULL
     ORDER BY i."n"`,
    params,
  );
}

/**
 * The live side of the disclosure rule (docs/anonymity.md): given the latest response of every rater
 * so far, takes the next snapshot if `decideSnapshot` allows it, records it in the ledger and returns
 * its report; otherwise null (nobody is shown anything new).
 */
export async function takeLiveSnapshot(
  manager: EntityManager,
  subject: { cycleId: string; subjectId: string },
  basis: ScoringBasis,
  received: StoredResponse[],
  seed: string,
): Promise<{ snapshot: number; computed: ComputedReport } | null> {
  const ledger = await loadLedger(manager, subject.cycleId, subject.subjectId);
  const taken = decideLiveSnapshot(ledger, basis, received, seed);
  if (!taken) return null;
  await recordViews(manager, [
    { key: { ...subject, resultSet: 'live', snapshot: taken.snapshot }, basis, responses: taken.responses, computed: taken.computed },
  ]);
  return { snapshot: taken.snapshot, computed: taken.computed };
}

/**
 * `takeLiveSnapshot`'s decision, in memory, from the subject's ledger (loaded under the subject's
 * lock): the next snapshot's number, frozen responses and report, or null. Recording it
 * (`recordViews`) is the caller's, so a batch of subjects writes its snapshots in one statement.
 * The report is computed only for a snapshot taken.
 */
export function decideLiveSnapshot(
  ledger: Ledger,
  basis: ScoringBasis,
  received: StoredResponse[],
  seed: string,
): { snapshot: number; responses: StoredResponse[]; computed: ComputedReport; view: DisclosedView } | null {
  // The snapshot in force under this basis is a frozen view too (the object of its ledger row when
  // the row has this basis), and the basis the same object as the views'.
  const current = ledger.current ? frozenView(ledger, 'live', ledger.current.snapshot, basis, ledger.current.responses) : null;
  const decision = decideSnapshot({
    basis: frozenBasis('live', basis).disclosureBasis,
    current: current ? current.responses : null,
    received: view('live', basis, received).responses,
    disclosed: disclosedViews(ledger),
  });
  if (!decision.take) return null;
  const frozen = new Map((ledger.current?.responses ?? []).map((r) => [r.raterId, r]));
  const latest = new Map(received.map((r) => [r.raterId, r]));
  // recorded by rater: the decision lists the raters of the snapshot in force first, in the order
  // they came in (this decision's own array when kept, see below, else by rater), so the ledger row
  // is the same whichever the process had kept
  const responses = decision.responses.map((r) => frozen.get(r.raterId) ?? latest.get(r.raterId)!).sort(byRaterId);
  const snapshot = (ledger.current?.snapshot ?? 0) + 1;
  // The new snapshot's view is the decision's candidate, whose figures the scoring package keeps with
  // it: kept under the key of the ledger row about to be recorded, the next decisions of this subject
  // take it as the snapshot in force without scoring it again. It holds the responses `frozenView`
  // would build from that row, each converted from the same stored response by the same `view`, in
  // the candidate's order where `view` lists them by rater (the rule reads sets of raters and exact
  // equations per rater, never the order; the property test in disclosure-ledger.spec.ts decides
  // with these views and from scratch). A row never recorded (a rolled-back batch) is never read, and
  // a row recorded with other responses has another key.
  const taken: DisclosedView = { basis: frozenBasis('live', basis).disclosureBasis, responses: decision.responses };
  frozenViews.set(viewKey(ledger, 'live', snapshot, basis, responses), taken);
  return { snapshot, responses, computed: computeSubjectReport(responses, basis, seed), view: taken };
}

/**
 * A rescore's view of a subject, decided without writing anything: the live snapshot in force
 * scored under another basis, disclosed only if the audit over everything disclosed before finds no
 * isolated rater. Returns the report with the snapshot and responses it was computed from (what
 * the ledger records), or the reason it is withheld (also when no snapshot exists yet). Whole-cycle
 * jobs record the views of a chunk of subjects in one statement; `discloseResultSet` records one.
 */
export function decideResultSetView(
  ledger: Ledger,
  resultSet: string,
  basis: ScoringBasis,
  seed: string,
): { computed: ComputedReport; snapshot: number; responses: StoredResponse[] } | { withheld: string } {
  if (!ledger.current) return { withheld: 'no results have been disclosed for this subject yet' };
  const { snapshot, responses } = ledger.current;
  if (!showsOnlyDisclosedFigures(ledger, basis)) {
    const candidate = view(resultSet, basis, responses);
    // the views kept for live decisions serve here too, but a rescore's are not kept
    const decision = decideResultSet(candidate, disclosedViews(ledger, false));
    if (!decision.disclose) return { withheld: `withheld to protect anonymity: ${decision.reasons.join('; ')}` };
  }
  return { computed: computeSubjectReport(responses, basis, seed), snapshot, responses };
}

/**
 * Whether a view of the snapshot in force under `basis` shows exactly the figures of a view already
 * in the ledger: the same frozen responses scored with the same instrument version and thresholds
 * (the role profile only sets the targets a fit is measured against; the audit's equations are the
 * groups' and others' means, which it does not change). Such a view adds no equation to the audit's
 * system, which is then the system audited (and found to isolate nobody) when that view was
 * recorded — every view enters the ledger only after that audit — so the decision is the audit's
 * without running it. A rescore under another instrument version or threshold is always audited.
 */
function showsOnlyDisclosedFigures(ledger: Ledger, basis: ScoringBasis): boolean {
  const current = ledger.current;
  if (!current) return false;
  const ids = current.responses.map((r) => r.responseId ?? '').sort();
  if (ids.some((id) => id === '')) return false;
  const key = ids.join(',');
  return ledger.rows.some(
    (row) =>
      row.instrument_id === basis.instrumentId &&
      row.instrument_version === basis.instrumentVersion &&
      row.min_group_size === basis.minGroupSize &&
      (row.comment_threshold ?? null) === (basis.commentThreshold ?? null) &&
      row.response_ids.length === ids.length &&
      [...row.response_ids].sort().join(',') === key,
  );
}

/** The ledger row of a view (what `record` writes), for whole-cycle jobs that write many in one statement. */
export function ledgerRow(
  key: { cycleId: string; subjectId: string; resultSet: string; snapshot: number },
  basis: ScoringBasis,
  responses: StoredResponse[],
): {
  cycle_id: string;
  subject_id: string;
  result_set: string;
  snapshot: number;
  instrument_id: string;
  instrument_version: number;
  role_profile_id: string | null;
  min_group_size: number;
  comment_threshold: number | null;
  response_ids: string[];
} {
  return {
    cycle_id: key.cycleId,
    subject_id: key.subjectId,
    result_set: key.resultSet,
    snapshot: key.snapshot,
    instrument_id: basis.instrumentId,
    instrument_version: basis.instrumentVersion,
    role_profile_id: basis.roleProfileId,
    min_group_size: basis.minGroupSize,
    comment_threshold: basis.commentThreshold ?? null,
    response_ids: responses.map((r) => r.responseId!),
  };
}

/**
 * A rescore's view of a subject (`decideResultSetView`), recorded in the ledger when disclosed.
 * Returns the report, or the reason it is withheld (also when no snapshot exists yet).
 */
export async function discloseResultSet(
  manager: EntityManager,
  subject: { cycleId: string; subjectId: string },
  resultSet: string,
  basis: ScoringBasis,
  seed: string,
  /** the subject's ledger when the caller already loaded it (whole-cycle jobs), under the same lock */
  loaded?: Ledger,
): Promise<{ computed: ComputedReport } | { withheld: string }> {
  const ledger = loaded ?? (await loadLedger(manager, subject.cycleId, subject.subjectId));
  const outcome = decideResultSetView(ledger, resultSet, basis, seed);
  if ('withheld' in outcome) return outcome;
  await recordViews(manager, [
    { key: { ...subject, resultSet, snapshot: outcome.snapshot }, basis, responses: outcome.responses, computed: outcome.computed },
  ]);
  return { computed: outcome.computed };
}

/** The report of the live snapshot in force (what every viewer may see), or null. */
export async function currentLiveReport(
  manager: EntityManager,
  cycleId: string,
  subjectId: string,
): Promise<Record<string, unknown> | null> {
  const [row] = await manager.query<{ report: Buffer | null }[]>(
    `SELECT "report" FROM "scoring"."disclosed_view" WHERE "cycle_id" = $1 AND "subject_id" = $2 AND "result_set" = 'live' ORDER BY "snapshot" DESC LIMIT 1`,
    [cycleId, subjectId],
  );
  return row?.report ? (JSON.parse(jsonTextOfStored(row.report)) as Record<string, unknown>) : null;
}
