/**
 * From report to growth over HTTP on the one-machine platform (PostgreSQL event log, no SMTP):
 * a cycle's released report → the leader's development plan from its focus areas → the manager's
 * comment and mail → HR sees only that a plan exists → a follow-up pulse on the plan (started by the
 * leader, answered through the raters' links, its result per focus area with intervals, one
 * suppressed) → the next 360, whose like-for-like trend still compares with the previous 360.
 */
import { provisionOrganisation } from '@leaderscope/gateway';
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { DataSource } from 'typeorm';
import { Platform, startPlatform } from '../src';
import { randomUUID } from 'node:crypto';
import { answerSurvey, Api, Invitation, launchCycleForAda, LaunchedCycle, PASSWORD, surveyLinks } from './fixtures';

const PLAN = `version reviewDate editable commentable focusAreas { kind id label actions } history { version } comments { authorName body planVersion }`;
const READ_PLAN = `query($c: ID!, $s: ID!) { developmentPlan(cycleId: $c, subjectId: $s) { ${PLAN} } }`;
const SAVE_PLAN = `mutation($input: SaveDevelopmentPlanInput!) { saveDevelopmentPlan(input: $input) { ${PLAN} } }`;
const PULSE = `id status planVersion invited answered focusAreas { slot label result { n shown mean ci95Low ci95High call } }`;
/** t(0.975) by degrees of freedom, from the t table (an independent reference for the pulse's intervals). */
const T975: Record<number, number> = {
  2: 4.30265273,
  3: 3.182446305,
  4: 2.776445105,
  5: 2.570581836,
  6: 2.446911851,
  7: 2.364624252,
  8: 2.306004135,
  9: 2.262157163,
  10: 2.228138852,
  11: 2.20098516,
  12: 2.17881283,
  13: 2.160368656,
  14: 2.144786688,
  15: 2.131449546,
  16: 2.119905299,
  17: 2.109815578,
  18: 2.10092204,
  19: 2.093024054,
  20: 2.085963447,
};
const START_PULSE = `mutation($input: StartPulseInput!) { startPulse(input: $input) { ${PULSE} } }`;
const PULSES = `query($c: ID!, $s: ID!) { pulses(cycleId: $c, subjectId: $s) { ${PULSE} } }`;

