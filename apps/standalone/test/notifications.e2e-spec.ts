/**
 * Invitations, reminders and notices reach people, end to end over HTTP on Kafka and PostgreSQL,
 * with a real SMTP server (smtp-server) receiving every mail: HR launches, each rater opens the link
 * taken from the mail they received and answers, the report counts it; reminders reach exactly the
 * raters who have not submitted; a restart sends nothing twice; an SMTP outage delays mail and loses
 * none; a 5xx marks the rater failed on HR's board; HR's link export and a rater's "my surveys".
 */
import { provisionOrganisation } from '@leaderscope/gateway';
import {
  createTestDatabase,
  eventually,
  kafkaBrokers,
  ReceivedMail,
  SmtpSink,
  startSmtpSink,
  TestDatabase,
  uniqueName,
} from '@leaderscope/testing';
import { DataSource } from 'typeorm';
import { Platform, PlatformOptions, startPlatform } from '../src';
import { answerSurvey, Api, launchCycleForAda, organisationCsv, PASSWORD, SUBJECT_REPORT } from './fixtures';

const PUBLIC_URL = 'https://feedback.northwind.test';
const linkIn = (mail: ReceivedMail) => mail.text.match(/https:\/\/feedback\.northwind\.test\/survey\/([A-Za-z0-9_%-]+)/);
const DELIVERIES = `query($c: ID!) { cycleMailDeliveries(cycleId: $c) { assignmentId raterName raterEmail group surveyStatus invitation { status reason attempts } reminder { status reason } } }`;

