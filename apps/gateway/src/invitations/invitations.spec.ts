/** Launch and survey links through GraphQL on a real PostgreSQL: group minimums, links, revoking, reminders. */
import { SurveyTokenSeal } from '@leaderscope/events';
import {
  codeOf,
  DIRECTORY_CSV,
  fullAnswers,
  INVITATIONS,
  LAUNCH,
  Organisation,
  SECRET,
  SUBMIT,
  TestGateway,
} from '../test-support/test-gateway';
import { AssignmentEntity } from './assignment.entity';

const REVOKE = `mutation($a: ID!) { revokeInvitation(assignmentId: $a) }`;
const REMIND = `mutation($c: ID!) { sendReminders(cycleId: $c) }`;
const SURVEY = `query($t: String!) { raterSurvey(token: $t) { subjectName relationship status } }`;

describe('invitations', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let ben: string;
  const links = (cycleId: string) => gw.links(acme, cycleId);
  const assignments = (cycleId: string) => gw.dataSource.getRepository(AssignmentEntity).findBy({ cycleId });

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    other = await gw.organisation('Other Org');
    ben = await acme.signIn('ben');
  });

  afterAll(() => gw?.stop());

  describe('launchCycle', () => {
    it("refuses a launch below the group minimums, naming each subject's short group, and launches nothing", async () => {
      const id = await gw.draftCycle(acme, ['l2'], { minRaters: [] }); // the defaults: peer 3, direct_report 3
      await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: id });
      await gw.ok(acme.hr, `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed } }`, {
        c: id,
        s: acme.people.get('l2'),
      });
      const answer = await gw.gql(acme.hr, LAUNCH, { c: id });
      expect(codeOf(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors![0].extensions!.fields).toEqual([
        {
          field: 'subjects.l2.peer',
          message: 'Cy Peer has 2 approved peer rater(s); at least 3 needed',
          code: 'tooFewRaters',
          values: { name: 'Cy Peer', count: 2, group: 'peer', min: 3 },
        },
        {
          field: 'subjects.l2.direct_report',
          message: 'Cy Peer has 1 approved direct_report rater(s); at least 3 needed',
          code: 'tooFewRaters',
          values: { name: 'Cy Peer', count: 1, group: 'direct_report', min: 3 },
        },
      ]);
      expect(await assignments(id)).toEqual([]);
      expect((await gw.ok(acme.hr, `query($c: ID!) { cycle(id: $c) { status } }`, { c: id })).cycle.status).toBe('DRAFT');
    });

    it('invites every approved rater, and nobody only proposed, with a link of their own sealed into one event each', async () => {
      const id = await gw.draftCycle(acme, ['l1', 'l3']);
      await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: id });
      await gw.ok(acme.hr, `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed } }`, {
        c: id,
        s: acme.people.get('l1'),
      }); // Di's (l3) proposals stay proposed
      await gw.ok(acme.hr, LAUNCH, { c: id });
      const invited = await links(id);
      expect(invited.map((i) => `${i.subject.employeeId}:${i.group}:${i.rater.employeeId}`).sort()).toEqual(
        [
          'l1:self:l1',
          'l1:manager:ceo',
          'l1:peer:l2',
          'l1:peer:l3',
          'l1:direct_report:m1',
          'l1:direct_report:m2',
          'l1:direct_report:m3',
          'l1:direct_report:m4',
          'l1:skip_level:e1',
          'l1:skip_level:e2',
        ].sort(),
      );
      expect(new Set(invited.map((i) => i.token)).size).toBe(10);
      for (const i of invited) expect(i).toMatchObject({ status: 'invited', path: `/survey/${i.token}` });
      // The token is stored only hashed and encrypted, never in the clear.
      const stored = await assignments(id);
      for (const row of stored) expect(JSON.stringify(row)).not.toContain(invited.find((i) => i.assignmentId === row.id)!.token);
      const events = (
        await gw.emitted<{ assignmentId: string; sealedToken: string; raterName: string; email: string }>('invitation.issued', 2)
      ).filter((e) => stored.some((a) => a.id === e.payload.assignmentId));
      expect(events).toHaveLength(10);
      const seal = new SurveyTokenSeal(SECRET);
      for (const e of events) {
        const link = invited.find((i) => i.assignmentId === e.payload.assignmentId)!;
        expect(seal.open(e.payload.sealedToken, e.payload.assignmentId)).toBe(link.token);
        expect(JSON.stringify(e)).not.toContain(link.token);
      }
      expect((await gw.audited('cycle.launched')).find((a) => a.target === `cycle:${id}`)?.detail).toEqual({ assignments: 10 });
    });

    it('is HR-only, and refuses a cycle of another organisation', async () => {
      const id = await gw.draftCycle(acme, ['l1']);
      expect(codeOf(await gw.gql(ben, LAUNCH, { c: id }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(other.hr, LAUNCH, { c: id }))).toBe('FORBIDDEN');
    });
  });

  describe('raterInvitations', () => {
    /** Raters without an e-mail address: the only ones whose links HR may list. */
    const withoutEmail = (...employeeIds: string[]) =>
      gw.dataSource.query(`UPDATE "gateway"."person" SET "email" = NULL WHERE "organisation_id" = $1 AND "employee_id" = ANY($2::text[])`, [
        acme.organisationId,
        employeeIds,
      ]);
    // Every address back as Acme's directory has it, for the tests that follow.
    afterEach(async () => {
      for (const line of DIRECTORY_CSV.split('\n').slice(1)) {
        const [employeeId, , email] = line.split(',');
        await gw.dataSource.query(`UPDATE "gateway"."person" SET "email" = $3 WHERE "organisation_id" = $1 AND "employee_id" = $2`, [
          acme.organisationId,
          employeeId,
          email.replace('@org.test', '@acme.test'),
        ]);
      }
    });

    it('lists only the links of raters without an e-mail address, for launched or closed cycles, and audits each listing', async () => {
      const draft = await gw.draftCycle(acme, ['l1']);
      expect(codeOf(await gw.gql(acme.hr, INVITATIONS, { c: draft }))).toBe('CONFLICT');
      const id = await gw.launchedCycle(acme, ['l1']);
      expect(await gw.listedLinks(acme, id)).toEqual([]); // everyone has an address: every link went by mail
      await withoutEmail('l2', 'm1');
      const listed = await gw.listedLinks(acme, id);
      expect(listed.map((i) => i.rater.employeeId).sort()).toEqual(['l2', 'm1']);
      const peer = listed.find((i) => i.rater.employeeId === 'l2')!;
      expect((await gw.ok(null, SURVEY, { t: peer.token })).raterSurvey).toEqual({
        subjectName: 'Ben Lead',
        relationship: 'peer',
        status: 'invited',
      });
      expect((await gw.audited('invitations.listed')).filter((a) => a.target === `cycle:${id}`).map((a) => a.detail)).toEqual([
        { count: 0, byMail: 10 },
        { count: 2, byMail: 8 },
      ]);
      await gw.ok(acme.hr, `mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`, { c: id });
      expect(await gw.listedLinks(acme, id)).toHaveLength(2);
      await gw.ok(acme.hr, `mutation($c: ID!) { releaseResults(cycleId: $c) { id } }`, { c: id });
      expect(codeOf(await gw.gql(acme.hr, INVITATIONS, { c: id }))).toBe('CONFLICT');
    });

    it('leaves out submitted and revoked links', async () => {
      const id = await gw.launchedCycle(acme, ['l1']);
      await withoutEmail('l2', 'm1', 'm2');
      const listed = await gw.listedLinks(acme, id);
      const peer = listed.find((i) => i.rater.employeeId === 'l2')!;
      const report = listed.find((i) => i.rater.employeeId === 'm1')!;
      await gw.ok(null, SUBMIT, { input: { token: peer.token, idempotencyKey: crypto.randomUUID(), answers: fullAnswers('peer') } });
      await gw.ok(acme.hr, REVOKE, { a: report.assignmentId });
      const after = await gw.listedLinks(acme, id);
      expect(after.map((i) => i.rater.employeeId)).toEqual(['m2']);
      expect(await links(id)).toHaveLength(8); // the mailed links still open a form, except the two
    });

    it('is HR-only, and refuses a cycle of another organisation', async () => {
      const id = await gw.launchedCycle(acme, ['l1']);
      expect(codeOf(await gw.gql(ben, INVITATIONS, { c: id }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(other.hr, INVITATIONS, { c: id }))).toBe('FORBIDDEN');
    });
  });

  describe('revokeInvitation', () => {
    it('stops the link at once, says false the second time, and audits the revocation', async () => {
      const id = await gw.launchedCycle(acme, ['l1']);
      const link = (await links(id)).find((i) => i.rater.employeeId === 'l3')!;
      expect((await gw.ok(acme.hr, REVOKE, { a: link.assignmentId })).revokeInvitation).toBe(true);
      const refused = await gw.gql(null, SURVEY, { t: link.token });
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].message).toBe('This survey link is not valid. Ask HR for a new one.');
      expect((await gw.ok(acme.hr, REVOKE, { a: link.assignmentId })).revokeInvitation).toBe(false);
      expect((await gw.audited('invitation.revoked')).filter((a) => a.target === `assignment:${link.assignmentId}`)).toHaveLength(1);
    });

    it("refuses another organisation's link, a made-up id and non-HR, and leaves the link working", async () => {
      const id = await gw.launchedCycle(acme, ['l1']);
      const link = (await links(id)).find((i) => i.rater.employeeId === 'l2')!;
      expect(codeOf(await gw.gql(other.hr, REVOKE, { a: link.assignmentId }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(acme.hr, REVOKE, { a: 'not-an-id' }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(ben, REVOKE, { a: link.assignmentId }))).toBe('FORBIDDEN');
      expect((await gw.ok(null, SURVEY, { t: link.token })).raterSurvey.status).toBe('invited');
    });
  });

  describe('sendReminders', () => {
    it('reminds only raters who have not submitted and whose link stands, and says how many', async () => {
      const id = await gw.launchedCycle(acme, ['l1']);
      const listed = await links(id);
      const peer = listed.find((i) => i.rater.employeeId === 'l2')!;
      const revoked = listed.find((i) => i.rater.employeeId === 'm4')!;
      await gw.ok(null, SUBMIT, { input: { token: peer.token, idempotencyKey: crypto.randomUUID(), answers: fullAnswers('peer') } });
      await gw.ok(acme.hr, REVOKE, { a: revoked.assignmentId });
      expect((await gw.ok(acme.hr, REMIND, { c: id })).sendReminders).toBe(8);
      const reminded = (await gw.emitted<{ cycleId: string; assignmentId: string; email: string }>('reminder.requested')).filter(
        (e) => e.payload.cycleId === id,
      );
      expect(reminded).toHaveLength(8);
      expect(reminded.map((e) => e.payload.assignmentId)).not.toContain(peer.assignmentId);
      expect(reminded.map((e) => e.payload.assignmentId)).not.toContain(revoked.assignmentId);
      expect(
        reminded.find((e) => e.payload.assignmentId === listed.find((i) => i.rater.employeeId === 'm1')!.assignmentId)?.payload.email,
      ).toBe('eve@acme.test');
      const rows = await assignments(id);
      expect(
        rows
          .filter((a) => a.remindedAt)
          .map((a) => a.id)
          .sort(),
      ).toEqual(reminded.map((e) => e.payload.assignmentId).sort());
      expect((await gw.audited('reminders.sent')).find((a) => a.target === `cycle:${id}`)?.detail).toEqual({ count: 8 });
    });

    it('is refused before launch and after close, to non-HR, and on a cycle of another organisation', async () => {
      const draft = await gw.draftCycle(acme, ['l1']);
      expect(codeOf(await gw.gql(acme.hr, REMIND, { c: draft }))).toBe('CONFLICT');
      const id = await gw.launchedCycle(acme, ['l1']);
      expect(codeOf(await gw.gql(ben, REMIND, { c: id }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(other.hr, REMIND, { c: id }))).toBe('FORBIDDEN');
      await gw.ok(acme.hr, `mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`, { c: id });
      const closed = await gw.gql(acme.hr, REMIND, { c: id });
      expect(codeOf(closed)).toBe('CONFLICT');
      expect(closed.errors![0].message).toBe('Cannot send reminders: the cycle is closed (needs launched)');
      expect((await gw.emitted<{ cycleId: string }>('reminder.requested')).filter((e) => e.payload.cycleId === id)).toEqual([]);
    });
  });
});
