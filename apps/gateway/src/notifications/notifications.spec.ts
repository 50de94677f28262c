/** Mail as the gateway sees it, on a real PostgreSQL: delivery states, the mail outbox, resends, link export, nomination mails. */
import { createEnvelope, mailDeliveryUpdatedV1, MailDeliveryUpdatedV1, SurveyTokenSeal } from '@leaderscope/events';
import type { MailContent } from '@leaderscope/messages';
import { randomUUID } from 'node:crypto';
import { codeOf, fullAnswers, INVITATIONS, Organisation, SECRET, SUBMIT, TestGateway } from '../test-support/test-gateway';

const DELIVERIES = `query($c: ID!) { cycleMailDeliveries(cycleId: $c) { assignmentId subjectName raterName raterEmail group surveyStatus
  invitation { mailId status reason attempts updatedAt } reminder { mailId status } } }`;
const OUTBOX = `query($c: ID) { mailOutbox(cycleId: $c) { mailId kind cycleId recipientName to subject } }`;
const OPEN_MAIL = `query($m: ID!) { mailOutboxMessage(mailId: $m) { mailId to subject text link } }`;
const RESEND = `mutation($a: ID!) { resendInvitation(assignmentId: $a) }`;
const LINKS_CSV = `query($c: ID!) { surveyLinksCsv(cycleId: $c) }`;
const MY_SURVEYS = `{ mySurveys { assignmentId cycleName subjectName relationship status path } }`;
const REQUEST_NOMINATIONS = `mutation($c: ID!) { requestNominations(cycleId: $c) }`;
const REQUEST_APPROVAL = `mutation($c: ID!, $s: ID!) { requestNominationApproval(cycleId: $c, subjectId: $s) }`;

