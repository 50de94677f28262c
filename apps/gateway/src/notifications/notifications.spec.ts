/** Mail as the gateway sees it, on a real PostgreSQL: delivery states and the mail outbox (requests for mails: mail-requests.spec.ts). */
import { createEnvelope, mailDeliveryUpdatedV1, MailDeliveryUpdatedV1 } from '@leaderscope/events';
import type { MailContent } from '@leaderscope/messages';
import { randomUUID } from 'node:crypto';
import { codeOf, GraphQLAnswer, Organisation, SurveyLink, TestGateway } from '../test-support/test-gateway';

const DELIVERIES = `query($c: ID!) { cycleMailDeliveries(cycleId: $c) { assignmentId subjectName raterName raterEmail group surveyStatus
  invitation { mailId status reason attempts updatedAt } reminder { mailId status } } }`;
const OUTBOX = `query($c: ID) { mailOutbox(cycleId: $c) { nodes { mailId kind cycleId recipientName to subject } } }`;
const OUTBOX_PAGE = `query($c: ID, $first: Int, $after: String, $kind: OutboxMailKind) {
  mailOutbox(cycleId: $c, first: $first, after: $after, filter: { kind: $kind }) {
    cycleId totalCount pageInfo { endCursor hasNextPage } nodes { mailId kind createdAt } } }`;
const OPEN_MAIL = `query($m: ID!) { mailOutboxMessage(mailId: $m) { mailId to subject text link } }`;

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting for the event to be handled');
}

