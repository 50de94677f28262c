/**
 * The one-machine default (in-process events, no SMTP_URL): nothing is sent; every mail is kept in
 * HR's mail outbox, rendered with its link only when HR opens it (audited), and that link opens the
 * rater's survey. The token is in no table in clear.
 */
import { provisionOrganisation } from '@leaderscope/gateway';
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { DataSource } from 'typeorm';
import { Platform, startPlatform } from '../src';
import { answerSurvey, Api, launchCycleForAda, PASSWORD } from './fixtures';

describe('mail outbox on the one-machine default (no SMTP_URL)', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;
  let hr: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({
      databaseUrl: db.url,
      port: 0,
      seedDemo: false,
      secret: 'outbox-test-secret-0123456789',
      log: () => {},
    });
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
    await db?.drop();
  });

  it('keeps each invitation in the outbox; opening one renders it with a link that works; both audited', async () => {
    const { cycleId, invitations } = await launchCycleForAda(api, hr);
    let listings = 0;
    const outbox = await eventually(
      'every invitation in the outbox',
      async () => {
        listings++;
        const { mailOutbox } = await api.ok(
          `query($c: ID) { mailOutbox(cycleId: $c, first: 500) { totalCount pageInfo { hasNextPage } nodes { mailId kind to subject recipientName } } }`,
          { c: cycleId },
          hr,
        );
        return mailOutbox.nodes.length === invitations.length && mailOutbox;
      },
      30000,
    );
    expect(JSON.stringify(outbox)).not.toMatch(/survey\//);
    expect(outbox).toMatchObject({ totalCount: invitations.length, pageInfo: { hasNextPage: false } });
    // A page at a time, newest first: the same mails, each once, in the same order.
    type Page = { pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: { mailId: string }[] };
    const walked: string[] = [];
    let after: string | null = null;
    do {
      listings++;
      const { mailOutbox }: { mailOutbox: Page } = await api.ok(
        `query($c: ID, $after: String) { mailOutbox(cycleId: $c, first: 2, after: $after) { pageInfo { endCursor hasNextPage } nodes { mailId } } }`,
        { c: cycleId, after },
        hr,
      );
      walked.push(...mailOutbox.nodes.map((m) => m.mailId));
      after = mailOutbox.pageInfo.hasNextPage ? mailOutbox.pageInfo.endCursor : null;
    } while (after);
    expect(walked).toEqual(outbox.nodes.map((m: { mailId: string }) => m.mailId));
    const { cycleMailDeliveries } = await api.ok(
      `query($c: ID!) { cycleMailDeliveries(cycleId: $c) { invitation { status } } }`,
      { c: cycleId },
      hr,
    );
    expect(cycleMailDeliveries.every((d: { invitation: { status: string } }) => d.invitation.status === 'recorded')).toBe(true);

    const peerMail = outbox.nodes.find((m: { subject: string }) => /asks for your view of Ada Lovelace/.test(m.subject));
    const { mailOutboxMessage } = await api.ok(
      `query($m: ID!) { mailOutboxMessage(mailId: $m) { to subject text html link } }`,
      { m: peerMail.mailId },
      hr,
    );
    expect(mailOutboxMessage.to).toBe(peerMail.to);
    expect(mailOutboxMessage.text).toContain(mailOutboxMessage.link);
    expect(mailOutboxMessage.html).toContain(`href="${mailOutboxMessage.link}"`);
    expect(mailOutboxMessage.link.startsWith(`${platform.url}/survey/`)).toBe(true);
    const token = decodeURIComponent(mailOutboxMessage.link.split('/survey/')[1]);
    expect(invitations.map((i) => i.token)).toContain(token);

    // The link from the outbox works: the rater answers and the survey service records it. (One
    // rater alone never reaches a report: the disclosure rule waits for enough raters, docs/anonymity.md.)
    const { result } = await answerSurvey(api, token, 4);
    expect(result.errors).toBeUndefined();
    await eventually(
      'recorded',
      async () =>
        (await api.ok(`query($t: String!) { submissionReceipt(token: $t) { status } }`, { t: token })).submissionReceipt?.status ===
        'recorded',
    );

    const dataSource = platform.gateway.get(DataSource);
    const audit = await dataSource.query(`SELECT action FROM gateway.audit_event WHERE action LIKE 'mail-outbox.%' ORDER BY id`);
    // The fixture took every rater's link from their mail (one opening each), then the one above.
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      ...Array(invitations.length).fill('mail-outbox.opened'),
      ...Array(listings).fill('mail-outbox.listed'),
      'mail-outbox.opened',
    ]);
    // No token in clear in any table of the notifier or of the gateway's delivery model, nor in any
    // event (published: the one-machine event log; the relays delete what they publish).
    const dump = await dataSource.query(
      `SELECT string_agg(t, ' ') AS t FROM (SELECT row_to_json(r)::text AS t FROM notification.rater r UNION ALL SELECT row_to_json(m)::text FROM notification.mail m
         UNION ALL SELECT row_to_json(d)::text FROM gateway.mail_delivery d UNION ALL SELECT row_to_json(o)::text FROM notification.outbox_event o
         UNION ALL SELECT "value" FROM event_log.message) x`,
    );
    for (const i of invitations) expect(dump[0].t).not.toContain(i.token);
  });
});