interface Link {
  assignmentId: string;
  subject: { employeeId: string };
  rater: { employeeId: string };
  token: string;
}

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
  let cy: string;
  let cycleId: string;
  let links: Link[];
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
    [ben, cy] = await Promise.all(['ben', 'cy'].map((p) => acme.signIn(p)));
    cycleId = await gw.launchedCycle(acme, ['l1']);
    links = (await gw.ok<{ raterInvitations: Link[] }>(acme.hr, INVITATIONS, { c: cycleId })).raterInvitations;
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
        async () => (await gw.ok(acme.hr, OUTBOX, { c: cycleId })).mailOutbox as unknown[],
        (mails) => mails.length > 0,
      );
    });

    it('lists the recorded mails only, with their subject line, audited', async () => {
      const mails = (await gw.ok(acme.hr, OUTBOX, { c: cycleId })).mailOutbox;
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
      expect((await gw.ok(acme.hr, OUTBOX, {})).mailOutbox.map((m: { mailId: string }) => m.mailId)).toEqual([recorded]);
      expect((await gw.audited('mail-outbox.listed')).slice(-2).map((a) => [a.target, a.detail.count])).toEqual([
        [`cycle:${cycleId}`, 1],
        ['organisation', 1],
      ]);
      expect((await gw.ok(other.hr, OUTBOX, {})).mailOutbox).toEqual([]);
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

  describe('resendInvitation', () => {
    it('sends the same link again in a new invitation, audited', async () => {
      expect((await gw.ok(acme.hr, RESEND, { a: link('m1').assignmentId })).resendInvitation).toBe(true);
      const resent = (
        await gw.emitted<{ assignmentId: string; sealedToken: string; resend: boolean; raterName: string }>('invitation.issued', 2)
      ).filter((e) => e.payload.assignmentId === link('m1').assignmentId);
      expect(resent.map((e) => e.payload.resend)).toEqual([false, true]);
      expect(new SurveyTokenSeal(SECRET).open(resent[1].payload.sealedToken, link('m1').assignmentId)).toBe(link('m1').token);
      expect(resent[1].payload.raterName).toBe('Eve Mid');
      expect((await gw.audited('invitation.resent')).map((a) => a.target)).toContain(`assignment:${link('m1').assignmentId}`);
    });

    it('refuses a revoked or submitted invitation, another organisation, and non-HR', async () => {
      expect(codeOf(await gw.gql(acme.hr, RESEND, { a: link('e2').assignmentId }))).toBe('CONFLICT'); // revoked above
      await gw.ok(null, SUBMIT, {
        input: { token: link('m2').token, idempotencyKey: randomUUID(), answers: fullAnswers('direct_report') },
      });
      const submitted = await gw.gql(acme.hr, RESEND, { a: link('m2').assignmentId });
      expect(submitted.errors![0].message).toBe('This rater has submitted already');
      expect(codeOf(await gw.gql(other.hr, RESEND, { a: link('m3').assignmentId }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(ben, RESEND, { a: link('m3').assignmentId }))).toBe('FORBIDDEN');
    });
  });

  describe('links and my surveys', () => {
    it('gives a rater their own open surveys with their links, never a submitted one', async () => {
      const mine = (await gw.ok(cy, MY_SURVEYS)).mySurveys;
      expect(mine).toEqual([
        {
          assignmentId: link('l2').assignmentId,
          cycleName: 'Review',
          subjectName: 'Ben Lead',
          relationship: 'peer',
          status: 'invited',
          path: `/survey/${link('l2').token}`,
        },
      ]);
      await gw.ok(null, SUBMIT, { input: { token: link('l2').token, idempotencyKey: randomUUID(), answers: fullAnswers('peer') } });
      expect((await gw.ok(cy, MY_SURVEYS)).mySurveys).toEqual([]);
      expect((await gw.ok(acme.hr, MY_SURVEYS)).mySurveys).toEqual([]); // HR without a person
    });

    it('exports the links of raters who have not submitted, audited, for a launched cycle only', async () => {
      const csv: string = (await gw.ok(acme.hr, LINKS_CSV, { c: cycleId })).surveyLinksCsv;
      const lines = csv.trimEnd().split('\n');
      expect(lines[0]).toBe('rater,employee_id,email,subject,relationship,status,link');
      expect(lines).toHaveLength(1 + 7); // 10 invited, e2 revoked, m2 and l2 submitted
      expect(lines.find((l) => l.startsWith('Eve Mid,'))).toBe(
        `Eve Mid,m1,eve@acme.test,Ben Lead,direct_report,invited,http://127.0.0.1:4000/survey/${link('m1').token}`,
      );
      expect((await gw.audited('survey-links.exported')).map((a) => a.detail)).toEqual([{ count: 7 }]);
      expect(codeOf(await gw.gql(ben, LINKS_CSV, { c: cycleId }))).toBe('FORBIDDEN');
      const draft = await gw.draftCycle(acme, ['l1']);
      expect(codeOf(await gw.gql(acme.hr, LINKS_CSV, { c: draft }))).toBe('CONFLICT');
    });
  });

  describe('nomination mails', () => {
    it('asks every subject of a draft cycle to nominate, and refuses a cycle without subjects or launched', async () => {
      const draft = await gw.draftCycle(acme, ['l1', 'l2']);
      expect((await gw.ok(acme.hr, REQUEST_NOMINATIONS, { c: draft })).requestNominations).toBe(2);
      const asked = (await gw.emitted<{ cycleId: string; subject: { name: string; email: string } }>('nomination.requested')).filter(
        (e) => e.payload.cycleId === draft,
      );
      expect(asked.map((e) => e.payload.subject.name).sort()).toEqual(['Ben Lead', 'Cy Peer']);
      const empty = await gw.draftCycle(acme, []);
      expect((await gw.gql(acme.hr, REQUEST_NOMINATIONS, { c: empty })).errors![0].extensions!.fields).toEqual([
        { field: 'cycleId', message: 'the cycle has no subjects yet' },
      ]);
      expect(codeOf(await gw.gql(acme.hr, REQUEST_NOMINATIONS, { c: cycleId }))).toBe('CONFLICT');
      expect(codeOf(await gw.gql(ben, REQUEST_NOMINATIONS, { c: draft }))).toBe('FORBIDDEN');
    });

    it("lets the subject or HR ask the subject's manager to approve, and nobody else", async () => {
      const draft = await gw.draftCycle(acme, ['l1', 'ceo']);
      expect((await gw.ok(ben, REQUEST_APPROVAL, { c: draft, s: acme.people.get('l1') })).requestNominationApproval).toBe(true);
      const asked = (
        await gw.emitted<{ cycleId: string; subjectName: string; manager: { name: string } }>('nomination.approval-requested')
      ).filter((e) => e.payload.cycleId === draft);
      expect(asked.map((e) => [e.payload.subjectName, e.payload.manager.name])).toEqual([['Ben Lead', 'Ada Chief']]);
      expect(codeOf(await gw.gql(cy, REQUEST_APPROVAL, { c: draft, s: acme.people.get('l1') }))).toBe('FORBIDDEN');
      const noManager = await gw.gql(acme.hr, REQUEST_APPROVAL, { c: draft, s: acme.people.get('ceo') });
      expect(noManager.errors![0].extensions!.fields).toEqual([
        { field: 'subjectId', message: 'this subject has no manager to approve; HR approves instead' },
      ]);
      const notSubject = await gw.gql(acme.hr, REQUEST_APPROVAL, { c: draft, s: acme.people.get('l3') });
      expect(notSubject.errors![0].extensions!.fields).toEqual([{ field: 'subjectId', message: 'is not a subject of this cycle' }]);
      expect(codeOf(await gw.gql(acme.hr, REQUEST_APPROVAL, { c: cycleId, s: acme.people.get('l1') }))).toBe('CONFLICT');
    });
  });
});
