'use strict';
/**
 * Direct row loading for size L (10,000 leaders), where setting the organisation and a whole cycle
 * up through the GraphQL API would take hours: the rows the API would have written are generated
 * here and inserted straight into the services' tables, in big multi-row
 * `INSERT ... SELECT FROM unnest($1::uuid[], ...)` statements (pg-copy-streams is not installed and
 * `pg` alone cannot stream COPY FROM STDIN; unnest chunks of a few thousand rows are about as fast).
 *
 * What is generated, column for column as the services write them (see apps/*\/src/migrations and
 * the gateway's surveys/cycles services, the survey service's record-response use case):
 *   gateway.person          the whole organisation (as importPeople would write it, manager_id resolved)
 *   gateway.cycle           one launched cycle, same defaults as createCycle (leader-of-leaders profile,
 *                           anonymity threshold 3, min raters self 1 / manager 1 / peer 3 / direct_report 3, max 8)
 *   gateway.cycle_subject   every leader
 *   gateway.nomination      the proposal the gateway makes (self, manager, 4 peers, 3 direct reports, 6 skip-levels), approved
 *   gateway.assignment      one per nomination, status submitted, the answers as the submission leaves them
 *   survey.response         one recorded response per assignment (rater_id = assignment id, version 1, policy of the cycle)
 *   scoring.rater_response  the scoring service's copy of each (response_id = survey response id)
 * Nothing goes through Kafka and no outbox row is written: these rows are not part of the event path.
 * `discloseCycle` then gives every subject the live snapshot the scoring service's disclosure rule
 * takes (scoring.disclosed_view), so that the replay has what it may show.
 */
const { randomUUID, randomBytes } = require('node:crypto');
const { answersFor } = require('./org');

const DEFAULT_MIN_RATERS = { self: 1, manager: 1, peer: 3, direct_report: 3 };

/** Inserts `rows` (arrays of column values) into `table` in chunks, one unnest statement each. */
async function insertRows(db, table, columns, types, rows, { chunk = 5000, onChunk } = {}) {
  const cols = columns.map((c) => `"${c}"`).join(', ');
  const params = types.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
  const sql = `INSERT INTO ${table} (${cols}) SELECT * FROM unnest(${params})`;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const arrays = columns.map((_, c) => part.map((r) => r[c]));
    await db.query(sql, arrays);
    onChunk?.(part.length);
  }
}

/** The whole organisation, as importPeople would store it. Returns employeeId → person id. */
async function loadPeople(db, organisationId, org, makeBar) {
  const idOf = new Map(org.people.map((p) => [p.id, randomUUID()]));
  const now = new Date().toISOString();
  const rows = org.people.map((p) => [
    idOf.get(p.id),
    organisationId,
    p.id,
    p.name,
    p.email,
    p.title || null,
    'Bench',
    p.manager || null,
    p.manager ? idOf.get(p.manager) : null,
    now,
    now,
  ]);
  const b = makeBar('L rows: gateway.person', rows.length);
  // Managers come before their reports in org.people, so every chunk's manager_id already exists.
  await insertRows(
    db,
    '"gateway"."person"',
    [
      'id',
      'organisation_id',
      'employee_id',
      'name',
      'email',
      'title',
      'department',
      'manager_employee_id',
      'manager_id',
      'created_at',
      'updated_at',
    ],
    ['uuid', 'uuid', 'text', 'text', 'text', 'text', 'text', 'text', 'uuid', 'timestamptz', 'timestamptz'],
    rows,
    { chunk: 10000, onChunk: (n) => b.increment(n) },
  );
  b.stop();
  return idOf;
}

/** The raters the gateway's proposal gives leader `l` (employee ids, group). */
function ratersOf(org, l) {
  const id = `L${l}`;
  const out = [
    [id, 'self'],
    [`H${Math.floor(l / 5)}`, 'manager'],
  ];
  const first = Math.floor(l / 5) * 5;
  for (let p = first; p < Math.min(first + 5, org.leaderIds.length); p++) if (p !== l) out.push([`L${p}`, 'peer']);
  for (let t = 0; t < 3; t++) out.push([`${id}T${t}`, 'direct_report']);
  for (let t = 0; t < 3; t++) for (let e = 0; e < 2; e++) out.push([`${id}T${t}E${e}`, 'skip_level']);
  return out;
}

/**
 * One launched cycle over every leader, every rater having submitted: the gateway's cycle,
 * subjects, nominations and assignments, the survey service's responses and the scoring
 * service's rater responses. Returns { cycleId, assignments, answers }.
 */
