/**
 * The authorization matrix: every role tries every operation, on its own organisation's data and on
 * another organisation's, and only the allowed calls get through. "Allowed" means the call was not
 * refused as FORBIDDEN or UNAUTHENTICATED (it may still meet a state rule such as CONFLICT).
 */
import { addAccount, provisionOrganisation } from '@leaderscope/gateway';
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { DataSource } from 'typeorm';
import { Platform, startPlatform } from '../src';
import { answerSurvey, Api, launchCycleForAda, PASSWORD, SUBJECT_REPORT } from './fixtures';

type Role = 'anonymous' | 'hr' | 'leader' | 'manager' | 'employee' | 'otherHr';
const ROLES: Role[] = ['anonymous', 'hr', 'leader', 'manager', 'employee', 'otherHr'];

describe('authorization matrix: every role on every operation', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;
  const token: Partial<Record<Role, string>> = {};
  let cycleId: string;
  let subjectId: string;
  let partnerId: string;
  let assignmentId: string;
  let mailId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({
      databaseUrl: db.url,
      port: 0,
      seedDemo: false,
      secret: 'authz-test-secret-0123456789',
      log: () => {},
    });
    api = new Api(platform.url);
    const dataSource = platform.gateway.get(DataSource);
    const { organisationId } = await provisionOrganisation(dataSource, { name: 'Org A', hrEmail: 'hr@a.test', hrPassword: PASSWORD });
    await provisionOrganisation(dataSource, { name: 'Org B', hrEmail: 'hr@b.test', hrPassword: PASSWORD });
    token.hr = await api.login('hr@a.test', PASSWORD);
    token.otherHr = await api.login('hr@b.test', PASSWORD);
    const cycle = await launchCycleForAda(api, token.hr);
    cycleId = cycle.cycleId;
    subjectId = cycle.subjectId;
    for (const invitation of cycle.invitations) await answerSurvey(api, invitation.token, 4);
    // Every answer stored by the scoring service ("counted"), and a live report shown. Not "shown
    // in the report": which raters a snapshot takes depends on how the answers were batched (the
    // disclosure rule may hold a late rater back for good), so that count is not fixed.
    await eventually('answers counted and a report shown', async () => {
      const { cycleProgress } = await api.ok(`query($c: ID!) { cycleProgress(cycleId: $c) { counted } }`, { c: cycleId }, token.hr);
      if (cycleProgress.counted !== cycle.invitations.length) return false;
      return (await api.ok(SUBJECT_REPORT, { cycleId, subjectId }, token.hr)).subjectReport?.responseCount > 0;
    });
    await api.ok(`mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`, { c: cycleId }, token.hr);
    await api.ok(`mutation($c: ID!) { releaseResults(cycleId: $c) { id } }`, { c: cycleId }, token.hr);
    await addAccount(dataSource, { organisationId, personEmail: 'ada.lovelace@example.org', password: PASSWORD });
    await addAccount(dataSource, { organisationId, personEmail: 'grace.hopper@example.org', password: PASSWORD });
    await addAccount(dataSource, { organisationId, personEmail: 'alan.turing@example.org', password: PASSWORD });
    token.leader = await api.login('ada.lovelace@example.org', PASSWORD);
    token.manager = await api.login('grace.hopper@example.org', PASSWORD);
    token.employee = await api.login('alan.turing@example.org', PASSWORD);
    const { people } = await api.ok(`{ people { id employeeId } }`, {}, token.hr);
    partnerId = people.find((p: { employeeId: string }) => p.employeeId === 'E111').id;
    assignmentId = (await api.ok(`query($c: ID!) { cycleMailDeliveries(cycleId: $c) { assignmentId } }`, { c: cycleId }, token.hr))
      .cycleMailDeliveries[0].assignmentId;
    mailId = await eventually(
      'a mail in the outbox',
      async () => (await api.ok(`{ mailOutbox(first: 1) { nodes { mailId } } }`, {}, token.hr)).mailOutbox.nodes[0]?.mailId,
    );
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  const future = () => new Date(Date.now() + 86400_000 * 10).toISOString();
  const operations: { name: string; query: string; variables: () => Record<string, unknown>; allowed: Role[] }[] = [
    { name: 'me', query: `{ me { email } }`, variables: () => ({}), allowed: ['hr', 'leader', 'manager', 'employee', 'otherHr'] },
    { name: 'people', query: `{ people { id } }`, variables: () => ({}), allowed: ['hr', 'otherHr'] },
    { name: 'cycles', query: `{ cycles { id } }`, variables: () => ({}), allowed: ['hr', 'leader', 'manager', 'employee', 'otherHr'] },
    {
      name: 'cycle',
      query: `query($c: ID!) { cycle(id: $c) { id } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr', 'leader', 'manager'],
    },
    {
      name: 'nominations',
      query: `query($c: ID!, $s: ID) { nominations(cycleId: $c, subjectId: $s) { id } }`,
      variables: () => ({ c: cycleId, s: subjectId }),
      allowed: ['hr', 'leader', 'manager'],
    },
    {
      name: 'cycleProgress',
      query: `query($c: ID!) { cycleProgress(cycleId: $c) { invited } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'raterInvitations',
      query: `query($c: ID!) { raterInvitations(cycleId: $c) { token } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'subjectReport',
      query: `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { responseCount } }`,
      variables: () => ({ c: cycleId, s: subjectId }),
      allowed: ['hr', 'leader', 'manager'],
    },
    { name: 'resultSets', query: `query($c: ID!) { resultSets(cycleId: $c) }`, variables: () => ({ c: cycleId }), allowed: ['hr'] },
    {
      name: 'cycleHeatmap',
      query: `query($c: ID!) { cycleHeatmap(cycleId: $c) { cycleId } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'cycleReliability',
      query: `query($c: ID!) { cycleReliability(cycleId: $c) { cycleId atRiskSubjects } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'cycleReliabilityProjection',
      query: `query($c: ID!) { cycleReliabilityProjection(cycleId: $c) { nodes { subject { id } } } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'teamReport',
      query: `query($c: ID!) { teamReport(cycleId: $c) { cycleId } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['manager'],
    },
    {
      name: 'importPeople',
      query: `mutation { importPeople(csv: "employee_id,name\\nZ1,Zed\\n", dryRun: true) { rows } }`,
      variables: () => ({}),
      allowed: ['hr', 'otherHr'],
    },
    { name: 'responseRetention', query: `{ responseRetention { months } }`, variables: () => ({}), allowed: ['hr', 'otherHr'] },
    {
      name: 'setResponseRetention',
      query: `mutation($m: Int) { setResponseRetention(months: $m) { months } }`,
      variables: () => ({ m: null }),
      allowed: ['hr', 'otherHr'],
    },
    {
      name: 'personDataExport',
      query: `query($p: ID!) { personDataExport(personId: $p) { personId } }`,
      variables: () => ({ p: partnerId }),
      allowed: ['hr'],
    },
    {
      name: 'createAccount',
      query: `mutation($p: ID!) { createAccount(personId: $p) { email } }`,
      variables: () => ({ p: partnerId }),
      allowed: ['hr'],
    },
    {
      name: 'createCycle',
      query: `mutation($i: CreateCycleInput!) { createCycle(input: $i) { id } }`,
      variables: () => ({ i: { name: 'Matrix', opensAt: new Date().toISOString(), closesAt: future() } }),
      allowed: ['hr', 'otherHr'],
    },
    {
      name: 'addSubjects',
      query: `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`,
      variables: () => ({ c: cycleId, p: [subjectId] }),
      allowed: ['hr'],
    },
    {
      name: 'proposeRaters',
      query: `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'nominateRater',
      query: `mutation($i: NominateRaterInput!) { nominateRater(input: $i) { id } }`,
      variables: () => ({ i: { cycleId, subjectId, raterId: partnerId, group: 'other', remove: false } }),
      allowed: ['hr', 'leader'],
    },
    {
      name: 'approveNominations',
      query: `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed } }`,
      variables: () => ({ c: cycleId, s: subjectId }),
      allowed: ['hr', 'manager'],
    },
    {
      name: 'launchCycle',
      query: `mutation($c: ID!) { launchCycle(cycleId: $c) { id } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'sendReminders',
      query: `mutation($c: ID!) { sendReminders(cycleId: $c) }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'closeCycle',
      query: `mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'releaseResults',
      query: `mutation($c: ID!) { releaseResults(cycleId: $c) { id } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'cycleMailDeliveries',
      query: `query($c: ID!) { cycleMailDeliveries(cycleId: $c) { assignmentId } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'resendInvitation',
      query: `mutation($a: ID!) { resendInvitation(assignmentId: $a) }`,
      variables: () => ({ a: assignmentId }),
      allowed: ['hr'],
    },
    {
      name: 'mailOutbox',
      query: `query($c: ID) { mailOutbox(cycleId: $c) { nodes { mailId } } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'cycleCoaching',
      query: `query($c: ID!) { cycleCoaching(cycleId: $c) { coached leaders } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'cycleCoachingPage',
      query: `query($c: ID!) { cycleCoachingPage(cycleId: $c, first: 10) { totalCount nodes { subjectName } } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'mailOutboxMessage',
      query: `query($m: ID!) { mailOutboxMessage(mailId: $m) { subject } }`,
      variables: () => ({ m: mailId }),
      allowed: ['hr'],
    },
    {
      name: 'mySurveys',
      query: `{ mySurveys { assignmentId } }`,
      variables: () => ({}),
      allowed: ['hr', 'leader', 'manager', 'employee', 'otherHr'],
    },
    { name: 'surveyLinksCsv', query: `query($c: ID!) { surveyLinksCsv(cycleId: $c) }`, variables: () => ({ c: cycleId }), allowed: ['hr'] },
    {
      name: 'requestNominations',
      query: `mutation($c: ID!) { requestNominations(cycleId: $c) }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
    {
      name: 'requestNominationApproval',
      query: `mutation($c: ID!, $s: ID!) { requestNominationApproval(cycleId: $c, subjectId: $s) }`,
      variables: () => ({ c: cycleId, s: subjectId }),
      allowed: ['hr', 'leader'],
    },
    {
      name: 'rescoreCycle',
      query: `mutation($c: ID!) { rescoreCycle(cycleId: $c, roleProfileId: "function-head") { rescoreId } }`,
      variables: () => ({ c: cycleId }),
      allowed: ['hr'],
    },
  ];

  it.each(operations.map((o) => [o.name, o] as const))('%s: only the allowed roles get through', async (_name, operation) => {
    const outcomes: Record<string, string> = {};
    for (const role of ROLES) {
      const result = await api.call(operation.query, operation.variables(), token[role] ?? null);
      const code = result.errors?.[0]?.extensions?.code as string | undefined;
      const refused = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || (role === 'otherHr' && code === 'BAD_USER_INPUT');
      outcomes[role] = refused ? 'refused' : 'allowed';
      if (role === 'anonymous') expect(code).toBe('UNAUTHENTICATED');
      if (!refused && result.errors) expect(['CONFLICT', 'NOT_FOUND']).toContain(code); // a state rule, never a crash
    }
    const expected = Object.fromEntries(ROLES.map((r) => [r, operation.allowed.includes(r) ? 'allowed' : 'refused']));
    expect(outcomes).toEqual(expected);
  });

  it('downloads: the cycle CSV for HR only, the report PDF for HR, the leader and their manager', async () => {
    const downloads = [
      { path: `/exports/${cycleId}/results.csv`, allowed: ['hr'] },
      { path: `/reports/${cycleId}/${subjectId}.pdf`, allowed: ['hr', 'leader', 'manager'] },
    ];
    for (const download of downloads) {
      const outcomes: Record<string, number> = {};
      for (const role of ROLES) {
        const answer = await fetch(`${platform.url}${download.path}`, {
          headers: token[role] ? { authorization: `Bearer ${token[role]}` } : {},
        });
        outcomes[role] = answer.status;
      }
      const expected = Object.fromEntries(ROLES.map((r) => [r, download.allowed.includes(r) ? 200 : r === 'anonymous' ? 401 : 403]));
      expect([download.path, outcomes]).toEqual([download.path, expected]);
    }
  });

  it('never shows one organisation another one’s data', async () => {
    const { people } = await api.ok(`{ people { id } }`, {}, token.otherHr);
    expect(people).toEqual([]);
    const { cycles } = await api.ok(`{ cycles { id } }`, {}, token.otherHr);
    expect(cycles.map((c: { id: string }) => c.id)).not.toContain(cycleId);
    const { cycles: colleague } = await api.ok(`{ cycles { id } }`, {}, token.employee);
    expect(colleague).toEqual([]);
    const forged = await api.call(`{ me { email } }`, {}, 'not-a-real-session-token');
    expect(forged.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    // Signing out ends the session at once.
    const session = await api.login('alan.turing@example.org', PASSWORD);
    expect((await api.ok(`mutation { logout }`, {}, session)).logout).toBe(true);
    expect((await api.call(`{ me { email } }`, {}, session)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('rate-limits sign-in attempts', async () => {
    let limited: { message: string; extensions?: Record<string, unknown> } | undefined;
    for (let i = 0; i < 12 && !limited; i++) {
      const result = await api.call(`mutation { login(email: "nobody@a.test", password: "wrong-password") { token } }`);
      if (result.errors![0].extensions!.code === 'RATE_LIMITED') limited = result.errors![0];
      else expect(result.errors![0]).toMatchObject({ message: 'E-mail or password is wrong', extensions: { code: 'UNAUTHENTICATED' } });
    }
    expect(limited?.message).toMatch(/Too many attempts/);
  });
});
