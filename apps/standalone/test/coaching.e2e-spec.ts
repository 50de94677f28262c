/**
 * The coach role over HTTP on the one-machine platform (PostgreSQL event log, no SMTP): HR marks a
 * launched cycle coached and assigns a coach from the directory → the raters answer → HR releases
 * → the leader is refused and told who the report waits for, the coach reads it (and its PDF) and
 * is mailed → the coach marks the debrief done → the leader reads exactly what the coach read, and
 * the leader and manager are mailed.
 */
import { provisionOrganisation } from '@leaderscope/gateway';
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { DataSource } from 'typeorm';
import { Platform, startPlatform } from '../src';
import { answerSurvey, Api, launchCycleForAda, LaunchedCycle, PASSWORD } from './fixtures';

const REPORT = `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { visibility reportVersion responseCount dimensions { dimensionId others { mean n } } lowestItems { itemId } } }`;
const MAILS = `query($c: ID, $kind: OutboxMailKind) { mailOutbox(cycleId: $c, filter: { kind: $kind }) { nodes { mailId kind to subject } } }`;
const LEADERS = `query($c: ID!, $pending: Boolean) { cycleCoachingPage(cycleId: $c, filter: { debriefPendingOnly: $pending }) {
  totalCount nodes { subjectName coachName debriefDoneAt } } }`;