describe('notifications', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let ben: string;
  let cycleId: string;
  let links: SurveyLink[];
  const link = (rater: string) => links.find((l) => l.rater.employeeId === rater)!;
  const content = (kind: 'invitation' | 'reminder', rater: string): MailContent => ({
    kind,
    recipientName: `Rater ${rater}`,
    organisationName: 'Acme',
    cycleId,
    cycleName: 'Review',
    requestedBy: 'HR',
    subjectId: acme.people.get('l1')!,
    subjectName: 'Ben Lead',
    relationship: 'peer',
    anonymityThreshold: 3,
    closesAt: new Date(Date.now() + 86400_000).toISOString(),
  });
  const delivery = (
    rater: string,
    change: Partial<MailDeliveryUpdatedV1> & Pick<MailDeliveryUpdatedV1, 'mailId' | 'status' | 'sequence'>,
  ) =>
    createEnvelope(
      mailDeliveryUpdatedV1,
      {
        kind: 'invitation',
        cycleId,
        subjectId: acme.people.get('l1')!,
        assignmentId: link(rater).assignmentId,
        recipientPersonId: acme.people.get(rater)!,
        email: `${rater}@acme.test`,
        reason: null,
        attempts: 1,
        content: content(change.kind === 'reminder' ? 'reminder' : 'invitation', rater),
        updatedAt: new Date().toISOString(),
        ...change,
      },
      { organisationId: acme.organisationId },
    );
  const deliveries = async () =>
    (await gw.ok(acme.hr, DELIVERIES, { c: cycleId })).cycleMailDeliveries as {
      assignmentId: string;
      invitation: { mailId: string; status: string; reason: string | null; attempts: number } | null;
      reminder: { mailId: string; status: string } | null;
    }[];

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    other = await gw.organisation('Other Org');
    ben = await acme.signIn('ben');
    cycleId = await gw.launchedCycle(acme, ['l1']);
    links = await gw.links(acme, cycleId);
  });

  afterAll(() => gw?.stop());

  describe('delivery states', () => {
    it("shows each rater's newest invitation state and latest reminder, whatever the order of arrival", async () => {
      const invitation = randomUUID();
      const reminder = randomUUID();
      await gw.transport.publish([
        delivery('l2', { mailId: invitation, status: 'failed', reason: '550 no such mailbox', attempts: 3, sequence: 3 }),
        delivery('l2', { mailId: invitation, status: 'queued', attempts: 0, sequence: 1 }),
        delivery('l2', { mailId: reminder, kind: 'reminder', status: 'sent', sequence: 1 }),
      ]);
      const row = await eventually(
        async () => (await deliveries()).find((d) => d.assignmentId === link('l2').assignmentId)!,
        (d) => d.reminder !== null,
      );
      expect(row.invitation).toMatchObject({ mailId: invitation, status: 'failed', reason: '550 no such mailbox', attempts: 3 });
      expect(row.reminder).toEqual({ mailId: reminder, status: 'sent' });
      expect((await deliveries()).find((d) => d.assignmentId === link('l3').assignmentId)).toMatchObject({
        invitation: null,
        reminder: null,
      });
    });

    it('keeps the newest state when an older one arrives later, and takes a newer one', async () => {
      const mail = randomUUID();
      const marker = async (rater: string) => {
        const id = randomUUID();
        await gw.transport.publish([delivery(rater, { mailId: id, status: 'queued', sequence: 1 })]);
        await eventually(
          async () => (await deliveries()).find((d) => d.assignmentId === link(rater).assignmentId)!,
          (d) => d.invitation?.mailId === id,
        );
      };
      await gw.transport.publish([delivery('m4', { mailId: mail, status: 'deferred', reason: '421 try later', attempts: 2, sequence: 2 })]);
      await marker('l1'); // same subject, same lane: handled after the one before
      await gw.transport.publish([delivery('m4', { mailId: mail, status: 'queued', attempts: 0, sequence: 1 })]);
      await marker('l1');
      const row = () => deliveries().then((all) => all.find((d) => d.assignmentId === link('m4').assignmentId)!);
      expect((await row()).invitation).toMatchObject({ mailId: mail, status: 'deferred', reason: '421 try later', attempts: 2 });
      await gw.transport.publish([delivery('m4', { mailId: mail, status: 'sent', attempts: 3, sequence: 3 })]);
      await marker('l1');
      expect((await row()).invitation).toMatchObject({ mailId: mail, status: 'sent', reason: null, attempts: 3 });
    });

    it('lists every live assignment once, without revoked links, for HR of the organisation only', async () => {
      const all = await deliveries();
      expect(all).toHaveLength(10);
      await gw.ok(acme.hr, `mutation($a: ID!) { revokeInvitation(assignmentId: $a) }`, { a: link('e2').assignmentId });
      expect((await deliveries()).map((d) => d.assignmentId)).not.toContain(link('e2').assignmentId);
      expect(codeOf(await gw.gql(ben, DELIVERIES, { c: cycleId }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(other.hr, DELIVERIES, { c: cycleId }))).toBe('FORBIDDEN');
    });
  });

  describe('the mail outbox', () => {
    let recorded: string;

    beforeAll(async () => {
      recorded = randomUUID();
      await gw.transport.publish([delivery('l3', { mailId: recorded, status: 'recorded', sequence: 1 })]);
      await eventually(
        async () => (await gw.ok(acme.hr, OUTBOX, { c: cycleId })).mailOutbox.nodes as unknown[],
        (mails) => mails.length > 0,
      );
    });

    it('lists the recorded mails only, with their subject line, audited', async () => {
      const mails = (await gw.ok(acme.hr, OUTBOX, { c: cycleId })).mailOutbox.nodes;
      expect(mails).toEqual([
        {
          mailId: recorded,
          kind: 'invitation',
          cycleId,
          recipientName: 'Rater l3',
          to: 'l3@acme.test',
          subject: expect.stringContaining('Ben Lead'),
        },
      ]);
      expect((await gw.ok(acme.hr, OUTBOX, {})).mailOutbox.nodes.map((m: { mailId: string }) => m.mailId)).toEqual([recorded]);
      expect((await gw.audited('mail-outbox.listed')).slice(-2).map((a) => [a.target, a.detail.count])).toEqual([
        [`cycle:${cycleId}`, 1],
        ['organisation', 1],
      ]);
      expect((await gw.ok(other.hr, OUTBOX, {})).mailOutbox.nodes).toEqual([]);
    });

    it('opens one mail rendered with its survey link, audited; refuses it to another organisation', async () => {
      const mail = (await gw.ok(acme.hr, OPEN_MAIL, { m: recorded })).mailOutboxMessage;
      expect(mail.link).toBe(`http://127.0.0.1:4000/survey/${link('l3').token}`);
      expect(mail.text).toContain(mail.link);
      expect((await gw.audited('mail-outbox.opened')).map((a) => a.target)).toEqual([`mail:${recorded}`]);
      expect(codeOf(await gw.gql(other.hr, OPEN_MAIL, { m: recorded }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(acme.hr, OPEN_MAIL, { m: 'nope' }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(ben, OPEN_MAIL, { m: recorded }))).toBe('FORBIDDEN');
    });
  });

  describe('a mail still on its way when its recipient is erased', () => {
    it('is stored without their name and address, also when it was never seen before the erasure', async () => {
      const before = randomUUID();
      const after = randomUUID();
      await gw.transport.publish([delivery('m4', { mailId: before, status: 'recorded', sequence: 1 })]);
      await eventually(
        async () => (await gw.ok(acme.hr, OUTBOX, { c: cycleId })).mailOutbox.nodes as { mailId: string }[],
        (mails) => mails.some((m) => m.mailId === before),
      );
      await gw.ok(acme.hr, `mutation($p: ID!) { erasePerson(personId: $p) { personId } }`, { p: acme.people.get('m4') });
      // The notification service queued this one before it heard of the erasure.
      await gw.transport.publish([delivery('m4', { mailId: after, status: 'recorded', sequence: 1 })]);
      const mails = await eventually(
        async () =>
          (await gw.ok(acme.hr, OUTBOX, { c: cycleId })).mailOutbox.nodes as { mailId: string; recipientName: string; to: string | null }[],
        (all) => all.some((m) => m.mailId === after),
      );
      for (const id of [before, after]) {
        const mail = mails.find((m) => m.mailId === id)!;
        expect(mail.recipientName).toBe('Erased person');
        expect(mail.to).toBeNull();
      }
      expect(JSON.stringify(mails)).not.toContain('Rater m4');
      expect(JSON.stringify(mails)).not.toContain('m4@acme.test');
    });
  });
  describe('the mail outbox a page at a time', () => {
    type Page = {
      cycleId: string | null;
      totalCount: number;
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
      nodes: { mailId: string; kind: string; createdAt: string }[];
    };
    const outbox = async (vars: Record<string, unknown>, token = acme.hr): Promise<Page> =>
      (await gw.ok(token, OUTBOX_PAGE, vars)).mailOutbox as Page;
    /** The cycle's recorded mails as PostgreSQL orders them: newest first, ties by mail id. */
    const stored = async (kind?: string) =>
      (
        await gw.dataSource.query<{ mail_id: string }[]>(
          `SELECT mail_id FROM gateway.mail_delivery WHERE cycle_id = $1 AND status = 'recorded' AND ($2::text IS NULL OR kind = $2)
            ORDER BY created_at DESC, mail_id DESC`,
          [cycleId, kind ?? null],
        )
      ).map((r) => r.mail_id);
    const BULK = 5050;

    beforeAll(async () => {
      // More than the 5,000 the outbox used to stop at, older than the others: every fifth a reminder;
      // two of each three share their creation time to the microsecond, the third is 1 µs later.
      await gw.dataSource.query(
        `INSERT INTO gateway.mail_delivery (mail_id, organisation_id, cycle_id, subject_id, assignment_id, recipient_person_id, kind,
                                            email, status, reason, attempts, sequence, content, created_at, updated_at)
         SELECT gen_random_uuid(), $1, $2, $3, NULL, $4, CASE WHEN g % 5 = 0 THEN 'reminder' ELSE 'invitation' END,
                'l3@acme.test', 'recorded', NULL, 1, 1, $5::jsonb,
                timestamptz '2020-01-01' + (g / 3) * interval '1 millisecond' + (g % 3 = 2)::int * interval '1 microsecond', now()
           FROM generate_series(1, $6::int) g`,
        [acme.organisationId, cycleId, acme.people.get('l1'), acme.people.get('l3'), JSON.stringify(content('invitation', 'l3')), BULK],
      );
    });

    it('walks every mail of the cycle newest first, each once, past the old cap of 5,000, each page audited', async () => {
      const audits = (await gw.audited('mail-outbox.listed')).length;
      const expected = await stored();
      expect(expected.length).toBeGreaterThan(BULK);
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: Page = await outbox({ c: cycleId, first: 500, after });
        expect(page).toMatchObject({ cycleId, totalCount: expected.length });
        expect(page.nodes.length).toBeLessThanOrEqual(500);
        seen.push(...page.nodes.map((m) => m.mailId));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages++;
      } while (after);
      expect(seen).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.length / 500));
      expect(await gw.audited('mail-outbox.listed')).toHaveLength(audits + pages);
      // The whole organisation's outbox (no cycle) has them too.
      expect((await outbox({ first: 1 })).totalCount).toBe(expected.length);
    });

    it('keeps to one kind of mail, counted on the server', async () => {
      const reminders = await stored('reminder');
      expect(reminders).toHaveLength(BULK / 5);
      const first = await outbox({ c: cycleId, kind: 'REMINDER', first: 400 });
      expect(first.totalCount).toBe(reminders.length);
      expect(first.nodes.every((m) => m.kind === 'reminder')).toBe(true);
      const second = await outbox({ c: cycleId, kind: 'REMINDER', first: 400, after: first.pageInfo.endCursor });
      expect([...first.nodes, ...second.nodes].map((m) => m.mailId)).toEqual(reminders.slice(0, 800));
      expect(await outbox({ c: cycleId, kind: 'PULSE_LAUNCHED' })).toMatchObject({
        totalCount: 0,
        nodes: [],
        pageInfo: { hasNextPage: false },
      });
    });

    it('refuses HR of another organisation, anyone but HR, a page over 500 and a cursor of another list, naming the argument', async () => {
      expect(codeOf(await gw.gql(ben, OUTBOX_PAGE, { c: cycleId }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(ben, OUTBOX_PAGE, {}))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(other.hr, OUTBOX_PAGE, { c: cycleId }))).toBe('FORBIDDEN');
      expect(await outbox({}, other.hr)).toMatchObject({ totalCount: 0, nodes: [] }); // their own outbox: empty
      const argument = (answer: GraphQLAnswer) => [codeOf(answer), answer.errors?.[0]?.extensions?.fields?.[0]?.field];
      for (const first of [0, 501])
        expect(argument(await gw.gql(acme.hr, OUTBOX_PAGE, { c: cycleId, first }))).toEqual(['BAD_USER_INPUT', 'first']);
      expect(argument(await gw.gql(acme.hr, OUTBOX_PAGE, { c: cycleId, after: 'not-a-cursor' }))).toEqual(['BAD_USER_INPUT', 'after']);
      // The outbox's own order, but a key that is no creation time: refused, not a database error.
      const forged = Buffer.from(JSON.stringify(['outboxNewest', 'DESC', 'yesterday', randomUUID()])).toString('base64url');
      expect(argument(await gw.gql(acme.hr, OUTBOX_PAGE, { c: cycleId, after: forged }))).toEqual(['BAD_USER_INPUT', 'after']);
      const deliveries = await gw.ok(
        acme.hr,
        `query($c: ID!) { cycleMailDeliveryPage(cycleId: $c, first: 1) { pageInfo { endCursor } } }`,
        {
          c: cycleId,
        },
      );
      const foreign = deliveries.cycleMailDeliveryPage.pageInfo.endCursor;
      expect(argument(await gw.gql(acme.hr, OUTBOX_PAGE, { c: cycleId, after: foreign }))).toEqual(['BAD_USER_INPUT', 'after']);
    });
  });
});
