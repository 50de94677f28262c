/** The rater's side through GraphQL on a real PostgreSQL: the survey by token, drafts, submission and its outcome. */
import { createEnvelope, responseRecordedV1, responseRejectedV1, SurveySubmittedV1 } from '@leaderscope/events';
import { getInstrument } from '@leaderscope/framework';
import type { RaterGroup } from '@leaderscope/vocabulary';
import { randomUUID } from 'node:crypto';
import { CycleEntity } from '../cycles/cycle.entity';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { codeOf, fullAnswers, INVITATIONS, Organisation, SUBMIT, TestGateway } from '../test-support/test-gateway';

const SURVEY = `query($t: String!) { raterSurvey(token: $t) { cycleName subjectName relationship identifiable anonymityNote anonymityThreshold
  status submittedAt closedAt dimensions { id items { id } } answers { itemId value } comments { dimensionId text } } }`;
const DRAFT = `mutation($input: SurveyAnswersInput!) { saveSurveyDraft(input: $input) { answered total } }`;
const RECEIPT = `query($t: String!) { submissionReceipt(token: $t) { submissionId status reasons { field message } } }`;
const instrument = getInstrument('leader-of-leaders');
const observedBy = (group: RaterGroup) => instrument.items.filter((i) => i.observers.includes(group));

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting for the event to be handled');
}