describe('mail reaches people: launch, link from the mail, reminders, restart, SMTP outage', () => {
  let db: TestDatabase;
  let sink: SmtpSink;
  let platform: Platform;
  let api: Api;
  let hr: string;
  let cycleId: string;
  let subjectId: string;
  let options: PlatformOptions;
  /** Rater e-mail → token, taken from the invitation each one received. */
  const tokens = new Map<string, string>();
  let raters: { email: string; group: string; name: string; assignmentId: string }[] = [];
  const submitted = new Set<string>();

  const invitationsTo = (email: string) => sink.to(email).filter((m) => !m.subject.startsWith('Reminder') && linkIn(m));
  const remindersTo = (email: string) => sink.to(email).filter((m) => m.subject.startsWith('Reminder'));
  const board = async () =>
    (await api.ok(DELIVERIES, { c: cycleId }, hr)).cycleMailDeliveries as {
      assignmentId: string;
      raterName: string;
      raterEmail: string;
      group: string;
      surveyStatus: string;
      invitation: { status: string; reason: string | null; attempts: number } | null;
      reminder: { status: string; reason: string | null } | null;
    }[];

  beforeAll(async () => {
    db = await createTestDatabase();
    sink = await startSmtpSink();
    options = {
      databaseUrl: db.url,
      kafka: { KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: `${uniqueName('mail-e2e')}.` },
      port: 0,
      seedDemo: false,
      secret: 'mail-e2e-test-secret-0123456789',
      log: () => {},
      notifications: {
        smtpUrl: sink.url,
        publicUrl: PUBLIC_URL,
        mailFrom: 'HR <hr@northwind.test>',
        retryBaseMs: 200,
        retryMaxMs: 800,
        pollMs: 50,
        ratePerMinute: 0,
      },
    };
    platform = await startPlatform(options);
    api = new Api(platform.url);
    await provisionOrganisation(platform.gateway.get(DataSource), {
      name: 'Northwind',
      hrEmail: 'hr@northwind.test',
      hrPassword: PASSWORD,
    });
    hr = await api.login('hr@northwind.test', PASSWORD);
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await sink?.stop();
    await db?.drop();
  });

  it('launch: every rater receives one invitation whose link opens their survey; HR sees each one sent, never a link', async () => {
    const launched = await launchCycleForAda(api, hr, { links: false }); // the links come from the mails below
    cycleId = launched.cycleId;
    subjectId = launched.subjectId;
    const rows = await eventually(
      'every invitation sent',
      async () => {
        const b = await board();
        return b.length > 0 && b.every((r) => r.invitation?.status === 'sent') && b;
      },
      40000,
    );
    raters = rows.map((r) => ({ email: r.raterEmail, group: r.group, name: r.raterName, assignmentId: r.assignmentId }));
    expect(raters.length).toBeGreaterThanOrEqual(8);
    for (const r of raters) {
      const mails = invitationsTo(r.email);
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail.subject).toMatch(r.group === 'self' ? /asks for your self-assessment/ : /asks for your view of Ada Lovelace/);
      expect(mail.text).toContain('Northwind');
      expect(mail.text).toMatch(/Open until .* UTC/);
      tokens.set(r.email, decodeURIComponent(linkIn(mail)![1]));
    }
    // The link is the rater's own: it opens their survey, in their relationship.
    const grace = raters.find((r) => r.group === 'manager')!;
    const { raterSurvey } = await api.ok(`query($t: String!) { raterSurvey(token: $t) { subjectName relationship anonymityNote } }`, {
      t: tokens.get(grace.email),
    });
    expect(raterSurvey).toMatchObject({ subjectName: 'Ada Lovelace', relationship: 'manager' });
    expect(invitationsTo(grace.email)[0].text).toContain(raterSurvey.anonymityNote);
    expect(JSON.stringify(rows)).not.toMatch(/survey\//);
    // The cycle's reminder schedule (default 3 days before the close) travels with each invitation.
    const schedules = await platform.gateway.get(DataSource).query(`SELECT DISTINCT reminder_days FROM notification.rater`);
    expect(schedules).toEqual([{ reminder_days: [3] }]);
  });

  it('a cycle has its own reminder schedule, checked like any input', async () => {
    const input = { name: 'Schedule', opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 20 * 86400_000).toISOString() };
    const { createCycle } = await api.ok(
      `mutation($i: CreateCycleInput!) { createCycle(input: $i) { reminderDaysBeforeClose } }`,
      { i: { ...input, reminderDaysBeforeClose: [2, 7, 7] } },
      hr,
    );
    expect(createCycle.reminderDaysBeforeClose).toEqual([7, 2]);
    const bad = await api.call(
      `mutation($i: CreateCycleInput!) { createCycle(input: $i) { id } }`,
      { i: { ...input, reminderDaysBeforeClose: [0] } },
      hr,
    );
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors![0].extensions!.fields)).toMatch(/reminderDaysBeforeClose/);
  });

  it('raters answer through the link from their mail and the report counts them', async () => {
    const answering = raters.filter((r) => r.group !== 'manager' && r.group !== 'skip_level').slice(0, 5);
    for (const r of answering) {
      const { result } = await answerSurvey(api, tokens.get(r.email)!, 4);
      expect(result.errors).toBeUndefined();
      submitted.add(r.email);
    }
    // Every answer given through a mailed link is recorded by the survey service…
    await eventually(
      'every answer recorded',
      async () => {
        for (const r of answering) {
          const { submissionReceipt } = await api.ok(`query($t: String!) { submissionReceipt(token: $t) { status } }`, {
            t: tokens.get(r.email)!,
          });
          if (submissionReceipt?.status !== 'recorded') return false;
        }
        return true;
      },
      40000,
    );
    // …and reaches the report as soon as the disclosure rule lets a snapshot be shown (docs/anonymity.md):
    // never more raters than answered, and at least the ones the rule released.
    const report = await eventually(
      'report counts the answers',
      async () => {
        const { subjectReport } = await api.ok(SUBJECT_REPORT, { cycleId, subjectId }, hr);
        return subjectReport && subjectReport.responseCount > 0 && subjectReport;
      },
      40000,
    );
    expect(report.responseCount).toBeLessThanOrEqual(answering.length);
  });

  it('sendReminders reaches exactly the raters who have not submitted, with their own link', async () => {
    await eventually(
      'gateway knows who submitted',
      async () => (await board()).filter((r) => r.surveyStatus === 'submitted').length === submitted.size,
    );
    const { sendReminders } = await api.ok(`mutation($c: ID!) { sendReminders(cycleId: $c) }`, { c: cycleId }, hr);
    const pending = raters.filter((r) => !submitted.has(r.email));
    expect(sendReminders).toBe(pending.length);
    await eventually('reminders received', async () => pending.every((r) => remindersTo(r.email).length === 1), 30000);
    await new Promise((r) => setTimeout(r, 1000));
    for (const r of raters) expect(remindersTo(r.email)).toHaveLength(submitted.has(r.email) ? 0 : 1);
    for (const r of pending) expect(decodeURIComponent(linkIn(remindersTo(r.email)[0])![1])).toBe(tokens.get(r.email));
    await eventually(
      'board shows reminders sent',
      async () => (await board()).filter((r) => r.reminder?.status === 'sent').length === pending.length,
    );
  });

  it('a restart of the whole platform sends nothing twice', async () => {
    const before = sink.received.length;
    await platform.stop();
    platform = await startPlatform(options);
    api = new Api(platform.url);
    hr = await api.login('hr@northwind.test', PASSWORD);
    await new Promise((r) => setTimeout(r, 4000));
    expect(sink.received.length).toBe(before);
    const ids = sink.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("SMTP down: resent invitations wait (deferred on HR's board), then every mail arrives once; a 5xx marks the rater failed with the reason", async () => {
    const pending = raters.filter((r) => !submitted.has(r.email));
    const [refused, ...others] = pending;
    await sink.down();
    for (const r of others) await api.ok(`mutation($a: ID!) { resendInvitation(assignmentId: $a) }`, { a: r.assignmentId }, hr);
    await eventually(
      'deferred on the board',
      async () => {
        const b = await board();
        return others.every((r) => b.find((x) => x.assignmentId === r.assignmentId)?.invitation?.status === 'deferred');
      },
      30000,
    );
    const before = new Map(others.map((r) => [r.email, invitationsTo(r.email).length]));
    await sink.up();
    await eventually(
      'resent invitations sent',
      async () => {
        const b = await board();
        return others.every((r) => b.find((x) => x.assignmentId === r.assignmentId)?.invitation?.status === 'sent');
      },
      30000,
    );
    await new Promise((r) => setTimeout(r, 1000));
    for (const r of others) {
      expect(invitationsTo(r.email)).toHaveLength(before.get(r.email)! + 1);
      expect(decodeURIComponent(linkIn(invitationsTo(r.email).at(-1)!)![1])).toBe(tokens.get(r.email));
    }

    sink.setMode('reject', new RegExp(refused.email.replace(/[.]/g, '\\.')));
    await api.ok(`mutation($a: ID!) { resendInvitation(assignmentId: $a) }`, { a: refused.assignmentId }, hr);
    const failed = await eventually(
      'failed on the board',
      async () => {
        const row = (await board()).find((x) => x.assignmentId === refused.assignmentId);
        return row?.invitation?.status === 'failed' && row;
      },
      30000,
    );
    expect(failed.invitation!.reason).toMatch(/550/);
    sink.setMode('accept');
  });

  it('a rater who signs in sees the survey in "My surveys to answer", with the same link as their mail', async () => {
    const grace = raters.find((r) => r.group === 'manager')!;
    const { people } = await api.ok(`{ people(search: "Grace") { id name } }`, {}, hr);
    const { createAccount } = await api.ok(
      `mutation($p: ID!) { createAccount(personId: $p) { email temporaryPassword } }`,
      { p: people[0].id },
      hr,
    );
    const token = await api.login(createAccount.email, createAccount.temporaryPassword);
    const { mySurveys } = await api.ok(`{ mySurveys { subjectName relationship status path } }`, {}, token);
    expect(mySurveys).toEqual([
      {
        subjectName: 'Ada Lovelace',
        relationship: 'manager',
        status: 'invited',
        path: `/survey/${encodeURIComponent(tokens.get(grace.email)!)}`,
      },
    ]);
  });

  it("HR's link export is one audited CSV of the raters who have not submitted and have no e-mail address", async () => {
    const exportCsv = async () =>
      (await api.ok(`query($c: ID!) { surveyLinksCsv(cycleId: $c) }`, { c: cycleId }, hr)).surveyLinksCsv as string;
    // Everyone here has an address: their links went by mail, so the export holds none.
    expect((await exportCsv()).trim().split('\n')).toEqual(['rater,employee_id,subject,relationship,status,link']);
    // One rater who has not submitted loses their address (the directory is imported again without it):
    // now their link, and only theirs, is in the export.
    const pending = raters.filter((r) => !submitted.has(r.email));
    const offline = pending.find((r) => r.group !== 'self' && r.group !== 'manager')!; // Ada and Grace still get the report-ready mails
    const { people } = await api.ok(`{ people { name employeeId } }`, {}, hr);
    const employeeId = people.find((p: { name: string }) => p.name === offline.name).employeeId;
    const imported = await api.ok(
      `mutation($csv: String!) { importPeople(csv: $csv, dryRun: false) { applied } }`,
      { csv: organisationCsv('example.org', [employeeId]) },
      hr,
    );
    expect(imported.importPeople.applied).toBe(true);
    const exported = await exportCsv();
    const lines = exported.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${offline.name},${employeeId},Ada Lovelace,`);
    expect(lines[1]).toContain(`${PUBLIC_URL}/survey/${tokens.get(offline.email)}`);
    for (const r of raters.filter((x) => x !== offline)) expect(exported).not.toContain(tokens.get(r.email));
    const audit = await platform.gateway
      .get(DataSource)
      .query(`SELECT detail FROM gateway.audit_event WHERE action = 'survey-links.exported' ORDER BY id`);
    expect(audit).toEqual([{ detail: { count: 0 } }, { detail: { count: 1 } }]);
  });

  it('release tells the subject and her manager that the report is ready', async () => {
    await api.ok(`mutation($c: ID!) { releaseResults(cycleId: $c) { status } }`, { c: cycleId }, hr);
    await eventually(
      'report-ready mails',
      async () =>
        sink.received.some((m) => m.subject === 'Your feedback report is ready') &&
        sink.received.some((m) => m.subject === 'The feedback report for Ada Lovelace is ready'),
      30000,
    );
    const ada = sink.received.find((m) => m.subject === 'Your feedback report is ready')!;
    expect(ada.to).toEqual(['ada.lovelace@example.org']);
    expect(ada.text).toContain(`${PUBLIC_URL}/cycles/${cycleId}/reports/${subjectId}`);
    expect(sink.received.find((m) => m.subject === 'The feedback report for Ada Lovelace is ready')!.to).toEqual([
      'grace.hopper@example.org',
    ]);
  });
});
