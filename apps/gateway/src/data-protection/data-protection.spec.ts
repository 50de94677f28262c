/**
 * Data-subject requests at the gateway on a real PostgreSQL: HR's export of one person holds their
 * coaching (as the coached leader and as the coach), their development plans and the comments on
 * them or written by them, and nothing of another organisation; only HR may ask, and each export is
 * audited. (The whole path with answers and erasure is in apps/standalone/test/data-protection.e2e-spec.ts.)
 */
import { emptyScoredReport } from '@leaderscope/vocabulary';
import { ApplyReportUpdateUseCase } from '../publication/apply-report-update.use-case';
import { codeOf, DIRECTORY_CSV, Organisation, TestGateway } from '../test-support/test-gateway';

const EXPORT = `query($p: ID!) { personDataExport(personId: $p) { personId json } }`;
const CSV = `${DIRECTORY_CSV}\nco1,Zoe Coach,zoe@org.test,`;

describe('data protection: the export of one person', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let cycleId: string;
  let ben: string;
  const id = (employeeId: string) => acme.people.get(employeeId)!;
  const exported = async (personId: string) => JSON.parse((await gw.ok(acme.hr, EXPORT, { p: personId })).personDataExport.json);

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme Exports', CSV);
    other = await gw.organisation('Other Exports');
    cycleId = await gw.launchedCycle(acme, ['l1']);
    await gw.ok(acme.hr, `mutation($c: ID!, $on: Boolean!) { setCycleCoached(cycleId: $c, coached: $on) { coached } }`, {
      c: cycleId,
      on: true,
    });
    await gw.ok(acme.hr, `mutation($input: AssignCoachInput!) { assignCoach(input: $input) { leaders } }`, {
      input: { cycleId, coachId: id('co1'), subjectIds: [id('l1')] },
    });
    await gw.get(ApplyReportUpdateUseCase).execute(acme.organisationId, {
      cycleId,
      subjectId: id('l1'),
      resultSet: 'live',
      reportVersion: 1,
      instrumentId: 'leader-of-leaders',
      instrumentVersion: 1,
      roleProfileId: 'leader-of-leaders',
      groupCounts: { self: 1, peer: 3 },
      responseCount: 4,
      report: emptyScoredReport(),
      scoredAt: new Date().toISOString(),
    });
    await gw.ok(acme.hr, `mutation($c: ID!) { releaseResults(cycleId: $c) { status } }`, { c: cycleId });
    let ada: string, zoe: string;
    [ben, ada, zoe] = await Promise.all(['ben', 'ada', 'zoe'].map((p) => acme.signIn(p)));
    await gw.ok(zoe, `mutation($c: ID!, $s: ID!) { completeDebrief(cycleId: $c, subjectId: $s) { debriefDone } }`, {
      c: cycleId,
      s: id('l1'),
    });
    await gw.ok(ben, `mutation($input: SaveDevelopmentPlanInput!) { saveDevelopmentPlan(input: $input) { version } }`, {
      input: {
        cycleId,
        focusAreas: [{ kind: 'dimension', id: 'develops-leaders', actions: 'Monthly growth talks with each of my leaders' }],
        reviewDate: new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10),
      },
    });
    await gw.ok(ada, `mutation($input: CommentOnDevelopmentPlanInput!) { commentOnDevelopmentPlan(input: $input) { version } }`, {
      input: { cycleId, subjectId: id('l1'), body: 'Start with the two newest leads.' },
    });
  });

  afterAll(() => gw?.stop());

  it('gives the coached leader their coach, their plan versions and the comments on them', async () => {
    const doc = await exported(id('l1'));
    expect(doc.coaching).toEqual([
      expect.objectContaining({ cycleId, as: 'coached leader', leader: 'Ben Lead', coach: 'Zoe Coach', debriefDoneAt: expect.any(String) }),
    ]);
    expect(doc.developmentPlans).toEqual([
      expect.objectContaining({
        cycleId,
        version: 1,
        focusAreas: [{ kind: 'dimension', id: 'develops-leaders', actions: 'Monthly growth talks with each of my leaders' }],
      }),
    ]);
    expect(doc.planComments).toEqual([
      expect.objectContaining({ cycleId, on: 'their plan', author: 'Ada Chief', body: 'Start with the two newest leads.', planVersion: 1 }),
    ]);
  });

  it('gives the coach the leaders they coach, and the commenter what they wrote on whose plan', async () => {
    const coach = await exported(id('co1'));
    expect(coach.coaching).toEqual([expect.objectContaining({ cycleId, as: 'coach', leader: 'Ben Lead', coach: 'Zoe Coach' })]);
    expect(coach.developmentPlans).toEqual([]);
    const manager = await exported(id('ceo'));
    expect(manager.planComments).toEqual([
      expect.objectContaining({ on: 'the plan of Ben Lead', author: 'Ada Chief', body: 'Start with the two newest leads.' }),
    ]);
    expect(manager.coaching).toEqual([]);
    // Someone with no part in either has empty sections, not another person's.
    const bystander = await exported(id('l3'));
    expect([bystander.coaching, bystander.developmentPlans, bystander.planComments]).toEqual([[], [], []]);
  });

  it('is HR’s alone, within the organisation, and audited every time', async () => {
    expect(codeOf(await gw.gql(ben, EXPORT, { p: id('l1') }))).toBe('FORBIDDEN');
    const foreign = await gw.gql(other.hr, EXPORT, { p: id('l1') });
    expect(foreign.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'personId', message: 'no such person in this organisation', code: 'unknownPerson' },
    ]);
    const before = (await gw.audited('person.exported')).filter((a) => a.target === `person:${id('l1')}`).length;
    await exported(id('l1'));
    expect((await gw.audited('person.exported')).filter((a) => a.target === `person:${id('l1')}`)).toHaveLength(before + 1);
  });
});
