/** The rater's side through GraphQL on a real PostgreSQL: the survey by token, drafts, submission (its outcome: survey-outcomes.spec.ts). */
import { getInstrument } from '@leaderscope/framework';
import type { RaterGroup } from '@leaderscope/vocabulary';
import { randomUUID } from 'node:crypto';
import { codeOf, fullAnswers, Organisation, SUBMIT, SURVEY, TestGateway } from '../test-support/test-gateway';

const DRAFT = `mutation($input: SurveyAnswersInput!) { saveSurveyDraft(input: $input) { answered total } }`;
const instrument = getInstrument('leader-of-leaders');
const observedBy = (group: RaterGroup) => instrument.items.filter((i) => i.observers.includes(group));

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
  let byToken: Map<string, string>; // assignment id by token
  const submittedEvents = (token: string) => gw.submitted(byToken.get(token)!);

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    cycleId = await gw.launchedCycle(acme, ['l1']);
    const links = await gw.links(acme, cycleId);
    tokens = new Map(links.map((l) => [l.rater.employeeId, l.token]));
    byToken = new Map(links.map((l) => [l.token, l.assignmentId]));
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
});