describe('the coach role, over HTTP', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;
  let hr: string;
  let cycle: LaunchedCycle;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({
      databaseUrl: db.url,
      port: 0,
      seedDemo: false,
      secret: 'coaching-test-secret-0123456789',
      log: () => {},
    });
    api = new Api(platform.url);
    await provisionOrganisation(platform.gateway.get(DataSource), {
      name: 'Coached Org',
      hrEmail: 'hr@coached.test',
      hrPassword: PASSWORD,
    });
    hr = await api.login('hr@coached.test', PASSWORD);
    cycle = await launchCycleForAda(api, hr);
    const { people } = await api.ok(`{ people { id employeeId } }`, {}, hr);
    for (const [key, employeeId] of [
      ['ada', 'E10'],
      ['grace', 'E1'],
      ['katherine', 'E111'], // Alan's partner lead: does not rate Ada
      ['alan', 'E11'], // a peer of Ada's who rates her
    ]) {
      id[key] = people.find((p: { employeeId: string }) => p.employeeId === employeeId).id;
      const { createAccount } = await api.ok(
        `mutation($p: ID!) { createAccount(personId: $p) { email temporaryPassword } }`,
        { p: id[key] },
        hr,
      );
      t[key] = await api.login(createAccount.email, createAccount.temporaryPassword);
    }
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('releases a coached cycle to the coach first, and to the leader after the debrief', async () => {
    // HR marks the launched cycle coached; a rater of Ada's cannot coach her; Katherine can.
    await api.ok(`mutation($c: ID!) { setCycleCoached(cycleId: $c, coached: true) { coached } }`, { c: cycle.cycleId }, hr);
    const assign = (coachId: string) =>
      api.call(
        `mutation($input: AssignCoachInput!) { assignCoach(input: $input) { withCoach debriefsDone leaders } }`,
        {
          input: { cycleId: cycle.cycleId, coachId, subjectIds: [cycle.subjectId] },
        },
        hr,
      );
    const refused = await assign(id.alan);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.fields[0]).toMatchObject({
      field: 'input.coachId',
      message: expect.stringContaining('rates Ada Lovelace in this cycle (peer)'),
    });
    expect((await assign(id.katherine)).data?.assignCoach).toEqual({ withCoach: 1, debriefsDone: 0, leaders: 1 });
    // HR's list of the leaders, a page at a time: Ada with her coach, her debrief to come.
    expect((await api.ok(LEADERS, { c: cycle.cycleId }, hr)).cycleCoachingPage).toEqual({
      totalCount: 1,
      nodes: [{ subjectName: 'Ada Lovelace', coachName: 'Katherine Johnson', debriefDoneAt: null }],
    });

    for (const [i, invitation] of cycle.invitations.entries()) {
      const { result } = await answerSurvey(api, invitation.token, 2 + (i % 3));
      expect(result.errors).toBeUndefined();
    }
    // Every answer stored by the scoring service, and a report shown. Not "every rater shown": which
    // raters a snapshot takes depends on how the answers were batched (the disclosure rule may hold a
    // late rater back for good).
    await eventually(
      'every answer counted and a scored report',
      async () => {
        const { cycleProgress } = await api.ok(`query($c: ID!) { cycleProgress(cycleId: $c) { counted } }`, { c: cycle.cycleId }, hr);
        if (cycleProgress.counted !== cycle.invitations.length) return false;
        const { subjectReport } = await api.ok(REPORT, { c: cycle.cycleId, s: cycle.subjectId }, hr);
        return (subjectReport?.responseCount ?? 0) > 0;
      },
      60000,
    );
    await api.ok(`mutation($c: ID!) { closeCycle(cycleId: $c) { status } }`, { c: cycle.cycleId }, hr);
    await api.ok(`mutation($c: ID!) { releaseResults(cycleId: $c) { status } }`, { c: cycle.cycleId }, hr);

    // The leader and her manager wait; the leader is told who for.
    const waiting = await api.call(REPORT, { c: cycle.cycleId, s: cycle.subjectId }, t.ada);
    expect(waiting.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(waiting.errors?.[0].message).toContain('shared after the debrief');
    expect((await api.call(REPORT, { c: cycle.cycleId, s: cycle.subjectId }, t.grace)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { reportCoaching } = await api.ok(
      `query($c: ID!, $s: ID!) { reportCoaching(cycleId: $c, subjectId: $s) { coachName debriefDone } }`,
      { c: cycle.cycleId, s: cycle.subjectId },
      t.ada,
    );
    expect(reportCoaching).toEqual({ coachName: 'Katherine Johnson', debriefDone: false });
    const pdf = (token: string) =>
      fetch(`${platform.url}/reports/${cycle.cycleId}/${cycle.subjectId}.pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect((await pdf(t.ada)).status).toBe(403);

    // The coach reads the published report and its PDF, and finds Ada on her home page.
    const byCoach = (await api.ok(REPORT, { c: cycle.cycleId, s: cycle.subjectId }, t.katherine)).subjectReport;
    expect(byCoach.visibility).toBe('published');
    const coachPdf = await pdf(t.katherine);
    expect(coachPdf.status).toBe(200);
    expect(coachPdf.headers.get('content-type')).toContain('application/pdf');
    expect((await api.ok(`{ me { roles } }`, {}, t.katherine)).me.roles).toEqual(['COACH']);
    const { myCoachees } = await api.ok(`{ myCoachees { subjectName released debriefDoneAt } }`, {}, t.katherine);
    expect(myCoachees).toEqual([{ subjectName: 'Ada Lovelace', released: true, debriefDoneAt: null }]);

    // The coach is mailed, the leader and manager are not (yet).
    const asked = await eventually(
      'the coach’s mail',
      async () => {
        const mails = (await api.ok(MAILS, { c: cycle.cycleId, kind: 'DEBRIEF_REQUESTED' }, hr)).mailOutbox.nodes;
        return mails.length > 0 && mails;
      },
      30000,
    );
    expect(asked).toEqual([
      expect.objectContaining({ to: 'katherine.johnson@example.org', subject: "Ada Lovelace's feedback report awaits your debrief" }),
    ]);
    expect((await api.ok(MAILS, { c: cycle.cycleId, kind: 'REPORT_READY' }, hr)).mailOutbox.nodes).toEqual([]);

    // The debrief: only the coach, once.
    const DEBRIEF = `mutation($c: ID!, $s: ID!) { completeDebrief(cycleId: $c, subjectId: $s) { debriefDone } }`;
    expect((await api.call(DEBRIEF, { c: cycle.cycleId, s: cycle.subjectId }, t.ada)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.ok(DEBRIEF, { c: cycle.cycleId, s: cycle.subjectId }, t.katherine)).completeDebrief.debriefDone).toBe(true);
    await api.ok(DEBRIEF, { c: cycle.cycleId, s: cycle.subjectId }, t.katherine);
    expect((await api.ok(LEADERS, { c: cycle.cycleId, pending: true }, hr)).cycleCoachingPage).toEqual({ totalCount: 0, nodes: [] });
    expect(
      (await api.ok(`query($c: ID!) { cycleCoaching(cycleId: $c) { leaders withCoach debriefsDone } }`, { c: cycle.cycleId }, hr))
        .cycleCoaching,
    ).toEqual({ leaders: 1, withCoach: 1, debriefsDone: 1 });

    // The leader and her manager now read exactly what the coach read, and are mailed once.
    expect((await api.ok(REPORT, { c: cycle.cycleId, s: cycle.subjectId }, t.ada)).subjectReport).toEqual(byCoach);
    expect((await api.ok(REPORT, { c: cycle.cycleId, s: cycle.subjectId }, t.grace)).subjectReport).toEqual(byCoach);
    expect((await pdf(t.ada)).status).toBe(200);
    const ready = await eventually(
      'the report-ready mails',
      async () => {
        const mails = (await api.ok(MAILS, { c: cycle.cycleId, kind: 'REPORT_READY' }, hr)).mailOutbox.nodes;
        return mails.length >= 2 && mails;
      },
      30000,
    );
    expect(ready.map((m: { to: string; subject: string }) => [m.to, m.subject]).sort()).toEqual([
      ['ada.lovelace@example.org', 'Your feedback report is ready'],
      ['grace.hopper@example.org', 'The feedback report for Ada Lovelace is ready'],
    ]);
    const toAda = ready.find((m: { to: string }) => m.to === 'ada.lovelace@example.org');
    const { mailOutboxMessage } = await api.ok(`query($m: ID!) { mailOutboxMessage(mailId: $m) { text link } }`, { m: toAda.mailId }, hr);
    expect(mailOutboxMessage.text).toContain('Following your debrief with Katherine Johnson');
    expect(mailOutboxMessage.link).toBe(`${platform.url}/cycles/${cycle.cycleId}/reports/${cycle.subjectId}`);
  }, 240000);
});
