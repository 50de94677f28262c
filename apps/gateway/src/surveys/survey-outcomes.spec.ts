/** What happens after a submission, through GraphQL on a real PostgreSQL: the outcome by event, and closed cycles. */
import { createEnvelope, responseCountedV1, responseRecordedV1, responseRejectedV1 } from '@leaderscope/events';
import { eventually } from '@leaderscope/testing';
import { randomUUID } from 'node:crypto';
import { CycleEntity } from '../cycles/cycle.entity';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { SubmissionEntity } from './submission.entity';
import { codeOf, fullAnswers, Organisation, SUBMIT, SURVEY, SurveyLink, TestGateway } from '../test-support/test-gateway';

const DRAFT = `mutation($input: SurveyAnswersInput!) { saveSurveyDraft(input: $input) { answered total } }`;
const RECEIPT = `query($t: String!) { submissionReceipt(token: $t) { submissionId status reasons { field message } } }`;

describe('survey outcomes', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let cycleId: string;
  let links: SurveyLink[];
  const link = (rater: string) => links.find((l) => l.rater.employeeId === rater)!;
  const submit = (rater: string, answers = fullAnswers('peer')) =>
    gw.gql(null, SUBMIT, { input: { token: link(rater).token, idempotencyKey: randomUUID(), answers } });
  const survey = async (token: string) => (await gw.ok(null, SURVEY, { t: token })).raterSurvey;

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    cycleId = await gw.launchedCycle(acme, ['l1']);
    links = await gw.links(acme, cycleId);
  });

  afterAll(() => gw?.stop());
  describe('the outcome', () => {
    const outcome = async (rater: string, kind: 'recorded' | 'rejected', submissionId?: string) => {
      const submitted = (await gw.submitted(link(rater).assignmentId)).map((e) => e.payload);
      const s = submissionId ? submitted.find((p) => p.submissionId === submissionId)! : submitted[submitted.length - 1];
      const meta = { organisationId: acme.organisationId };
      const envelope =
        kind === 'recorded'
          ? createEnvelope(
              responseRecordedV1,
              { ...s, responseId: randomUUID(), responseVersion: 1, recordedAt: new Date().toISOString() },
              meta,
            )
          : createEnvelope(
              responseRejectedV1,
              {
                ...{ submissionId: s.submissionId, cycleId: s.cycleId, subjectId: s.subjectId, raterId: s.raterId },
                reasons: [{ field: 'answers', message: 'the instrument changed' }],
                rejectedAt: new Date().toISOString(),
              },
              meta,
            );
      await gw.transport.publish([envelope]);
      return envelope;
    };
    const receipt = async (rater: string) => (await gw.ok(null, RECEIPT, { t: link(rater).token })).submissionReceipt;
    const receiptIs = (rater: string, status: string) =>
      eventually(`the ${status} receipt`, async () => ((await receipt(rater))?.status === status ? receipt(rater) : null));

    it('has no receipt before a submission, an accepted one after', async () => {
      expect(await receipt('l2')).toBeNull();
      await submit('l2');
      expect(await receipt('l2')).toMatchObject({ status: 'accepted', reasons: [] });
    });

    it('records the response and then keeps no copy of the answers', async () => {
      await outcome('l2', 'recorded');
      await receiptIs('l2', 'recorded');
      const assignment = await gw.dataSource.getRepository(AssignmentEntity).findOneByOrFail({ id: link('l2').assignmentId });
      expect(assignment).toMatchObject({ status: 'submitted', draftAnswers: {}, draftComments: {} });
    });

    it('reopens a rejected survey with its reasons; a late or repeated rejection never reopens a resubmitted one', async () => {
      await submit('m3', fullAnswers('direct_report', 4));
      const first = await receipt('m3');
      const rejection = await outcome('m3', 'rejected', first.submissionId);
      const rejected = await receiptIs('m3', 'rejected');
      expect(rejected.reasons).toEqual([{ field: 'answers', message: 'the instrument changed' }]);
      expect(await survey(link('m3').token)).toMatchObject({ status: 'started', answers: expect.arrayContaining([expect.anything()]) });
      // The rater corrects and submits again; the old rejection arrives again, and a second one for the old submission too.
      const second = (await submit('m3', fullAnswers('direct_report', 3))).data!.submitSurvey;
      expect(second.status).toBe('accepted');
      await gw.transport.publish([rejection]);
      await outcome('m3', 'rejected', first.submissionId);
      await outcome('m3', 'recorded', second.submissionId);
      await receiptIs('m3', 'recorded');
      expect((await survey(link('m3').token)).status).toBe('submitted');
    });

    it('stamps each submission with the first time the scoring service counted it, whatever the batch', async () => {
      await submit('l3', fullAnswers('peer', 2));
      await submit('e1', fullAnswers('skip_level', 2));
      const [a, b] = [(await gw.submitted(link('l3').assignmentId))[0].payload, (await gw.submitted(link('e1').assignmentId))[0].payload];
      const counted = (s: typeof a, countedAt: string) =>
        createEnvelope(
          responseCountedV1,
          { responseId: randomUUID(), submissionId: s.submissionId, cycleId: s.cycleId, subjectId: s.subjectId, countedAt },
          { organisationId: acme.organisationId },
        );
      const [t1, t2, t3] = ['2026-01-02T03:04:05.000Z', '2026-01-02T03:04:06.000Z', '2026-01-02T03:04:07.000Z'];
      // One publish (one fetch, most likely one batch): a at t1 and again at t2, b at t2; later a at t3 again.
      await gw.transport.publish([counted(a, t1), counted(a, t2), counted(b, t2)]);
      const countedAt = async (id: string) => (await gw.dataSource.getRepository(SubmissionEntity).findOneByOrFail({ id })).countedAt;
      await eventually(
        'both counted',
        async () => (await countedAt(a.submissionId)) !== null && (await countedAt(b.submissionId)) !== null,
      );
      await gw.transport.publish([counted(a, t3)]);
      await outcome('l3', 'recorded'); // behind the last counted event on the same key
      await receiptIs('l3', 'recorded');
      expect((await countedAt(a.submissionId))!.toISOString()).toBe(t1);
      expect((await countedAt(b.submissionId))!.toISOString()).toBe(t2);
    });
  });

  describe('a closed cycle', () => {
    it('refuses drafts and submissions once the closing date has passed, and shows the link as closed', async () => {
      const repo = gw.dataSource.getRepository(CycleEntity);
      const { closesAt } = await repo.findOneByOrFail({ id: cycleId });
      await repo.update({ id: cycleId }, { closesAt: new Date(Date.now() - 1000) });
      try {
        const late = await submit('e2', fullAnswers('skip_level'));
        expect(codeOf(late)).toBe('CONFLICT');
        expect(late.errors![0].message).toMatch(/^This cycle closed on \d{4}-\d{2}-\d{2}: answers can no longer be saved or submitted$/);
        expect(codeOf(await gw.gql(null, DRAFT, { input: { token: link('e2').token, answers: [] } }))).toBe('CONFLICT');
        expect(await survey(link('e2').token)).toMatchObject({ closedAt: expect.any(String), dimensions: [] });
      } finally {
        await repo.update({ id: cycleId }, { closesAt });
      }
    });

    it('refuses submissions once HR closed the cycle, even before the planned date', async () => {
      await gw.ok(acme.hr, `mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`, { c: cycleId });
      expect(codeOf(await submit('e2', fullAnswers('skip_level')))).toBe('CONFLICT');
      expect(await gw.submitted(link('e2').assignmentId)).toEqual([]);
      expect(await survey(link('e2').token)).toMatchObject({ status: 'invited', closedAt: expect.any(String), dimensions: [] });
    });
  });
});