describe('surveys', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let cycleId: string;
  let tokens: Map<string, string>; // by rater employee id, for subject l1
  const submit = (
    token: string,
    answers = fullAnswers('peer'),
    key: string = randomUUID(),
    comments: { dimensionId: string; text: string }[] = [],
  ) => gw.gql(null, SUBMIT, { input: { token, idempotencyKey: key, answers, comments } });
  const survey = async (token: string) => (await gw.ok(null, SURVEY, { t: token })).raterSurvey;
  const fields = (answer: { errors?: { extensions?: { fields?: unknown[] } }[] }) => answer.errors?.[0]?.extensions?.fields;
  const submittedEvents = async (token: string) => {
    const assignment = (await gw.dataSource.getRepository(AssignmentEntity).find()).find(
      (a) => a.cycleId === cycleId && tokenOf(a) === token,
    );
    return (await gw.emitted<SurveySubmittedV1>('survey.submitted')).filter((e) => e.payload.raterId === assignment?.id);
  };
  let byAssignment: Map<string, string>; // token by assignment id
  const tokenOf = (a: AssignmentEntity) => byAssignment.get(a.id);

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    cycleId = await gw.launchedCycle(acme, ['l1']);
    const links = (
      await gw.ok<{ raterInvitations: { assignmentId: string; rater: { employeeId: string }; token: string }[] }>(acme.hr, INVITATIONS, {
        c: cycleId,
      })
    ).raterInvitations;
    tokens = new Map(links.map((l) => [l.rater.employeeId, l.token]));
    byAssignment = new Map(links.map((l) => [l.assignmentId, l.token]));
  });

  afterAll(() => gw?.stop());

  describe('raterSurvey', () => {
    it("shows a peer only the items peers observe, and the group's anonymity promise", async () => {
      const peer = await survey(tokens.get('l2')!);
      expect(peer).toMatchObject({
        cycleName: 'Review',
        subjectName: 'Ben Lead',
        relationship: 'peer',
        identifiable: false,
        anonymityThreshold: 3,
        status: 'invited',
        submittedAt: null,
        closedAt: null,
        answers: [],
      });
      expect(peer.anonymityNote).toContain('only when at least 3 people in the group have answered');
      const shown = peer.dimensions.flatMap((d: { items: { id: string }[] }) => d.items.map((i) => i.id));
      expect(shown.sort()).toEqual(
        observedBy('peer')
          .map((i) => i.id)
          .sort(),
      );
      expect(peer.dimensions.every((d: { items: unknown[] }) => d.items.length > 0)).toBe(true);
    });

    it('tells the manager and the subject that their answers can be recognised', async () => {
      const manager = await survey(tokens.get('ceo')!);
      expect(manager).toMatchObject({ relationship: 'manager', identifiable: true });
      expect(manager.anonymityNote).toContain("As Ben Lead's manager");
      expect((await survey(tokens.get('l1')!)).anonymityNote).toContain('This is your self-assessment');
    });

    it('answers an unknown token like a revoked one', async () => {
      const answer = await gw.gql(null, SURVEY, { t: 'x'.repeat(43) });
      expect(codeOf(answer)).toBe('FORBIDDEN');
      expect(answer.errors![0].message).toBe('This survey link is not valid. Ask HR for a new one.');
    });
  });

  describe('saveSurveyDraft', () => {
    it('keeps partial answers and comments to resume, counts them, and marks the survey started', async () => {
      const token = tokens.get('l3')!;
      const items = observedBy('peer');
      const saved = await gw.ok(null, DRAFT, {
        input: {
          token,
          answers: [
            { itemId: items[0].id, value: 5 },
            { itemId: items[1].id, value: null },
          ],
          comments: [{ dimensionId: items[0].dimensionId, text: '  Clear priorities.  ' }],
        },
      });
      expect(saved.saveSurveyDraft).toEqual({ answered: 2, total: items.length });
      expect(await survey(token)).toMatchObject({
        status: 'started',
        answers: [
          { itemId: items[0].id, value: 5 },
          { itemId: items[1].id, value: null },
        ],
        comments: [{ dimensionId: items[0].dimensionId, text: 'Clear priorities.' }],
      });
    });

    it('names every wrong answer: off the scale, unknown, not for this group, twice, an unknown dimension', async () => {
      const token = tokens.get('m1')!;
      const notForReports = instrument.items.find((i) => !i.observers.includes('direct_report'))!;
      const mine = observedBy('direct_report');
      const answer = await gw.gql(null, DRAFT, {
        input: {
          token,
          answers: [
            { itemId: mine[0].id, value: 9 },
            { itemId: 'no-such-item', value: 3 },
            { itemId: notForReports.id, value: 3 },
            { itemId: mine[1].id, value: 3 },
            { itemId: mine[1].id, value: 2 },
          ],
          comments: [{ dimensionId: 'no-such-dimension', text: 'hm' }],
        },
      });
      expect(codeOf(answer)).toBe('BAD_USER_INPUT');
      const named = (fields(answer) as { field: string }[]).map((f) => f.field);
      expect(named).toEqual(
        expect.arrayContaining([
          'input.answers[0].value',
          'input.answers[1].itemId',
          'input.answers[2].itemId',
          'input.answers[4].itemId',
          'input.comments[0].dimensionId',
        ]),
      );
      expect((await survey(token)).status).toBe('invited'); // nothing saved
    });
  });

  describe('submitSurvey', () => {
    it('refuses an incomplete survey, saying how many items are missing, and a key that is not a UUID', async () => {
      const token = tokens.get('m2')!;
      const incomplete = await submit(token, fullAnswers('direct_report').slice(2));
      expect(fields(incomplete)).toEqual([{ field: 'input.answers', message: expect.stringMatching(/^2 item\(s\) not answered: /) }]);
      const badKey = await submit(token, fullAnswers('direct_report'), 'not-a-uuid');
      expect(codeOf(badKey)).toBe('BAD_USER_INPUT');
      expect((fields(badKey) as { field: string }[]).map((f) => f.field)).toEqual(['input.idempotencyKey']);
      expect(await submittedEvents(token)).toEqual([]);
    });

    it('accepts a complete survey once: one receipt and one survey.submitted per idempotency key', async () => {
      const token = tokens.get('l2')!;
      const key = randomUUID();
      const comments = [{ dimensionId: observedBy('peer')[0].dimensionId, text: 'Generous with time.' }];
      const first = (await submit(token, fullAnswers('peer'), key, comments)).data!.submitSurvey;
      expect(first).toMatchObject({ status: 'accepted', reasons: [] });
      const retry = (await submit(token, fullAnswers('peer'), key, comments)).data!.submitSurvey;
      expect(retry).toEqual(first);
      const events = await submittedEvents(token);
      expect(events).toHaveLength(1);
      expect(events[0].payload).toMatchObject({
        submissionId: first.submissionId,
        cycleId,
        subjectId: acme.people.get('l1'),
        raterGroup: 'peer',
        instrumentVersion: 2,
        comments: { [comments[0].dimensionId]: 'Generous with time.' },
        policy: { minGroupSize: 3, roleProfileId: 'leader-of-leaders' },
      });
      expect(Object.keys(events[0].payload.answers)).toHaveLength(observedBy('peer').length);
      // The event names the assignment, never the person who answered.
      expect(JSON.stringify(events[0].payload)).not.toContain(acme.people.get('l2')!);
    });

    it('refuses the same key with another body (CONFLICT), and a second submission of a submitted survey', async () => {
      const token = tokens.get('m3')!;
      const key = randomUUID();
      await gw.ok(null, SUBMIT, { input: { token, idempotencyKey: key, answers: fullAnswers('direct_report', 4) } });
      const other = await submit(token, fullAnswers('direct_report', 2), key);
      expect(codeOf(other)).toBe('CONFLICT');
      expect(other.errors![0].message).toBe('This idempotency key was already used for a different submission');
      const again = await submit(token, fullAnswers('direct_report', 2));
      expect(codeOf(again)).toBe('CONFLICT');
      expect(again.errors![0].message).toBe('This survey was submitted already and is read-only');
      expect(codeOf(await gw.gql(null, DRAFT, { input: { token, answers: [] } }))).toBe('CONFLICT');
      expect(await submittedEvents(token)).toHaveLength(1);
    });

    it("scopes the key to the assignment: another rater's identical key is another submission", async () => {
      const key = randomUUID();
      const a = (await submit(tokens.get('m4')!, fullAnswers('direct_report'), key)).data!.submitSurvey;
      const b = (await submit(tokens.get('e1')!, fullAnswers('skip_level'), key)).data!.submitSurvey;
      expect(b.status).toBe('accepted');
      expect(b.submissionId).not.toBe(a.submissionId);
    });

    it('shows a submitted survey only as submitted, with its date, never its answers', async () => {
      const shown = await survey(tokens.get('l2')!);
      expect(shown).toMatchObject({ status: 'submitted', dimensions: [], answers: [], comments: [], closedAt: null });
      expect(new Date(shown.submittedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    });
  });

  describe('the outcome', () => {
    const outcome = async (token: string, kind: 'recorded' | 'rejected', submissionId?: string, eventId?: string) => {
      const submitted = (await submittedEvents(token)).map((e) => e.payload);
      const s = submissionId ? submitted.find((p) => p.submissionId === submissionId)! : submitted[submitted.length - 1];
      const envelope =
        kind === 'recorded'
          ? createEnvelope(
              responseRecordedV1,
              { ...s, responseId: randomUUID(), responseVersion: 1, recordedAt: new Date().toISOString() },
              { organisationId: acme.organisationId, id: eventId },
            )
          : createEnvelope(
              responseRejectedV1,
              {
                submissionId: s.submissionId,
                cycleId: s.cycleId,
                subjectId: s.subjectId,
                raterId: s.raterId,
                reasons: [{ field: 'answers', message: 'the instrument changed' }],
                rejectedAt: new Date().toISOString(),
              },
              { organisationId: acme.organisationId, id: eventId },
            );
      await gw.transport.publish([envelope]);
      return envelope;
    };
    const receipt = async (token: string) => (await gw.ok(null, RECEIPT, { t: token })).submissionReceipt;

    it('has no receipt before a submission', async () => {
      expect(await receipt(tokens.get('e2')!)).toBeNull();
    });

    it('records the response and then keeps no copy of the answers', async () => {
      const token = tokens.get('l2')!;
      await outcome(token, 'recorded');
      await eventually(
        () => receipt(token),
        (r) => r.status === 'recorded',
      );
      const assignment = (await gw.dataSource.getRepository(AssignmentEntity).findBy({ cycleId })).find((a) => tokenOf(a) === token)!;
      expect(assignment).toMatchObject({ status: 'submitted', draftAnswers: {}, draftComments: {} });
    });

    it('reopens a rejected survey with its reasons; a late or repeated rejection never reopens a resubmitted one', async () => {
      const token = tokens.get('m3')!;
      const first = await receipt(token);
      const rejection = await outcome(token, 'rejected', first.submissionId);
      const rejected = await eventually(
        () => receipt(token),
        (r) => r.status === 'rejected',
      );
      expect(rejected.reasons).toEqual([{ field: 'answers', message: 'the instrument changed' }]);
      expect((await survey(token)).status).toBe('started');
      // The rater corrects and submits again; the old rejection arrives again, and a second one for the old submission too.
      const second = (await submit(token, fullAnswers('direct_report', 3))).data!.submitSurvey;
      expect(second.status).toBe('accepted');
      await gw.transport.publish([rejection]);
      await outcome(token, 'rejected', first.submissionId);
      await outcome(token, 'recorded', second.submissionId);
      await eventually(
        () => receipt(token),
        (r) => r.status === 'recorded',
      );
      expect((await survey(token)).status).toBe('submitted');
    });
  });

  describe('a closed cycle', () => {
    it('refuses drafts and submissions once the closing date has passed, and shows the link as closed', async () => {
      const token = tokens.get('e2')!;
      const repo = gw.dataSource.getRepository(CycleEntity);
      const { closesAt } = await repo.findOneByOrFail({ id: cycleId });
      await repo.update({ id: cycleId }, { closesAt: new Date(Date.now() - 1000) });
      try {
        const late = await submit(token, fullAnswers('skip_level'));
        expect(codeOf(late)).toBe('CONFLICT');
        expect(late.errors![0].message).toMatch(/^This cycle closed on \d{4}-\d{2}-\d{2}: answers can no longer be saved or submitted$/);
        expect(codeOf(await gw.gql(null, DRAFT, { input: { token, answers: [] } }))).toBe('CONFLICT');
        expect(await survey(token)).toMatchObject({ closedAt: expect.any(String), dimensions: [] });
      } finally {
        await repo.update({ id: cycleId }, { closesAt });
      }
    });

    it('refuses submissions once HR closed the cycle, even before the planned date', async () => {
      await gw.ok(acme.hr, `mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`, { c: cycleId });
      const token = tokens.get('e2')!;
      expect(codeOf(await submit(token, fullAnswers('skip_level')))).toBe('CONFLICT');
      expect(await submittedEvents(token)).toEqual([]);
      expect(await survey(token)).toMatchObject({ status: 'invited', closedAt: expect.any(String), dimensions: [] });
    });
  });
});
