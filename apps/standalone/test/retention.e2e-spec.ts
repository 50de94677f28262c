/**
 * Retention of raw answers: HR sets "delete raw answers and comments N months after a cycle
 * closes", sees the date per closed cycle, and the scheduled job (on a clock the test moves) deletes
 * them in the gateway, and through `cycle.responses-purge-requested` in the survey and scoring
 * services, while every report stays exactly as disclosed. The whole platform in this process:
 * real PostgreSQL, the PostgreSQL-log transport, the real services.
 */
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { provisionOrganisation, RetentionJob } from '@leaderscope/gateway';
import { DataSource } from 'typeorm';
import { Platform, startPlatform } from '../src';
import { answerSurvey, Api, launchCycleForAda, LaunchedCycle, PASSWORD, SUBJECT_REPORT } from './fixtures';
import { emittedEventsSql } from './pipeline-counts';

const RETENTION = `{ responseRetention { months cycles { cycleId name closedAt deleteOn deletedAt } } }`;
const SET_RETENTION = `mutation($m: Int) { setResponseRetention(months: $m) { months cycles { cycleId deleteOn deletedAt } } }`;

describe('retention of raw answers after a cycle closes', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;
  let hr: string;
  let cycle: LaunchedCycle;
  let dataSource: DataSource;
  let now = new Date();

  const count = async (sql: string, params: unknown[] = []) => (await dataSource.query<{ n: number }[]>(sql, params))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({
      databaseUrl: db.url,
      port: 0,
      seedDemo: false,
      secret: 'retention-secret-0123456789',
      retention: { clock: () => now, intervalMs: 3_600_000 },
      log: () => {},
    });
    api = new Api(platform.url);
    dataSource = platform.gateway.get(DataSource);
    await provisionOrganisation(dataSource, { name: 'Org', hrEmail: 'hr@org.test', hrPassword: PASSWORD });
    hr = await api.login('hr@org.test', PASSWORD);
    cycle = await launchCycleForAda(api, hr);
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('deletes raw answers when due, keeps every report as disclosed, and tells HR when', async () => {
    // Everyone but the skip-levels answers; one skip-level answers too: that one is held back by
    // the disclosure rule (it would move the others' figures by one), so the scoring service holds
    // a figure nobody was shown.
    const answering = cycle.invitations.filter((i) => i.group !== 'skip_level');
    answering.push(cycle.invitations.find((i) => i.group === 'skip_level')!);
    for (const [i, rater] of answering.entries()) {
      if (i === answering.length - 1)
        // The skip-level answers alone, after the others are counted and shown: arriving in the same
        // batch as them, it could join the first snapshot instead of being held back.
        await eventually(
          'the others counted and a first snapshot shown',
          async () => {
            const { cycleProgress } = await api.ok(`query($c: ID!) { cycleProgress(cycleId: $c) { counted } }`, { c: cycle.cycleId }, hr);
            const shown = await api.ok(SUBJECT_REPORT, { cycleId: cycle.cycleId, subjectId: cycle.subjectId }, hr);
            return cycleProgress.counted === answering.length - 1 && (shown.subjectReport?.responseCount ?? 0) === answering.length - 1;
          },
          60000,
        );
      expect(
        (await answerSurvey(api, rater.token, 2 + (i % 3), i === 0 ? 'A comment that must go.' : undefined)).result.errors,
      ).toBeUndefined();
    }
    await eventually(
      'every answer counted and every event published',
      async () => {
        const { cycleProgress } = await api.ok(`query($c: ID!) { cycleProgress(cycleId: $c) { counted } }`, { c: cycle.cycleId }, hr);
        return (
          cycleProgress.counted === answering.length &&
          (await count(`SELECT count(*)::int AS n FROM "scoring"."outbox_event" WHERE "published_at" IS NULL`)) === 0
        );
      },
      60000,
    );
    await api.ok(`mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`, { c: cycle.cycleId }, hr);
    await api.ok(`mutation($c: ID!) { releaseResults(cycleId: $c) { id } }`, { c: cycle.cycleId }, hr);
    const reportBefore = await api.ok(SUBJECT_REPORT, { cycleId: cycle.cycleId, subjectId: cycle.subjectId }, hr);
    expect(reportBefore.subjectReport.responseCount).toBeGreaterThan(0);
    // The scoring service's live report counts the held-back rater; the disclosed one does not.
    const [live] = await dataSource.query<{ response_count: number }[]>(
      `SELECT "response_count" FROM "scoring"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = 'live'`,
      [cycle.cycleId],
    );
    expect(live.response_count).toBe(answering.length);
    expect(reportBefore.subjectReport.responseCount).toBeLessThan(answering.length);
    const rawBefore = {
      survey: await count(`SELECT count(*)::int AS n FROM "survey"."response" WHERE "cycle_id" = $1`, [cycle.cycleId]),
      scoring: await count(`SELECT count(*)::int AS n FROM "scoring"."rater_response" WHERE "cycle_id" = $1`, [cycle.cycleId]),
    };
    expect(rawBefore).toEqual({ survey: answering.length, scoring: answering.length });
    const announcedBefore = await count(emittedEventsSql('scoring', 'report.updated'));

    // Bad input: the field is named and nothing changes.
    for (const months of [0, 241]) {
      const refused = await api.call(SET_RETENTION, { m: months }, hr);
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'months' })]);
    }
    expect((await api.ok(RETENTION, {}, hr)).responseRetention.months).toBeNull();

    const set = (await api.ok(SET_RETENTION, { m: 6 }, hr)).setResponseRetention;
    expect(set.months).toBe(6);
    const { responseRetention } = await api.ok(RETENTION, {}, hr);
    const schedule = responseRetention.cycles.find((c: { cycleId: string }) => c.cycleId === cycle.cycleId);
    const closedAt = new Date(schedule.closedAt);
    const expected = new Date(closedAt);
    expected.setUTCMonth(expected.getUTCMonth() + 6);
    expect(Math.abs(new Date(schedule.deleteOn).getTime() - expected.getTime())).toBeLessThan(3 * 86400_000); // calendar months
    expect(schedule.deletedAt).toBeNull();
    console.log(`retention: cycle closed ${schedule.closedAt}, raw answers deleted on ${schedule.deleteOn}`);

    // Not due yet: nothing happens.
    now = new Date(new Date(schedule.deleteOn).getTime() - 86400_000);
    expect(await platform.gateway.get(RetentionJob).run()).toEqual([]);
    expect(await count(`SELECT count(*)::int AS n FROM "survey"."response" WHERE "cycle_id" = $1`, [cycle.cycleId])).toBe(answering.length);

    // Due: the job deletes, once.
    now = new Date(new Date(schedule.deleteOn).getTime() + 3600_000);
    expect(await platform.gateway.get(RetentionJob).run()).toEqual([cycle.cycleId]);
    expect(await platform.gateway.get(RetentionJob).run()).toEqual([]);
    await eventually(
      'the services deleted their raw answers',
      async () =>
        (await count(`SELECT count(*)::int AS n FROM "survey"."response" WHERE "cycle_id" = $1`, [cycle.cycleId])) === 0 &&
        (await count(`SELECT count(*)::int AS n FROM "scoring"."rater_response" WHERE "cycle_id" = $1`, [cycle.cycleId])) === 0,
      60000,
    );
    const purgeEvents = await count(emittedEventsSql('gateway', 'cycle.responses-purge-requested'));
    expect(purgeEvents).toBe(1);
    await eventually('both services recorded the event in their inbox', async () => {
      const survey = await count(`SELECT count(*)::int AS n FROM "survey"."processed_event" WHERE "consumer" = 'retention'`);
      const scoring = await count(`SELECT count(*)::int AS n FROM "scoring"."processed_event" WHERE "consumer" = 'retention'`);
      return survey === 1 && scoring === 1;
    });

    // What stays: the disclosed figures, unchanged, and nothing announced.
    const reportAfter = await api.ok(SUBJECT_REPORT, { cycleId: cycle.cycleId, subjectId: cycle.subjectId }, hr);
    expect(reportAfter).toEqual(reportBefore);
    expect(await count(emittedEventsSql('scoring', 'report.updated'))).toBe(announcedBefore);
    // The scoring service keeps only what was disclosed: the held-back rater is no longer counted,
    // and the live row holds no report (the live report is the ledger's snapshot).
    const [kept] = await dataSource.query<{ no_report: boolean; in_ledger: boolean; response_count: number }[]>(
      `SELECT r."report" IS NULL AS "no_report", v."report" IS NOT NULL AS "in_ledger", r."response_count" FROM "scoring"."subject_report" r
         JOIN LATERAL (SELECT "report" FROM "scoring"."disclosed_view" d WHERE d."cycle_id" = r."cycle_id" AND d."subject_id" = r."subject_id"
                         AND d."result_set" = r."result_set" ORDER BY "snapshot" DESC LIMIT 1) v ON true
        WHERE r."cycle_id" = $1 AND r."result_set" = 'live'`,
      [cycle.cycleId],
    );
    expect(kept).toEqual({ no_report: true, in_ledger: true, response_count: reportBefore.subjectReport.responseCount });
    // The gateway's own copies: no drafts, no hash of anyone's answers; receipts (who took part) stay.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM "gateway"."assignment" WHERE "cycle_id" = $1 AND ("draft_answers" <> '{}' OR "draft_comments" <> '{}')`,
        [cycle.cycleId],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM "gateway"."submission" s JOIN "gateway"."assignment" a ON a."id" = s."assignment_id"
          WHERE a."cycle_id" = $1 AND s."request_hash" <> 'deleted'`,
        [cycle.cycleId],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM "gateway"."submission" s JOIN "gateway"."assignment" a ON a."id" = s."assignment_id" WHERE a."cycle_id" = $1`,
        [cycle.cycleId],
      ),
    ).toBe(answering.length);
    // No comment text left anywhere outside the reports.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM (SELECT "comments"::text AS t FROM "survey"."response" UNION ALL SELECT "comments"::text FROM "scoring"."rater_response") x
          WHERE t LIKE '%must go%'`,
      ),
    ).toBe(0);

    // HR sees when; the cycle cannot be rescored any more; both changes are audited.
    const after = (await api.ok(RETENTION, {}, hr)).responseRetention.cycles.find((c: { cycleId: string }) => c.cycleId === cycle.cycleId);
    expect(new Date(after.deletedAt).getTime()).toBe(now.getTime());
    const rescore = await api.call(`mutation($c: ID!) { rescoreCycle(cycleId: $c) { rescoreId } }`, { c: cycle.cycleId }, hr);
    expect(rescore.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(rescore.errors?.[0].message).toMatch(/deleted .* retention/);
    const audit = await dataSource.query<{ action: string }[]>(
      `SELECT "action" FROM "gateway"."audit_event" WHERE "action" IN ('retention.changed', 'cycle.responses-deleted') ORDER BY "at"`,
    );
    expect(audit.map((a) => a.action)).toEqual(['retention.changed', 'cycle.responses-deleted']);
  }, 180000);
});