async function loadCycle(db, { organisationId, org, personId, instrument, name, makeBar }) {
  const cycleId = randomUUID();
  const now = Date.now();
  const iso = (ms) => new Date(ms).toISOString();
  const policy = JSON.stringify({ minGroupSize: 3, roleProfileId: 'leader-of-leaders' });
  await db.query(
    `INSERT INTO "gateway"."cycle" ("id", "organisation_id", "name", "instrument_id", "instrument_version", "role_profile_id", "anonymity_threshold",
       "min_raters", "max_raters_per_group", "opens_at", "closes_at", "status", "launched_at", "created_at")
     VALUES ($1, $2, $3, $4, $5, 'leader-of-leaders', 3, $6, 8, $7, $8, 'launched', $9, $9)`,
    [
      cycleId,
      organisationId,
      name,
      instrument.id,
      instrument.version,
      JSON.stringify(DEFAULT_MIN_RATERS),
      iso(now - 3600_000),
      iso(now + 7 * 86400_000),
      iso(now - 1800_000),
    ],
  );
  const leaders = org.leaderIds.length;
  const subjects = org.leaderIds.map((e) => [cycleId, personId.get(e), iso(now - 1800_000)]);
  const bs = makeBar('L rows: gateway.cycle_subject', subjects.length);
  await insertRows(db, '"gateway"."cycle_subject"', ['cycle_id', 'person_id', 'added_at'], ['uuid', 'uuid', 'timestamptz'], subjects, {
    chunk: 10000,
    onChunk: (n) => bs.increment(n),
  });
  bs.stop();

  const itemsOf = new Map();
  const items = (group) => {
    if (!itemsOf.has(group))
      itemsOf.set(
        group,
        instrument.items.filter((i) => i.observers.includes(group)),
      );
    return itemsOf.get(group);
  };
  // Generated and inserted a block of leaders at a time, so the 3.6 million answers never sit in memory at once.
  const b = makeBar('L rows: assignments+responses', leaders * 15);
  let assignments = 0;
  let answers = 0;
  const block = 200; // leaders → 3,000 assignments per statement
  for (let from = 0; from < leaders; from += block) {
    const nominations = [];
    const assignmentRows = [];
    const responses = [];
    for (let l = from; l < Math.min(leaders, from + block); l++) {
      const subjectId = personId.get(`L${l}`);
      const level = org.level.get(`L${l}`) ?? 3;
      for (const [raterEmployee, group] of ratersOf(org, l)) {
        const raterPerson = personId.get(raterEmployee);
        const assignmentId = randomUUID();
        const submittedAt = iso(now - 600_000 + Math.floor(org.random() * 500_000));
        const answerMap = {};
        for (const a of answersFor(org.random, level, items(group))) answerMap[a.itemId] = a.value;
        const answerJson = JSON.stringify(answerMap);
        answers += Object.keys(answerMap).length;
        nominations.push([randomUUID(), cycleId, subjectId, raterPerson, group, 'proposed', 'approved', iso(now - 1800_000)]);
        assignmentRows.push([
          assignmentId,
          organisationId,
          cycleId,
          subjectId,
          raterPerson,
          group,
          randomBytes(32).toString('hex'),
          'bench-generated:no-token',
          'submitted',
          answerJson,
          '{}',
          iso(now - 1800_000),
          submittedAt,
          submittedAt,
        ]);
        responses.push([
          randomUUID(),
          randomUUID(),
          organisationId,
          cycleId,
          subjectId,
          assignmentId,
          group,
          instrument.id,
          instrument.version,
          1,
          answerJson,
          '{}',
          policy,
          submittedAt,
        ]);
      }
    }
    await insertRows(
      db,
      '"gateway"."nomination"',
      ['id', 'cycle_id', 'subject_id', 'rater_id', 'rater_group', 'source', 'status', 'updated_at'],
      ['uuid', 'uuid', 'uuid', 'uuid', 'text', 'text', 'text', 'timestamptz'],
      nominations,
      { chunk: nominations.length },
    );
    await insertRows(
      db,
      '"gateway"."assignment"',
      [
        'id',
        'organisation_id',
        'cycle_id',
        'subject_id',
        'rater_person_id',
        'rater_group',
        'token_hash',
        'token_cipher',
        'status',
        'draft_answers',
        'draft_comments',
        'invited_at',
        'started_at',
        'submitted_at',
      ],
      [
        'uuid',
        'uuid',
        'uuid',
        'uuid',
        'uuid',
        'text',
        'text',
        'text',
        'text',
        'jsonb',
        'jsonb',
        'timestamptz',
        'timestamptz',
        'timestamptz',
      ],
      assignmentRows,
      { chunk: assignmentRows.length },
    );
    await insertRows(
      db,
      '"survey"."response"',
      [
        'id',
        'submission_id',
        'organisation_id',
        'cycle_id',
        'subject_id',
        'rater_id',
        'rater_group',
        'instrument_id',
        'instrument_version',
        'response_version',
        'answers',
        'comments',
        'policy',
        'recorded_at',
      ],
      ['uuid', 'uuid', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'int', 'jsonb', 'jsonb', 'jsonb', 'timestamptz'],
      responses,
      { chunk: responses.length },
    );
    await insertRows(
      db,
      '"scoring"."rater_response"',
      [
        'response_id',
        'organisation_id',
        'cycle_id',
        'subject_id',
        'rater_id',
        'rater_group',
        'instrument_id',
        'instrument_version',
        'response_version',
        'answers',
        'comments',
        'policy',
        'recorded_at',
      ],
      ['uuid', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'int', 'jsonb', 'jsonb', 'jsonb', 'timestamptz'],
      responses.map((r) => [r[0], ...r.slice(2)]),
      { chunk: responses.length },
    );
    assignments += assignmentRows.length;
    b.increment(assignmentRows.length);
  }
  b.stop();
  for (const t of [
    '"gateway"."person"',
    '"gateway"."assignment"',
    '"gateway"."nomination"',
    '"survey"."response"',
    '"scoring"."rater_response"',
  ])
    await db.query(`ANALYZE ${t}`);
  return { cycleId, assignments, answers };
}

