/**
 * A whole 360 cycle over HTTP against real PostgreSQL and a real Kafka broker: import, create,
 * nominate, approve, launch, answer, release, close and read — with the access rules and the
 * publication rule checked along the way.
 */
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { provisionOrganisation } from '@leaderscope/gateway';
import { Topics } from '@leaderscope/events';
import { createTestDatabase, eventually, kafkaBrokers, TestDatabase, uniqueName } from '@leaderscope/testing';
import { Platform, startPlatform } from '../src';
import {
  answerSurvey,
  answersAt,
  Api,
  instrument,
  Invitation,
  organisationCsv,
  PASSWORD,
  Report,
  SUBJECT_REPORT,
  surveyLinks,
} from './fixtures';
import { topicMessages } from './pipeline-counts';

const IMPORT = `mutation($csv: String!, $dry: Boolean!) { importPeople(csv: $csv, dryRun: $dry) { dryRun applied rows created updated unchanged errors { line column reason } } }`;

describe('a whole cycle through the GraphQL API on Kafka and PostgreSQL', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;
  let dataSource: DataSource;
  const t: Record<string, string> = {}; // tokens: hrA, hrB, ada, grace, alan
  const ids: Record<string, string> = {};
  let invitations: Invitation[] = [];
  const namespace = `${uniqueName('cycle-api')}.`;

  const count = async (sql: string, params: unknown[] = []) => Number((await dataSource.query(sql, params))[0].count);

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({
      databaseUrl: db.url,
      // KAFKA_PARTITIONS not the default (6): `npm start` on Kafka honours every KAFKA_* setting
      kafka: { KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: namespace, KAFKA_PARTITIONS: 3 },
      port: 0,
      seedDemo: false,
      secret: 'cycle-api-test-secret-0123456789',
      log: () => {},
    });
    api = new Api(platform.url);
    dataSource = platform.gateway.get(DataSource);
    await provisionOrganisation(dataSource, { name: 'Org A', hrEmail: 'hr@a.test', hrPassword: PASSWORD });
    await provisionOrganisation(dataSource, { name: 'Org B', hrEmail: 'hr@b.test', hrPassword: PASSWORD });
    t.hrA = await api.login('hr@a.test', PASSWORD);
    t.hrB = await api.login('HR@b.test', PASSWORD); // e-mail is case-insensitive
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('imports the directory: preview first, row errors that change nothing, idempotent re-import', async () => {
    const preview = (await api.ok(IMPORT, { csv: organisationCsv(), dry: true }, t.hrA)).importPeople;
    expect(preview).toMatchObject({ dryRun: true, applied: false, rows: 15, created: 15, errors: [] });
    expect(await count(`SELECT count(*) FROM gateway.person`)).toBe(0);

    const broken = 'employee_id,name,email,manager_id\nX1,Ann,ann@a.test,\nX1,Bob,not-an-email,X9\nX3,,c@a.test,X3\n';
    const refused = (await api.ok(IMPORT, { csv: broken, dry: false }, t.hrA)).importPeople;
    expect(refused.applied).toBe(false);
    expect(refused.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, column: 'employee_id', reason: 'duplicates line 2' }),
        expect.objectContaining({ line: 3, column: 'email' }),
        expect.objectContaining({ line: 3, column: 'manager_id', reason: 'no person with employee_id "X9"' }),
        expect.objectContaining({ line: 4, column: 'name', reason: 'is empty' }),
        expect.objectContaining({ line: 4, column: 'manager_id', reason: 'a person cannot be their own manager' }),
      ]),
    );
    const noHeader = (await api.ok(IMPORT, { csv: 'id,full_name\n1,A\n', dry: false }, t.hrA)).importPeople;
    expect(noHeader.errors.map((e: { column: string }) => e.column)).toEqual(expect.arrayContaining(['employee_id', 'name']));
    const notCsv = (await api.ok(IMPORT, { csv: 'employee_id,name\n"unterminated,x\n', dry: false }, t.hrA)).importPeople;
    expect(notCsv.errors[0].reason).toMatch(/not valid CSV/);
    expect(await count(`SELECT count(*) FROM gateway.person`)).toBe(0);

    const applied = (await api.ok(IMPORT, { csv: organisationCsv(), dry: false }, t.hrA)).importPeople;
    expect(applied).toMatchObject({ applied: true, created: 15, updated: 0 });
    const again = (await api.ok(IMPORT, { csv: organisationCsv(), dry: false }, t.hrA)).importPeople;
    expect(again).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 15 });
    expect(await count(`SELECT count(*) FROM gateway.person`)).toBe(15);
    expect(await count(`SELECT count(*) FROM gateway.person WHERE manager_id IS NULL`)).toBe(1);

    const { people } = await api.ok(`{ people { id employeeId isLeaderOfLeaders directReportCount } }`, {}, t.hrA);
    for (const p of people) ids[p.employeeId] = p.id;
    // Suggested subjects: people whose reports have reports (Grace and Ada).
    const { people: suggested } = await api.ok(`{ people(leadersOfLeadersOnly: true) { employeeId } }`, {}, t.hrA);
    expect(suggested.map((p: { employeeId: string }) => p.employeeId).sort()).toEqual(['E1', 'E10']);

    // Sign-ins for the leader, her manager and a colleague with no role in the cycle.
    for (const [key, employeeId] of [
      ['ada', 'E10'],
      ['grace', 'E1'],
      ['alan', 'E11'],
    ]) {
      const { createAccount } = await api.ok(
        `mutation($p: ID!) { createAccount(personId: $p) { email temporaryPassword } }`,
        { p: ids[employeeId] },
        t.hrA,
      );
      t[key] = await api.login(createAccount.email, createAccount.temporaryPassword);
    }
    const { me } = await api.ok(`{ me { roles person { employeeId } } }`, {}, t.grace);
    expect(me).toEqual({ roles: ['MANAGER'], person: { employeeId: 'E1' } });
  });

  it('creates a cycle, proposes raters, takes the subject’s nominations and the manager’s approval, and launches', async () => {
    const bad = await api.call(
      `mutation($input: CreateCycleInput!) { createCycle(input: $input) { id } }`,
      {
        input: {
          name: '',
          anonymityThreshold: 1,
          opensAt: '2026-01-02T00:00:00Z',
          closesAt: '2026-01-01T00:00:00Z',
          roleProfileId: 'astronaut',
        },
      },
      t.hrA,
    );
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['input.name', 'input.anonymityThreshold']),
    );
    expect(await count(`SELECT count(*) FROM gateway.cycle`)).toBe(0);

    const now = Date.now();
    const { createCycle } = await api.ok(
      `mutation($input: CreateCycleInput!) { createCycle(input: $input) { id status anonymityThreshold roleProfileId } }`,
      {
        input: {
          name: 'Spring 360',
          opensAt: new Date(now - 3600_000).toISOString(),
          closesAt: new Date(now + 7 * 86400_000).toISOString(),
        },
      },
      t.hrA,
    );
    expect(createCycle).toMatchObject({ status: 'DRAFT', anonymityThreshold: 3, roleProfileId: 'leader-of-leaders' });
    ids.cycle = createCycle.id;
    await api.ok(`mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, { c: ids.cycle, p: [ids.E10] }, t.hrA);
    const { proposeRaters } = await api.ok(
      `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed subjectsTouched proposed } }`,
      { c: ids.cycle },
      t.hrA,
    );
    expect(proposeRaters).toEqual({ changed: 14, subjectsTouched: 1, proposed: 14 });
    const { nominations } = await api.ok(
      `query($c: ID!, $s: ID) { nominations(cycleId: $c, subjectId: $s) { group status rater { employeeId } } }`,
      { c: ids.cycle, s: ids.E10 },
      t.hrA,
    );
    const byGroup = (list: { group: string }[], g: string) => list.filter((n) => n.group === g).length;
    expect([
      byGroup(nominations, 'self'),
      byGroup(nominations, 'manager'),
      byGroup(nominations, 'peer'),
      byGroup(nominations, 'direct_report'),
      byGroup(nominations, 'skip_level'),
    ]).toEqual([1, 1, 3, 3, 6]);

    // The subject adds a partner from another unit; she may not touch other groups.
    const nominate = `mutation($input: NominateRaterInput!) { nominateRater(input: $input) { group status source rater { employeeId } } }`;
    const added = await api.ok(
      nominate,
      { input: { cycleId: ids.cycle, subjectId: ids.E10, raterId: ids.E111, group: 'other', remove: false } },
      t.ada,
    );
    expect(added.nominateRater.find((n: { rater: { employeeId: string } }) => n.rater.employeeId === 'E111')).toMatchObject({
      group: 'other',
      status: 'proposed',
      source: 'subject',
    });
    const refused = await api.call(
      nominate,
      { input: { cycleId: ids.cycle, subjectId: ids.E10, raterId: ids.E111, group: 'direct_report', remove: false } },
      t.ada,
    );
    expect(refused.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const stranger = await api.call(
      nominate,
      { input: { cycleId: ids.cycle, subjectId: ids.E10, raterId: ids.E111, group: 'peer', remove: false } },
      t.alan,
    );
    expect(stranger.errors![0].extensions!.code).toBe('FORBIDDEN');

    // Launching before approval fails on the group minimums and changes nothing.
    const early = await api.call(`mutation($c: ID!) { launchCycle(cycleId: $c) { status } }`, { c: ids.cycle }, t.hrA);
    expect(early.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(early.errors![0].message).toMatch(/Ada Lovelace has 0 approved peer rater\(s\); at least 3 needed/);
    expect(await count(`SELECT count(*) FROM gateway.assignment`)).toBe(0);

    const approvedByStranger = await api.call(
      `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed } }`,
      { c: ids.cycle, s: ids.E10 },
      t.alan,
    );
    expect(approvedByStranger.errors![0].extensions!.code).toBe('FORBIDDEN');
    const { approveNominations } = await api.ok(
      `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed proposed nominations { status } } }`,
      { c: ids.cycle, s: ids.E10 },
      t.grace,
    );
    expect(approveNominations).toMatchObject({ changed: 15, proposed: 0 }); // the 14 proposals and Ada's partner
    expect(approveNominations.nominations.every((n: { status: string }) => n.status === 'approved')).toBe(true);

    // Before launch, HR sees the projected reliability of who is invited (published single-rater values).
    const RELIABILITY = `query($c: ID!) { cycleReliability(cycleId: $c) { scoredAt subjectCount target alpha { dimensionId alpha } groups { group icc1 icck }
      norms { dimensionId n available } projectedSubjects } }`;
    const PROJECTION = `query($c: ID!) { cycleReliabilityProjection(cycleId: $c) {
      nodes { subject { employeeId } groups { group invited singleRater source projected ratersForTarget warnings { code } } } } }`;
    const before = {
      ...(await api.ok(RELIABILITY, { c: ids.cycle }, t.hrA)).cycleReliability,
      projection: (await api.ok(PROJECTION, { c: ids.cycle }, t.hrA)).cycleReliabilityProjection.nodes,
    };
    expect(before).toMatchObject({ scoredAt: null, subjectCount: null, alpha: [], groups: [], target: 0.7 });
    expect(before.projection.map((p: { subject: { employeeId: string } }) => p.subject.employeeId)).toEqual(['E10']);
    const published: Record<string, number> = { manager: 0.5, skip_level: 0.5, peer: 0.37, direct_report: 0.3 };
    const projected = before.projection[0].groups as {
      group: string;
      invited: number;
      singleRater: number | null;
      source: string;
      projected: number | null;
      warnings: { code: string }[];
    }[];
    expect(projected.length).toBeGreaterThan(2);
    for (const g of projected) {
      const r = published[g.group];
      if (r === undefined) {
        expect(g).toMatchObject({ source: 'none', projected: null });
        continue;
      }
      expect(g).toMatchObject({ source: 'published', singleRater: r });
      expect(g.projected!).toBeCloseTo((g.invited * r) / (1 + (g.invited - 1) * r), 12); // Spearman–Brown
      const codes = g.warnings.map((w) => w.code);
      expect(codes.includes('exactly-threshold')).toBe(g.group !== 'manager' && g.invited === 3);
      expect(codes.includes('below-target')).toBe(g.projected! < 0.7);
    }
    expect((await api.call(RELIABILITY, { c: ids.cycle }, t.alan)).errors![0].extensions!.code).toBe('FORBIDDEN');

    const { launchCycle } = await api.ok(`mutation($c: ID!) { launchCycle(cycleId: $c) { status } }`, { c: ids.cycle }, t.hrA);
    expect(launchCycle.status).toBe('LAUNCHED');
    expect(await count(`SELECT count(*) FROM gateway.assignment`)).toBe(15);
    // One invitation event per rater, committed with the assignments, then published (the relay
    // deletes what it publishes): none left waiting, 15 on the invitations topic.
    await eventually(
      'the invitations published',
      async () => (await count(`SELECT count(*) FROM gateway.outbox_event WHERE "type" = 'invitation.issued'`)) === 0,
    );
    expect(await topicMessages(kafkaBrokers(), `${namespace}${Topics.Invitations}`)).toBe(15);
    // Everyone has an e-mail address: HR lists no link; each one is in the rater's invitation (here,
    // with no mail server, in HR's mail outbox, one audited opening each).
    const { raterInvitations } = await api.ok(`query($c: ID!) { raterInvitations(cycleId: $c) { token } }`, { c: ids.cycle }, t.hrA);
    expect(raterInvitations).toEqual([]);
    invitations = await surveyLinks(api, t.hrA, ids.cycle);
    expect(invitations).toHaveLength(15);
    expect(new Set(invitations.map((i) => i.token)).size).toBe(15);
    // Tokens are stored hashed (and encrypted for HR's audited views), never in the clear.
    expect(Buffer.from(invitations[0].token, 'base64url')).toHaveLength(32);
    expect(
      await count(`SELECT count(*) FROM gateway.assignment WHERE token_hash = $1 OR token_cipher LIKE $2`, [
        invitations[0].token,
        `%${invitations[0].token}%`,
      ]),
    ).toBe(0);
    expect(await count(`SELECT count(*) FROM gateway.audit_event WHERE action = 'invitations.listed'`)).toBe(1);
    expect(await count(`SELECT count(*) FROM gateway.audit_event WHERE action = 'mail-outbox.opened'`)).toBe(15);
  });

  const tokens = (group: string) => invitations.filter((i) => i.group === group).map((i) => i.token);

  it('lets raters answer by link: survey, draft and resume, submit, replay', async () => {
    const [first] = tokens('direct_report');
    const { raterSurvey } = await api.ok(
      `query($t: String!) { raterSurvey(token: $t) { subjectName relationship anonymityThreshold identifiable anonymityNote status scale { value label } notAbleToRateLabel dimensions { id items { id } } } }`,
      { t: first },
    );
    expect(raterSurvey).toMatchObject({
      subjectName: 'Ada Lovelace',
      relationship: 'direct_report',
      anonymityThreshold: 3,
      identifiable: false,
      status: 'invited',
    });
    expect(raterSurvey.anonymityNote).toMatch(/at least 3 people/);
    expect(raterSurvey.scale).toHaveLength(5);
    const asked = raterSurvey.dimensions.flatMap((d: { items: { id: string }[] }) => d.items.map((i) => i.id));
    const observed = instrument.items.filter((i) => i.observers.includes('direct_report')).map((i) => i.id);
    expect(asked.sort()).toEqual(observed.sort());

    const { raterSurvey: managerView } = await api.ok(`query($t: String!) { raterSurvey(token: $t) { identifiable anonymityNote } }`, {
      t: tokens('manager')[0],
    });
    expect(managerView.identifiable).toBe(true);
    expect(managerView.anonymityNote).toMatch(/recognised as yours/);

    // Autosave a partial draft, then resume it.
    const partial = answersAt(4, asked.slice(0, 5));
    const { saveSurveyDraft } = await api.ok(
      `mutation($input: SurveyAnswersInput!) { saveSurveyDraft(input: $input) { answered total } }`,
      { input: { token: first, answers: partial } },
    );
    expect(saveSurveyDraft).toEqual({ answered: 5, total: asked.length });
    const { raterSurvey: resumed } = await api.ok(`query($t: String!) { raterSurvey(token: $t) { status answers { itemId value } } }`, {
      t: first,
    });
    expect(resumed.status).toBe('started');
    expect(resumed.answers).toEqual(expect.arrayContaining(partial));

    // An incomplete submission is refused, naming what is missing.
    const incomplete = await api.call(`mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { status } }`, {
      input: { token: first, idempotencyKey: '5d1f3c8a-2b4e-4f6a-8c9d-0e1f2a3b4c5d', answers: partial },
    });
    expect(incomplete.errors![0].extensions!.fields[0]).toMatchObject({ field: 'input.answers' });
    expect(incomplete.errors![0].extensions!.fields[0].message).toMatch(/not answered/);

    // Everyone answers: each group at its own level. "other" has one rater: below the threshold.
    const levels: Record<string, number> = { self: 5, manager: 4, peer: 3, direct_report: 4, other: 1 };
    const submitted: Record<string, { input: unknown; submissionId: string }> = {};
    for (const [group, level] of Object.entries(levels)) {
      for (const token of tokens(group)) {
        const { input, result } = await answerSurvey(
          api,
          token,
          level,
          group === 'direct_report' ? `Comment from a report at level ${level}` : undefined,
        );
        expect(result.errors).toBeUndefined();
        submitted[token] = { input, submissionId: result.data.submitSurvey.submissionId };
      }
    }
    for (const token of tokens('skip_level').slice(0, 3)) await answerSurvey(api, token, 2);

    // A replay returns the same receipt; a new key on a submitted survey is refused; nothing doubles.
    const replayed = submitted[first];
    const again = await api.ok(`mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { submissionId } }`, {
      input: replayed.input,
    });
    expect(again.submitSurvey.submissionId).toBe(replayed.submissionId);
    const second = await api.call(`mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { submissionId } }`, {
      input: { ...(replayed.input as object), idempotencyKey: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' },
    });
    expect(second.errors![0].extensions!.code).toBe('CONFLICT');
    const sameKeyOtherBody = await api.call(`mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { submissionId } }`, {
      input: { ...(replayed.input as object), comments: [{ dimensionId: 'alignment', text: 'changed' }] },
    });
    expect(sameKeyOtherBody.errors![0].extensions!.code).toBe('CONFLICT');
    expect(await count(`SELECT count(*) FROM gateway.submission`)).toBe(12);

    const { cycleProgress, cycleProgressSubjects } = await api.ok(
      `query($c: ID!) { cycleProgress(cycleId: $c) { invited submitted }
        cycleProgressSubjects(cycleId: $c) { nodes { groups { group invited submitted } nonResponders { group rater { name } } } } }`,
      { c: ids.cycle },
      t.hrA,
    );
    expect(cycleProgress).toMatchObject({ invited: 15, submitted: 12 });
    expect(cycleProgressSubjects.nodes[0].nonResponders.map((n: { group: string }) => n.group)).toEqual([
      'skip_level',
      'skip_level',
      'skip_level',
    ]);
    const { sendReminders } = await api.ok(`mutation($c: ID!) { sendReminders(cycleId: $c) }`, { c: ids.cycle }, t.hrA);
    expect(sendReminders).toBe(3);

    // HR revokes one unanswered link: it stops working at once; another organisation cannot touch it.
    const { cycleMailDeliveries } = await api.ok(
      `query($c: ID!) { cycleMailDeliveries(cycleId: $c) { assignmentId group surveyStatus } }`,
      { c: ids.cycle },
      t.hrA,
    );
    const unanswered = new Set(
      cycleMailDeliveries
        .filter((d: { group: string; surveyStatus: string }) => d.group === 'skip_level' && d.surveyStatus === 'invited')
        .map((d: { assignmentId: string }) => d.assignmentId),
    );
    const victim = invitations.filter((i) => unanswered.has(i.assignmentId))[2];
    const foreign = await api.call(`mutation($a: ID!) { revokeInvitation(assignmentId: $a) }`, { a: victim.assignmentId }, t.hrB);
    expect(foreign.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(
      (await api.ok(`mutation($a: ID!) { revokeInvitation(assignmentId: $a) }`, { a: victim.assignmentId }, t.hrA)).revokeInvitation,
    ).toBe(true);
    const revoked = await api.call(`query($t: String!) { raterSurvey(token: $t) { subjectName } }`, { t: victim.token });
    expect(revoked.errors![0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: 'This survey link is not valid. Ask HR for a new one.',
    });
    invitations = invitations.filter((i) => i.token !== victim.token);

    // All 12 stored; what HR sees is the latest snapshot the disclosure rule took (docs/anonymity.md).
    await eventually(
      'all 12 answers stored',
      async () =>
        (await count(`SELECT count(DISTINCT rater_id) AS count FROM scoring.rater_response WHERE cycle_id = $1`, [ids.cycle])) === 12,
      30000,
    );
    await eventually(
      'the scoring outbox to drain',
      async () => (await count(`SELECT count(*) AS count FROM scoring.outbox_event WHERE published_at IS NULL`)) === 0,
      30000,
    );
    await eventually(
      'a report for HR',
      async () => (await api.ok(SUBJECT_REPORT, { cycleId: ids.cycle, subjectId: ids.E10 }, t.hrA)).subjectReport?.responseCount >= 11,
      30000,
    );
  }, 90000);

  it('keeps reports from the subject and manager until release, then moves figures only by the threshold', async () => {
    for (const who of ['ada', 'grace', 'alan', 'hrB']) {
      const denied = await api.call(SUBJECT_REPORT, { cycleId: ids.cycle, subjectId: ids.E10 }, t[who]);
      expect(denied.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const live = (await api.ok(SUBJECT_REPORT, { cycleId: ids.cycle, subjectId: ids.E10 }, t.hrA)).subjectReport;
    expect(live.visibility).toBe('live');
    for (const d of live.dimensions) {
      const other = d.groups.find((g: { group: string }) => g.group === 'other');
      if (other) expect(other).toMatchObject({ n: 1, suppressed: true, mean: null });
      const reports = d.groups.find((g: { group: string }) => g.group === 'direct_report');
      if (reports) expect(reports).toMatchObject({ n: 3, suppressed: false, mean: 4 });
    }
    expect(live.comments.map((c: { text: string }) => c.text)).toContain('Comment from a report at level 4');
    expect(live.comments.every((c: { group: string }) => c.group !== 'other')).toBe(true);

    await api.ok(`mutation($c: ID!) { releaseResults(cycleId: $c) { status releasedAt } }`, { c: ids.cycle }, t.hrA);
    const published = (await api.ok(SUBJECT_REPORT, { cycleId: ids.cycle, subjectId: ids.E10 }, t.ada)).subjectReport;
    expect(published.visibility).toBe('published');
    expect((await api.ok(SUBJECT_REPORT, { cycleId: ids.cycle, subjectId: ids.E10 }, t.grace)).subjectReport.reportVersion).toBe(
      published.reportVersion,
    );
    expect((await api.ok(SUBJECT_REPORT, { cycleId: ids.cycle, subjectId: ids.E10 }, t.hrA)).subjectReport.reportVersion).toBe(
      published.reportVersion,
    );

    // Late skip-level answers: HR's live view and the publication are the same snapshots, taken only
    // when every figure that changes changes by at least `anonymityThreshold` (3) raters
    // (docs/anonymity.md; apps/standalone/test/anonymity.e2e-spec.ts tries the attacks). A rater
    // held back earlier may enter with a late one: the third skip-level waited, since the lone
    // "other" rater (merged into others with the first two skip-levels) would leave others as they
    // entered; the first late answer brings both in, and others changes by three raters (−1, +2).
    const answered = new Set(tokens('skip_level').slice(0, 3));
    const [late1, late2] = tokens('skip_level').filter((tk) => !answered.has(tk));
    const stored = async () =>
      count(`SELECT count(DISTINCT rater_id) AS count FROM scoring.rater_response WHERE cycle_id = $1`, [ids.cycle]);
    let before: Report = published;
    for (const [i, late] of [late1, late2].entries()) {
      await answerSurvey(api, late, 5);
      await eventually('the late answer to be stored', async () => (await stored()) === 13 + i, 30000);
      await eventually(
        'the scoring outbox to drain',
        async () => (await count(`SELECT count(*) AS count FROM scoring.outbox_event WHERE published_at IS NULL`)) === 0,
        30000,
      );
      await new Promise((r) => setTimeout(r, 300));
      const seen = await Promise.all(
        [t.ada, t.grace, t.hrA].map(
          async (who) => (await api.ok(SUBJECT_REPORT, { cycleId: ids.cycle, subjectId: ids.E10 }, who)).subjectReport,
        ),
      );
      for (const r of seen) expect(r.reportVersion).toBe(seen[0].reportVersion);
      for (const d of seen[0].dimensions) {
        const skip = d.groups.find((g: { group: string }) => g.group === 'skip_level');
        if (skip && !skip.suppressed) expect(skip.n).toBeGreaterThanOrEqual(3);
      }
      expect(seen[0].responseCount - before.responseCount === 0 || seen[0].responseCount - before.responseCount >= 2).toBe(true);
      before = seen[0];
    }
  }, 90000);

  it('closes: links stop working and submissions are refused; HR and the manager read their views', async () => {
    const { closeCycle } = await api.ok(`mutation($c: ID!) { closeCycle(cycleId: $c) { status } }`, { c: ids.cycle }, t.hrA);
    expect(closeCycle.status).toBe('RELEASED');
    const [lastToken] = tokens('skip_level').slice(4);
    // The link now says when the survey closed, and offers nothing to fill in.
    const { raterSurvey: closed } = await api.ok(`query($t: String!) { raterSurvey(token: $t) { closedAt dimensions { id } } }`, {
      t: lastToken,
    });
    expect(new Date(closed.closedAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(closed.dimensions).toEqual([]);
    const late = await answerSurvey(api, lastToken, 3);
    expect(late.result.errors![0].extensions!.code).toBe('CONFLICT');
    expect(late.result.errors![0].message).toMatch(/closed/);
    const draft = await api.call(`mutation($input: SurveyAnswersInput!) { saveSurveyDraft(input: $input) { answered } }`, {
      input: { token: lastToken, answers: [] },
    });
    expect(draft.errors![0].extensions!.code).toBe('CONFLICT');

    const { cycleHeatmap } = await api.ok(
      `query($c: ID!) { cycleHeatmap(cycleId: $c) { dimensions { id } rows { subject { employeeId } responseCount cells { dimensionId fit mean } } } }`,
      { c: ids.cycle },
      t.hrA,
    );
    expect(cycleHeatmap.rows).toHaveLength(1);
    expect(cycleHeatmap.rows[0].cells).toHaveLength(cycleHeatmap.dimensions.length);
    expect(
      cycleHeatmap.rows[0].cells.every((c: { fit: number | null; mean: number | null }) => c.fit === null || Math.abs(c.fit) <= 4),
    ).toBe(true);

    const { teamReport } = await api.ok(
      `query($c: ID!) { teamReport(cycleId: $c) { rows { subject { employeeId } } } }`,
      { c: ids.cycle },
      t.grace,
    );
    expect(teamReport.rows.map((r: { subject: { employeeId: string } }) => r.subject.employeeId)).toEqual(['E10']);
    const notAManager = await api.call(`query($c: ID!) { teamReport(cycleId: $c) { rows { responseCount } } }`, { c: ids.cycle }, t.alan);
    expect(notAManager.errors![0].extensions!.code).toBe('FORBIDDEN');

    const download = await fetch(`${platform.url}/exports/${ids.cycle}/results.csv`, { headers: { authorization: `Bearer ${t.hrA}` } });
    expect(download.status).toBe(200);
    const lines = (await download.text()).trim().split('\n');
    expect(lines[0]).toBe('employee_id,name,dimension_id,dimension,group,n,mean,ci_low,ci_high,suppressed,fit_to_target,item_id,item');
    // item rows: one per item and group; an item figure below the threshold has no mean
    const itemRows = lines
      .slice(1)
      .filter((l: string) => /^E10,[^,]*,[^,]*,[^,]*,[^,]*,\d+,[^,]*,[^,]*,[^,]*,(true|false),,[a-z]+-\d+,/.test(l));
    expect(itemRows.length).toBeGreaterThan(0);
    for (const row of itemRows) {
      const cells = row.split(',');
      if (cells[4] !== 'others' && cells[4] !== 'self' && cells[4] !== 'manager' && Number(cells[5]) < 3)
        expect(cells.slice(6, 10)).toEqual(['', '', '', 'true']);
    }

    // The published report's items, as the leader reads them
    const { subjectReport: withItems } = await api.ok(
      `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) {
        items { itemId text dimensionId gap others { n mean suppressed includes ciLow ciHigh } groups { group n mean suppressed } }
        highestItems { itemId others n } lowestItems { itemId others n } } }`,
      { c: ids.cycle, s: ids.E10 },
      t.ada,
    );
    expect(withItems.items.length).toBeGreaterThan(0);
    for (const item of withItems.items as {
      groups: { group: string; n: number; mean: number | null; suppressed: boolean }[];
      others: { suppressed: boolean; mean: number | null; n: number };
    }[]) {
      for (const g of item.groups) {
        if (!['self', 'manager'].includes(g.group) && g.n < 3) expect(g).toMatchObject({ suppressed: true, mean: null });
        else expect(g.suppressed).toBe(false);
      }
      if (item.others.suppressed) expect(item.others.mean).toBeNull();
    }
    const high = withItems.highestItems.map((x: { others: number }) => x.others);
    expect(high.length).toBeGreaterThan(0);
    expect(high.length).toBeLessThanOrEqual(5);
    expect([...high].sort((a: number, b: number) => b - a)).toEqual(high);
    expect(withItems.lowestItems.length).toBeLessThanOrEqual(5);

    // Closing asked the scoring service for the cycle-level result: HR's reliability page and the report's comparisons.
    const measured = await eventually(
      'the closed cycle to be scored',
      async () => {
        const r = (
          await api.ok(
            `query($c: ID!) { cycleReliability(cycleId: $c) { scoredAt subjectCount alpha { dimensionId alpha respondents } groups { group icc1 icck subjects } norms { n available } } }`,
            { c: ids.cycle },
            t.hrA,
          )
        ).cycleReliability;
        return r.scoredAt ? r : undefined;
      },
      30000,
    );
    expect(measured.subjectCount).toBe(1);
    expect(measured.alpha.length).toBeGreaterThan(0);
    expect(measured.alpha.some((a: { respondents: number }) => a.respondents > 0)).toBe(true);
    // one subject: no between-subject variance, so no ICC, and norms are withheld (fewer than 10 subjects)
    expect(measured.groups.every((g: { icc1: number | null }) => g.icc1 === null)).toBe(true);
    expect(measured.norms.every((n: { n: number; available: boolean }) => n.n <= 1 && !n.available)).toBe(true);
    const COMPARISONS = `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { comparisons { norms { dimensionId cycle { percentile normSize available reason } organisation { percentile normSize available } organisationCycles } trend { previousCycleId } } } }`;
    const hrView = await eventually(
      'the comparisons to reach the gateway',
      async () => (await api.ok(COMPARISONS, { c: ids.cycle, s: ids.E10 }, t.hrA)).subjectReport.comparisons ?? undefined,
      30000,
    );
    expect(hrView.trend).toBeNull();
    expect(hrView.norms.length).toBeGreaterThan(0);
    for (const n of hrView.norms) {
      expect(n.cycle).toMatchObject({ percentile: null, available: false });
      expect(n.organisation).toMatchObject({ percentile: null, available: false });
      expect(n.organisationCycles).toBe(1);
    }
    const otherRows = lines.filter((l: string) => l.split(',')[4] === 'other');
    expect(otherRows.length).toBeGreaterThan(0);
    for (const row of otherRows) expect(row.split(',').slice(6, 10)).toEqual(['', '', '', 'true']);

    const pdf = await fetch(`${platform.url}/reports/${ids.cycle}/${ids.E10}.pdf`, { headers: { authorization: `Bearer ${t.ada}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(
      (await fetch(`${platform.url}/reports/${ids.cycle}/${ids.E10}.pdf`, { headers: { authorization: `Bearer ${t.alan}` } })).status,
    ).toBe(403);
    expect((await fetch(`${platform.url}/reports/${ids.cycle}/${ids.E10}.pdf`)).status).toBe(401);
  }, 60000);

  it('refuses forged and oversized input without changing anything', async () => {
    const before = await count(`SELECT count(*) FROM gateway.submission`);
    const forged = await api.call(`query($t: String!) { raterSurvey(token: $t) { subjectName } }`, { t: 'A'.repeat(43) });
    expect(forged.errors![0]).toMatchObject({
      message: 'This survey link is not valid. Ask HR for a new one.',
      extensions: { code: 'FORBIDDEN' },
    });
    const oversized = await api.call(`mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { status } }`, {
      input: {
        token: tokens('skip_level')[4],
        idempotencyKey: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
        answers: [],
        comments: [{ dimensionId: 'alignment', text: 'x'.repeat(2001) }],
      },
    });
    expect(oversized.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(oversized.errors![0].message).toMatch(/input\.comments\[0\]\.text: text must be at most 2000 characters/);
    const deep = await api.call(`{ me { organisation { id } } ${'cycles { subjects { id } } '.repeat(1)} }`, {}, t.hrA);
    expect(deep.errors).toBeUndefined();
    expect(await count(`SELECT count(*) FROM gateway.submission`)).toBe(before);
  });

  it('creates its Kafka topics with the partitions it was given', async () => {
    const admin = new Kafka({ clientId: 'cycle-api-check', brokers: kafkaBrokers(), logLevel: 0 }).admin();
    await admin.connect();
    try {
      const topics = (await admin.listTopics()).filter((name) => name.startsWith(namespace));
      expect(topics.length).toBeGreaterThan(3);
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      for (const topic of metadata)
        expect({ topic: topic.name, partitions: topic.partitions.length }).toEqual({ topic: topic.name, partitions: 3 });
    } finally {
      await admin.disconnect();
    }
  });
});
