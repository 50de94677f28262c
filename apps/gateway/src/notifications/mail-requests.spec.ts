/** Mails and links HR and people ask for, on a real PostgreSQL: resending an invitation, the link export, my surveys, nomination mails. */
import { SurveyTokenSeal } from '@leaderscope/events';
import { randomUUID } from 'node:crypto';
import { codeOf, fullAnswers, Organisation, SECRET, SUBMIT, SurveyLink, TestGateway } from '../test-support/test-gateway';

const RESEND = `mutation($a: ID!) { resendInvitation(assignmentId: $a) }`;
const LINKS_CSV = `query($c: ID!) { surveyLinksCsv(cycleId: $c) }`;
const MY_SURVEYS = `{ mySurveys { assignmentId cycleName subjectName relationship status path } }`;
const REQUEST_NOMINATIONS = `mutation($c: ID!) { requestNominations(cycleId: $c) }`;
const REQUEST_APPROVAL = `mutation($c: ID!, $s: ID!) { requestNominationApproval(cycleId: $c, subjectId: $s) }`;

describe('mail requests', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let ben: string;
  let cy: string;
  let cycleId: string;
  let links: SurveyLink[];
  const link = (rater: string) => links.find((l) => l.rater.employeeId === rater)!;

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    other = await gw.organisation('Other Org');
    [ben, cy] = await Promise.all(['ben', 'cy'].map((p) => acme.signIn(p)));
    cycleId = await gw.launchedCycle(acme, ['l1']);
    links = await gw.links(acme, cycleId);
  });

  afterAll(() => gw?.stop());

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
      await gw.ok(acme.hr, `mutation($a: ID!) { revokeInvitation(assignmentId: $a) }`, { a: link('e2').assignmentId });
      const revoked = await gw.gql(acme.hr, RESEND, { a: link('e2').assignmentId });
      expect(revoked.errors![0].message).toBe('This invitation was revoked');
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

    it('exports the links of raters who have not submitted and have no e-mail address, audited, for a launched cycle only', async () => {
      const setEmail = (employeeId: string, email: string | null) =>
        gw.dataSource.query(`UPDATE "gateway"."person" SET "email" = $3 WHERE "organisation_id" = $1 AND "employee_id" = $2`, [
          acme.organisationId,
          employeeId,
          email,
        ]);
      // m1 and m2 have no address (m2 has submitted), e2's link is revoked: only m1's link is listed.
      for (const id of ['m1', 'm2', 'e2']) await setEmail(id, null);
      const csv: string = (await gw.ok(acme.hr, LINKS_CSV, { c: cycleId })).surveyLinksCsv;
      for (const [id, email] of [
        ['m1', 'eve@acme.test'],
        ['m2', 'fay@acme.test'],
        ['e2', 'jon@acme.test'],
      ])
        await setEmail(id, email);
      const lines = csv.trimEnd().split('\n');
      expect(lines[0]).toBe('rater,employee_id,subject,relationship,status,link');
      expect(lines).toEqual([lines[0], `Eve Mid,m1,Ben Lead,direct_report,invited,http://127.0.0.1:4000/survey/${link('m1').token}`]);
      expect((await gw.audited('survey-links.exported')).map((a) => a.detail)).toEqual([{ count: 1 }]);
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
        { field: 'cycleId', message: 'the cycle has no subjects yet', code: 'noSubjects' },
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
      expect(notSubject.errors![0].extensions!.fields).toEqual([
        { field: 'subjectId', message: 'is not a subject of this cycle', code: 'notASubject' },
      ]);
      expect(codeOf(await gw.gql(acme.hr, REQUEST_APPROVAL, { c: cycleId, s: acme.people.get('l1') }))).toBe('CONFLICT');
    });
  });
});