/**
 * The live snapshots of a generated cycle, taken by the scoring service's own disclosure rule
 * (`takeLiveSnapshot`, as live scoring takes one when responses arrive; here all of a subject's
 * raters arrive at once) and recorded in its ledger (`scoring.disclosed_view`). Without them the
 * replay, which scores each subject's disclosed snapshot (docs/anonymity.md), would have nothing it
 * may show. Subjects are read a block at a time with a keyset cursor; each snapshot is decided in its
 * own transaction under the subject's lock, as live scoring does. Returns how many subjects got one.
 */
async function discloseCycle(db, { scoringApp, cycleId, makeBar }) {
  const { DataSource } = require('typeorm');
  const { takeLiveSnapshot, reportSeed } = require('@leaderscope/scoring-service');
  const dataSource = scoringApp.get(DataSource);
  const total = Number(
    (await db.query(`SELECT count(DISTINCT subject_id) AS n FROM scoring.rater_response WHERE cycle_id = $1`, [cycleId])).rows[0].n,
  );
  const b = makeBar('L rows: disclosed snapshots', total);
  let disclosed = 0;
  for (let last = ''; ;) {
    const { rows } = await db.query(
      `SELECT subject_id, response_id::text AS response_id, rater_id, rater_group, answers, comments, policy, instrument_id, instrument_version
       FROM scoring.rater_response WHERE cycle_id = $1 AND subject_id IN (
         SELECT DISTINCT subject_id FROM scoring.rater_response WHERE cycle_id = $1 AND subject_id > $2 ORDER BY subject_id LIMIT 200)
       ORDER BY subject_id, rater_id`,
      [cycleId, last],
    );
    if (rows.length === 0) break;
    const bySubject = new Map();
    for (const r of rows) {
      if (!bySubject.has(r.subject_id)) bySubject.set(r.subject_id, []);
      bySubject.get(r.subject_id).push(r);
    }
    last = rows[rows.length - 1].subject_id;
    await Promise.all(
      [...bySubject].map(([subjectId, list]) =>
        dataSource.transaction(async (manager) => {
          const { policy } = list[0];
          await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`scoring:${cycleId}:${subjectId}`]);
          const taken = await takeLiveSnapshot(
            manager,
            { cycleId, subjectId },
            {
              instrumentId: list[0].instrument_id,
              instrumentVersion: list[0].instrument_version,
              roleProfileId: policy.roleProfileId ?? null,
              minGroupSize: policy.minGroupSize,
              commentThreshold: policy.commentThreshold ?? null,
            },
            list.map((r) => ({
              responseId: r.response_id,
              raterId: r.rater_id,
              raterGroup: r.rater_group,
              answers: r.answers,
              comments: r.comments,
            })),
            reportSeed(cycleId, subjectId),
          );
          if (taken) disclosed++;
          b.increment();
        }),
      ),
    );
  }
  b.stop();
  await db.query('ANALYZE scoring.disclosed_view');
  return disclosed;
}

module.exports = { loadPeople, loadCycle, discloseCycle, ratersOf, insertRows };