describe('from report to growth, over HTTP', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;
  let dataSource: DataSource;
  let hr: string;
  let cycle: LaunchedCycle;
  let pulseInvitations: Invitation[] = [];
  const t: Record<string, string> = {};
  const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({
      databaseUrl: db.url,
      port: 0,
      seedDemo: false,
      secret: 'growth-test-secret-0123456789',
      log: () => {},
    });
    api = new Api(platform.url);
    dataSource = platform.gateway.get(DataSource);
    await provisionOrganisation(dataSource, { name: 'Growth Org', hrEmail: 'hr@growth.test', hrPassword: PASSWORD });
    hr = await api.login('hr@growth.test', PASSWORD);
    cycle = await launchCycleForAda(api, hr);
    const { people } = await api.ok(`{ people { id employeeId } }`, {}, hr);
    const id = (e: string) => people.find((p: { employeeId: string }) => p.employeeId === e).id;
    for (const [key, employeeId] of [
      ['ada', 'E10'],
      ['grace', 'E1'],
      ['alan', 'E11'],
    ]) {
      const { createAccount } = await api.ok(
        `mutation($p: ID!) { createAccount(personId: $p) { email temporaryPassword } }`,
        { p: id(employeeId) },
        hr,
      );
      t[key] = await api.login(createAccount.email, createAccount.temporaryPassword);
    }
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('goes from the released report to a plan the manager reads and comments on, and HR only counts', async () => {
    // Every rater answers; levels vary so items rank.
    for (const [i, invitation] of cycle.invitations.entries()) {
      const { result } = await answerSurvey(api, invitation.token, 2 + (i % 3));
      expect(result.errors).toBeUndefined();
    }
    await eventually(
      'a scored report with item-level results',
      async () => {
        const { subjectReport } = await api.ok(
          `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { responseCount lowestItems { itemId } } }`,
          { c: cycle.cycleId, s: cycle.subjectId },
          hr,
        );
        return (subjectReport?.lowestItems.length ?? 0) > 0;
      },
      60000,
    );
    await api.ok(`mutation($c: ID!) { closeCycle(cycleId: $c) { status } }`, { c: cycle.cycleId }, hr);
    await api.ok(`mutation($c: ID!) { releaseResults(cycleId: $c) { status } }`, { c: cycle.cycleId }, hr);

    // The leader reads their released report and picks focus areas from it: its lowest-rated item and a dimension.
    const { subjectReport } = await api.ok(
      `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { visibility lowestItems { itemId text } dimensions { dimensionId name } } }`,
      { c: cycle.cycleId, s: cycle.subjectId },
      t.ada,
    );
    expect(subjectReport.visibility).toBe('published');
    const lowest = subjectReport.lowestItems[0];
    const dimension = subjectReport.dimensions[0];
    const refused = await api.call(
      SAVE_PLAN,
      { input: { cycleId: cycle.cycleId, focusAreas: [{ kind: 'item', id: 'no-such-item', actions: 'x' }], reviewDate: inDays(-1) } },
      t.ada,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'input.focusAreas[0].id',
      'input.reviewDate',
    ]);
    const saved = (
      await api.ok(
        SAVE_PLAN,
        {
          input: {
            cycleId: cycle.cycleId,
            focusAreas: [
              { kind: 'item', id: lowest.itemId, actions: 'Ask two team leads each week what got in their way' },
              { kind: 'dimension', id: dimension.dimensionId, actions: 'Block an hour a week for it' },
            ],
            reviewDate: inDays(120),
          },
        },
        t.ada,
      )
    ).saveDevelopmentPlan;
    expect(saved).toMatchObject({ version: 1, editable: true, reviewDate: inDays(120) });
    expect(saved.focusAreas.map((a: { id: string; label: string }) => [a.id, a.label])).toEqual([
      [lowest.itemId, lowest.text],
      [dimension.dimensionId, dimension.name],
    ]);

    // The manager is told by mail (kept in the outbox on one machine), without the plan's words.
    const mails = await eventually(
      'the manager’s plan mail',
      async () => {
        const { mailOutbox } = await api.ok(
          `query($c: ID) { mailOutbox(cycleId: $c) { mailId kind to subject } }`,
          { c: cycle.cycleId },
          hr,
        );
        const plan = mailOutbox.filter((m: { kind: string }) => m.kind === 'plan-shared');
        return plan.length > 0 && plan;
      },
      30000,
    );
    expect(mails).toEqual([expect.objectContaining({ to: 'grace.hopper@example.org', subject: 'Ada Lovelace shared a development plan' })]);
    const { mailOutboxMessage } = await api.ok(
      `query($m: ID!) { mailOutboxMessage(mailId: $m) { text link } }`,
      { m: mails[0].mailId },
      hr,
    );
    expect(mailOutboxMessage.link).toBe(`${platform.url}/cycles/${cycle.cycleId}/reports/${cycle.subjectId}#development-plan`);
    expect(mailOutboxMessage.text).not.toContain('what got in their way');

    // The manager reads and comments; a peer cannot; HR sees only that the plan exists.
    const byGrace = (await api.ok(READ_PLAN, { c: cycle.cycleId, s: cycle.subjectId }, t.grace)).developmentPlan;
    expect(byGrace).toMatchObject({ version: 1, editable: false, commentable: true });
    const commented = await api.ok(
      `mutation($input: CommentOnDevelopmentPlanInput!) { commentOnDevelopmentPlan(input: $input) { comments { authorName body planVersion } } }`,
      { input: { cycleId: cycle.cycleId, subjectId: cycle.subjectId, body: 'Start with Dorothy’s team.' } },
      t.grace,
    );
    expect(commented.commentOnDevelopmentPlan.comments).toEqual([
      { authorName: 'Grace Hopper', body: 'Start with Dorothy’s team.', planVersion: 1 },
    ]);
    expect((await api.call(READ_PLAN, { c: cycle.cycleId, s: cycle.subjectId }, t.alan)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byHr = await api.call(READ_PLAN, { c: cycle.cycleId, s: cycle.subjectId }, hr);
    expect(byHr.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { developmentPlanCoverage } = await api.ok(
      `query($c: ID!) { developmentPlanCoverage(cycleId: $c) { leaders withPlan subjects { subjectId hasPlan } } }`,
      { c: cycle.cycleId },
      hr,
    );
    expect(developmentPlanCoverage).toEqual({ leaders: 1, withPlan: 1, subjects: [{ subjectId: cycle.subjectId, hasPlan: true }] });

    // A second save is a new version; the first is kept; the manager hears of the update.
    const second = (
      await api.ok(
        SAVE_PLAN,
        {
          input: {
            cycleId: cycle.cycleId,
            expectedVersion: 1,
            focusAreas: [{ kind: 'item', id: lowest.itemId, actions: 'Ask every team lead, every week' }],
            reviewDate: inDays(150),
          },
        },
        t.ada,
      )
    ).saveDevelopmentPlan;
    expect(second.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect(second.comments).toHaveLength(1);
    await eventually(
      'the update mail',
      async () => {
        const { mailOutbox } = await api.ok(`query($c: ID) { mailOutbox(cycleId: $c) { kind subject } }`, { c: cycle.cycleId }, hr);
        return mailOutbox.some((m: { subject: string }) => m.subject === 'Ada Lovelace updated their development plan');
      },
      30000,
    );
  }, 180000);

  it('a follow-up pulse on the plan: the leader starts it, raters answer through their links, the result per focus area once it closes', async () => {
    // The leader's plan now has two focus areas: the pulse asks one slot for each.
    const { subjectReport } = await api.ok(
      `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { lowestItems { itemId } dimensions { dimensionId name } } }`,
      { c: cycle.cycleId, s: cycle.subjectId },
      t.ada,
    );
    const dimension = subjectReport.dimensions[1];
    await api.ok(
      SAVE_PLAN,
      {
        input: {
          cycleId: cycle.cycleId,
          expectedVersion: 2,
          focusAreas: [
            { kind: 'item', id: subjectReport.lowestItems[0].itemId, actions: 'Ask every team lead, every week' },
            { kind: 'dimension', id: dimension.dimensionId, actions: 'One thing a month, written down' },
          ],
          reviewDate: inDays(150),
        },
      },
      t.ada,
    );
    const closesAt = new Date(Date.now() + 14 * 86400_000).toISOString();
    const bad = await api.call(
      START_PULSE,
      { input: { cycleId: cycle.cycleId, subjectId: cycle.subjectId, closesAt: new Date().toISOString() } },
      t.ada,
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields.map((f: { field: string }) => f.field)).toEqual(['input.closesAt']);
    expect(
      (await api.call(START_PULSE, { input: { cycleId: cycle.cycleId, subjectId: cycle.subjectId, closesAt } }, t.grace)).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');
    const started = (await api.ok(START_PULSE, { input: { cycleId: cycle.cycleId, subjectId: cycle.subjectId, closesAt } }, t.ada))
      .startPulse;
    const nonSelf = cycle.invitations.filter((i) => i.group !== 'self');
    expect(started).toMatchObject({ status: 'open', planVersion: 3, invited: nonSelf.length, answered: 0 });
    expect(started.focusAreas.map((a: { label: string }) => a.label)[1]).toBe(dimension.name);

    // The same raters (never the leader), with links through the cycle's invitation mails.
    pulseInvitations = await surveyLinks(api, hr, started.id);
    expect(pulseInvitations.map((i) => i.rater.name).sort()).toEqual(nonSelf.map((i) => i.rater.name).sort());
    // The leader and the manager are told it went out, without the plan's words.
    const told = await eventually(
      'the pulse mails',
      async () => {
        const { mailOutbox } = await api.ok(
          `query($c: ID) { mailOutbox(cycleId: $c) { mailId kind to subject } }`,
          { c: cycle.cycleId },
          hr,
        );
        const pulse = mailOutbox.filter((m: { kind: string }) => m.kind === 'pulse-launched');
        return pulse.length === 2 && pulse;
      },
      30000,
    );
    expect(told.map((m: { subject: string }) => m.subject).sort()).toEqual([
      "A follow-up pulse on Ada Lovelace's development plan went out",
      'Your follow-up pulse went out',
    ]);
    const { mailOutboxMessage } = await api.ok(`query($m: ID!) { mailOutboxMessage(mailId: $m) { text link } }`, { m: told[0].mailId }, hr);
    expect(mailOutboxMessage.link).toBe(`${platform.url}/cycles/${cycle.cycleId}/reports/${cycle.subjectId}#follow-up-pulse`);
    expect(mailOutboxMessage.text).not.toContain(dimension.name);

    // Raters answer on the -3..+3 scale: every one on the first focus area, only two (not the
    // manager, who is identifiable by design) on the second, which stays below the threshold of 3.
    const values: number[] = [];
    let second = 0;
    for (const [i, invitation] of pulseInvitations.entries()) {
      const { raterSurvey } = await api.ok(
        `query($t: String!) { raterSurvey(token: $t) { scale { value } dimensions { items { id text } } } }`,
        { t: invitation.token },
      );
      expect(raterSurvey.scale.map((p: { value: number }) => p.value)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
      const items = raterSurvey.dimensions.flatMap((d: { items: { id: string; text: string }[] }) => d.items);
      expect(items.map((x: { id: string }) => x.id)).toEqual(['focus-1', 'focus-2']);
      expect(items[1].text).toContain(dimension.name);
      const value = [1, 2, 3][i % 3];
      values.push(value);
      const answersSecond = second < 2 && invitation.group !== 'manager';
      if (answersSecond) second++;
      const answers = [
        { itemId: 'focus-1', value },
        { itemId: 'focus-2', value: answersSecond ? -1 : null },
      ];
      const result = await api.call(`mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { status } }`, {
        input: { token: invitation.token, idempotencyKey: randomUUID(), answers },
      });
      expect(result.errors).toBeUndefined();
    }
    // HR runs it and sees the counts, never the figures; nobody reads it as a report.
    const progress = await eventually(
      'every answer counted',
      async () => {
        const { pulses } = await api.ok(PULSES, { c: cycle.cycleId, s: cycle.subjectId }, hr);
        return pulses[0].answered === pulseInvitations.length && pulses[0];
      },
      30000,
    );
    expect(progress.focusAreas).toBeNull();
    const asReport = await api.call(
      `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { responseCount } }`,
      { c: started.id, s: cycle.subjectId },
      hr,
    );
    expect(asReport.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The scoring service has stored every answer before HR closes. What the pulse shows is its latest
    // disclosed snapshot (docs/anonymity.md): a rater who would move a figure by fewer than the
    // threshold waits for company, so how the answers happened to be batched decides who is in it.
    // The expected figures are worked out from exactly those raters' answers.
    const latestView = `SELECT response_ids FROM scoring.disclosed_view WHERE cycle_id = $1 AND result_set = 'live'
      AND snapshot = (SELECT max(snapshot) FROM scoring.disclosed_view WHERE cycle_id = $1 AND result_set = 'live')`;
    await eventually(
      'the pulse scored and shown',
      async () => {
        const [{ stored }] = await dataSource.query(`SELECT count(*)::int AS stored FROM scoring.rater_response WHERE cycle_id = $1`, [
          started.id,
        ]);
        const [view] = await dataSource.query(`SELECT cardinality(response_ids) AS n FROM (${latestView}) v`, [started.id]);
        const [report] = await dataSource.query(`SELECT response_count FROM gateway.subject_report WHERE cycle_id = $1`, [started.id]);
        return stored === pulseInvitations.length && view !== undefined && report?.response_count === view.n;
      },
      60000,
    );
    const shownAnswers: { answers: Record<string, number | null> }[] = await dataSource.query(
      `SELECT answers FROM scoring.rater_response WHERE response_id IN (SELECT unnest(response_ids) FROM (${latestView}) v)`,
      [started.id],
    );
    const shownValues = shownAnswers.map((r) => r.answers['focus-1']).filter((v): v is number => typeof v === 'number');
    const shownSecond = shownAnswers.filter((r) => typeof r.answers['focus-2'] === 'number').length;
    expect(shownValues.every((v) => values.includes(v))).toBe(true);
    expect(shownValues.length).toBeGreaterThanOrEqual(3); // enough raters shown for the first focus area
    await api.ok(`mutation($c: ID!) { closeCycle(cycleId: $c) { status } }`, { c: started.id }, hr);

    // The leader and the manager read the result per focus area with its 95% interval and n.
    const n = shownValues.length;
    const mean = shownValues.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(shownValues.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    expect(T975[n - 1]).toBeDefined();
    const half = (T975[n - 1] * sd) / Math.sqrt(n);
    for (const viewer of [t.ada, t.grace]) {
      const [pulse] = (await api.ok(PULSES, { c: cycle.cycleId, s: cycle.subjectId }, viewer)).pulses;
      expect(pulse.status).toBe('closed');
      const [first, secondArea] = pulse.focusAreas;
      expect(first.result).toMatchObject({ shown: true, n, call: 'more_effective' });
      expect(first.result.mean).toBeCloseTo(mean, 9);
      expect(first.result.ci95Low).toBeCloseTo(mean - half, 6);
      expect(first.result.ci95High).toBeCloseTo(mean + half, 6);
      expect(secondArea.result).toEqual({ n: shownSecond, shown: false, mean: null, ci95Low: null, ci95High: null, call: null });
    }
    expect((await api.call(PULSES, { c: cycle.cycleId, s: cycle.subjectId }, t.alan)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }, 180000);

  it('the next cycle with the same raters: the like-for-like trend says how many raters it has in common, never who', async () => {
    const next = await launchCycleForAda(api, hr);
    expect(next.invitations.map((i) => i.rater.name).sort()).toEqual(cycle.invitations.map((i) => i.rater.name).sort());
    for (const invitation of next.invitations) {
      const { result } = await answerSurvey(api, invitation.token, 4);
      expect(result.errors).toBeUndefined();
    }
    await eventually(
      'the second cycle scored',
      async () => {
        const { subjectReport } = await api.ok(
          `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { responseCount } }`,
          { c: next.cycleId, s: next.subjectId },
          hr,
        );
        return (subjectReport?.responseCount ?? 0) > 0;
      },
      60000,
    );
    await api.ok(`mutation($c: ID!) { closeCycle(cycleId: $c) { status } }`, { c: next.cycleId }, hr);
    const trend = await eventually(
      'the like-for-like trend',
      async () => {
        const { subjectReport } = await api.ok(
          `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { comparisons { trend { previousCycleId ratersInCommon dimensions { currentRaters } } } } }`,
          { c: next.cycleId, s: next.subjectId },
          hr,
        );
        return subjectReport?.comparisons?.trend ?? false;
      },
      60000,
    );
    // compared with the previous 360, never with the follow-up pulse that closed in between
    expect(trend.previousCycleId).toBe(cycle.cycleId);
    // The same people rated Ada in both cycles: every non-self rater of this cycle rated her before.
    expect(trend.ratersInCommon).toBe(1);
    // What travelled to the scoring service: one pseudonym per non-self assignment, the same person
    // with the same pseudonym in both cycles, and no person id.
    const rows = await dataSource.query(
      `SELECT p.cycle_id, p.rater_key, a.rater_person_id FROM scoring.rater_pseudonym p JOIN gateway.assignment a ON a.id::text = p.rater_id`,
    );
    const nonSelf = (c: LaunchedCycle) => c.invitations.filter((i) => i.group !== 'self').length;
    // (and the follow-up pulse's, launched through the same path)
    expect(rows).toHaveLength(nonSelf(cycle) + nonSelf(next) + pulseInvitations.length);
    const byPerson = new Map<string, Set<string>>();
    for (const r of rows) byPerson.set(r.rater_person_id, new Set([...(byPerson.get(r.rater_person_id) ?? []), r.rater_key]));
    expect([...byPerson.values()].every((keys) => keys.size === 1)).toBe(true);
    expect(JSON.stringify(rows.map((r: { rater_key: string }) => r.rater_key))).not.toMatch(
      new RegExp(rows.map((r: { rater_person_id: string }) => r.rater_person_id).join('|')),
    );
  }, 180000);
});
