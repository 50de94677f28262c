/**
 * Data-subject requests: HR exports everything held about a person (never their answers) and
 * erases a person: their name, e-mail and sign-in go from every service that held them, their past
 * answers stay only under an assignment id that leads to no name, and the reports do not change.
 * The whole platform in this process: real PostgreSQL, the PostgreSQL-log transport, the real
 * services (survey, scoring, notification).
 */
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { provisionOrganisation } from '@leaderscope/gateway';
import { DataSource } from 'typeorm';
import { Platform, startPlatform } from '../src';
import { answerSurvey, Api, instrument, launchCycleForAda, LaunchedCycle, PASSWORD, SUBJECT_REPORT } from './fixtures';
import { emittedEventsSql } from './pipeline-counts';

const EXPORT = `query($p: ID!) { personDataExport(personId: $p) { personId generatedAt json } }`;
const ERASE = `mutation($p: ID!) { erasePerson(personId: $p) { personId erasedAt accountsDeleted linksRevoked } }`;

describe('data protection: export and erase a person', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;
  let hr: string;
  let cycle: LaunchedCycle;
  let dataSource: DataSource;
  let alan: { id: string; email: string };

  const count = async (sql: string, params: unknown[] = []) => (await dataSource.query<{ n: number }[]>(sql, params))[0].n;
  /** Rows of every table of the gateway's and the notification service's schemas that mention `text` (event logs aside). */
  const mentions = async (text: string) =>
    (
      await dataSource.query<{ table_name: string; n: number }[]>(
        `SELECT t.table_schema || '.' || t.table_name AS table_name,
                (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I x WHERE lower(row_to_json(x)::text) LIKE %L',
                   t.table_schema, t.table_name, '%' || lower($1) || '%'), false, true, '')))[1]::text::int AS n
           FROM information_schema.tables t
          WHERE t.table_schema IN ('gateway', 'notification', 'survey', 'scoring') AND t.table_type = 'BASE TABLE'
            AND t.table_name NOT IN ('outbox_event', 'processed_event', 'migrations')`,
        [text],
      )
    ).filter((r) => r.n > 0);

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({
      databaseUrl: db.url,
      port: 0,
      seedDemo: false,
      secret: 'data-protection-secret-0123456789',
      log: () => {},
    });
    api = new Api(platform.url);
    dataSource = platform.gateway.get(DataSource);
    await provisionOrganisation(dataSource, { name: 'Org', hrEmail: 'hr@org.test', hrPassword: PASSWORD });
    hr = await api.login('hr@org.test', PASSWORD);
    cycle = await launchCycleForAda(api, hr);
    const { people } = await api.ok(`{ people(search: "Alan") { id email } }`, {}, hr);
    alan = people[0];
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('exports a person without their answers, then erases them: gone everywhere, reports unchanged', async () => {
    // Alan Turing is one of Ada's peers; everyone but the skip-levels answers.
    const answering = cycle.invitations.filter((i) => i.group !== 'skip_level');
    expect(answering.some((i) => i.rater.name === 'Alan Turing')).toBe(true);
    for (const [i, rater] of answering.entries()) expect((await answerSurvey(api, rater.token, 2 + (i % 3))).result.errors).toBeUndefined();
    await eventually(
      'every answer counted, every event published, the invitations recorded',
      async () => {
        const { cycleProgress } = await api.ok(`query($c: ID!) { cycleProgress(cycleId: $c) { counted } }`, { c: cycle.cycleId }, hr);
        return (
          cycleProgress.counted === answering.length &&
          (await count(`SELECT count(*)::int AS n FROM "scoring"."outbox_event" WHERE "published_at" IS NULL`)) === 0 &&
          (await count(`SELECT count(*)::int AS n FROM "gateway"."mail_delivery" WHERE "recipient_person_id" = $1`, [alan.id])) > 0
        );
      },
      60000,
    );
    await api.ok(`mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`, { c: cycle.cycleId }, hr);
    await api.ok(`mutation($c: ID!) { releaseResults(cycleId: $c) { id } }`, { c: cycle.cycleId }, hr);
    const { createAccount } = await api.ok(`mutation($p: ID!) { createAccount(personId: $p) { temporaryPassword } }`, { p: alan.id }, hr);
    const alanToken = await api.login(alan.email, createAccount.temporaryPassword);

    // Export: who they are and where they took part, never what they answered.
    const exported = (await api.ok(EXPORT, { p: alan.id }, hr)).personDataExport;
    const doc = JSON.parse(exported.json);
    console.log(`export: ${exported.json.length} characters, sections ${Object.keys(doc).join(', ')}`);
    expect(doc.person).toMatchObject({
      id: alan.id,
      name: 'Alan Turing',
      email: alan.email,
      employeeId: 'E11',
      manager: { name: 'Grace Hopper' },
    });
    expect(doc.accounts).toEqual([{ email: alan.email, hrAdministrator: false }]);
    expect(doc.raterAssignments).toEqual([
      expect.objectContaining({
        cycleId: cycle.cycleId,
        cycleName: 'Leadership 360',
        subject: 'Ada Lovelace',
        raterGroup: 'peer',
        status: 'submitted',
      }),
    ]);
    expect(doc.raterAssignments[0].submittedAt).toEqual(expect.any(String));
    expect(doc.nominations).toEqual([expect.objectContaining({ as: 'rater', subject: 'Ada Lovelace', raterGroup: 'peer' })]);
    expect(doc.mails).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'invitation', to: alan.email })]));
    expect(doc.auditTrail.map((a: { action: string }) => a.action)).toContain('account.created');
    expect(doc.answers).toMatch(/not in this export/);
    // No item of the instrument, no survey token: nothing of what they answered or how to reach it.
    for (const item of instrument.items) expect(exported.json).not.toContain(`"${item.id}"`);
    expect(exported.json).not.toMatch(/token|draft/i);

    // Bad ids are refused naming the field, and change nothing; a non-HR caller is refused.
    for (const bad of ['not-an-id', '00000000-0000-4000-8000-000000000000']) {
      for (const query of [ERASE, EXPORT]) {
        const refused = await api.call(query, { p: bad }, hr);
        expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(refused.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'personId' })]);
      }
    }
    expect((await api.call(ERASE, { p: alan.id }, alanToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.ok(`{ people(search: "Alan") { id } }`, {}, hr)).people).toHaveLength(1);

    const reportBefore = await api.ok(SUBJECT_REPORT, { cycleId: cycle.cycleId, subjectId: cycle.subjectId }, hr);
    const announcedBefore = await count(emittedEventsSql('scoring', 'report.updated'));
    const responsesBefore = await count(`SELECT count(*)::int AS n FROM "survey"."response" WHERE "cycle_id" = $1`, [cycle.cycleId]);
    expect(await mentions('Alan Turing')).not.toEqual([]);

    // Erase.
    const erased = (await api.ok(ERASE, { p: alan.id }, hr)).erasePerson;
    expect(erased).toMatchObject({ personId: alan.id, accountsDeleted: 1, linksRevoked: 0 });
    await eventually(
      'the notification service dropped what it held',
      async () => (await count(`SELECT count(*)::int AS n FROM "notification"."processed_event" WHERE "consumer" = 'erasure'`)) === 1,
      30000,
    );

    // Gone: no name, no address in any table of any service; no sign-in.
    const left = [...(await mentions('Alan Turing')), ...(await mentions(alan.email)), ...(await mentions('Alan'))];
    console.log(`after erasure, rows mentioning the person: ${JSON.stringify(left)}`);
    expect(left).toEqual([]);
    expect(
      (
        await api.call(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
          e: alan.email,
          p: createAccount.temporaryPassword,
        })
      ).errors?.[0],
    ).toBeDefined();
    expect((await api.call(`{ me { email } }`, {}, alanToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const [row] = await dataSource.query(`SELECT "name", "email", "employee_id", "erased_at" FROM "gateway"."person" WHERE "id" = $1`, [
      alan.id,
    ]);
    expect(row).toMatchObject({ name: 'Erased person', email: null, employee_id: `erased:${alan.id}` });

    // The answers stay, anonymised: the assignment they are stored under leads to no name.
    expect(await count(`SELECT count(*)::int AS n FROM "survey"."response" WHERE "cycle_id" = $1`, [cycle.cycleId])).toBe(responsesBefore);
    // Reports unchanged, nothing announced.
    expect(await api.ok(SUBJECT_REPORT, { cycleId: cycle.cycleId, subjectId: cycle.subjectId }, hr)).toEqual(reportBefore);
    expect(await count(emittedEventsSql('scoring', 'report.updated'))).toBe(announcedBefore);

    // Progress names them as erased; a second erasure is a conflict; the export says what is left; all audited.
    const { cycleProgressSubjects } = await api.ok(
      `query($c: ID!) { cycleProgressSubjects(cycleId: $c) { nodes { nonResponders { rater { name } } } } }`,
      { c: cycle.cycleId },
      hr,
    );
    expect(cycleProgressSubjects.nodes.length).toBeGreaterThan(0);
    expect(JSON.stringify(cycleProgressSubjects)).not.toContain('Alan');
    expect((await api.call(ERASE, { p: alan.id }, hr)).errors?.[0].extensions?.code).toBe('CONFLICT');
    const after = JSON.parse((await api.ok(EXPORT, { p: alan.id }, hr)).personDataExport.json);
    expect(after.person).toMatchObject({ name: 'Erased person', email: null });
    expect(after.accounts).toEqual([]);
    const audit = await dataSource.query<{ action: string }[]>(
      `SELECT "action" FROM "gateway"."audit_event" WHERE "target" = $1 ORDER BY "at", "id"`,
      [`person:${alan.id}`],
    );
    expect(audit.map((a) => a.action)).toEqual(['account.created', 'person.exported', 'person.erased', 'person.exported']);
  }, 180000);
});
