/** Development plans on a real PostgreSQL through GraphQL: who may write, read and comment, the rules of a plan, versions, audit and the event. */
import { emptyScoredReport } from '@leaderscope/vocabulary';
import { ApplyReportUpdateUseCase } from '../publication/apply-report-update.use-case';
import { codeOf, CREATE_CYCLE, cycleInput, GraphQLAnswer, Organisation, TestGateway } from '../test-support/test-gateway';

const PLAN_FIELDS = `version reviewDate editable commentable focusAreas { kind id label dimensionId dimensionName actions }
  history { version reviewDate focusAreas { id actions } } comments { planVersion authorName body }`;
const READ = `query($c: ID!, $s: ID!) { developmentPlan(cycleId: $c, subjectId: $s) { ${PLAN_FIELDS} } }`;
const SAVE = `mutation($input: SaveDevelopmentPlanInput!) { saveDevelopmentPlan(input: $input) { ${PLAN_FIELDS} } }`;
const COMMENT = `mutation($input: CommentOnDevelopmentPlanInput!) { commentOnDevelopmentPlan(input: $input) { ${PLAN_FIELDS} } }`;
const COVERAGE = `query($c: ID!) { developmentPlanCoverage(cycleId: $c) { leaders withPlan } }`;
const COVERAGE_PAGE = `query($c: ID!, $first: Int, $after: String, $without: Boolean) {
  developmentPlanCoveragePage(cycleId: $c, first: $first, after: $after, filter: { withoutPlanOnly: $without }) {
    totalCount pageInfo { endCursor hasNextPage } nodes { employeeId name hasPlan } } }`;

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
}

describe('development plans', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let cycleId: string;
  let ben: string; // the leader (l1)
  let ada: string; // Ben's manager
  let cy: string; // a peer of Ben's, also reviewed, not his manager
  let eve: string; // reports to Ben
  let benId: string;
  let cyId: string;

  const fields = (answer: GraphQLAnswer) => answer.errors?.[0]?.extensions?.fields?.map((f) => f.field) ?? [];
  const planInput = (extra: Record<string, unknown> = {}) => ({
    cycleId,
    focusAreas: [
      { kind: 'dimension', id: 'develops-leaders', actions: 'Meet each of my leaders monthly about their own growth' },
      { kind: 'item', id: 'al-2', actions: 'Ask for the decision record before I approve' },
    ],
    reviewDate: daysFromNow(90),
    ...extra,
  });
  const versionCount = async () =>
    Number(
      (
        await gw.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM gateway.development_plan_version WHERE cycle_id = $1`, [
          cycleId,
        ])
      )[0].n,
    );

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme Plans');
    benId = acme.people.get('l1')!;
    cyId = acme.people.get('l2')!;
    const none = ['self', 'manager', 'peer', 'direct_report'].map((group) => ({ group, count: 0 }));
    cycleId = (await gw.ok(acme.hr, CREATE_CYCLE, { input: cycleInput('Plans review', { minRaters: none }) })).createCycle.id;
    await gw.ok(acme.hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, {
      c: cycleId,
      p: [benId, cyId],
    });
    await gw.ok(acme.hr, `mutation($c: ID!) { launchCycle(cycleId: $c) { status } }`, { c: cycleId });
    for (const subjectId of [benId, cyId])
      await gw.get(ApplyReportUpdateUseCase).execute(acme.organisationId, {
        cycleId,
        subjectId,
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
    [ben, ada, cy, eve] = await Promise.all(['ben', 'ada', 'cy', 'eve'].map((p) => acme.signIn(p)));
  });

  afterAll(() => gw?.stop());

  it('starts only from a released report', async () => {
    const early = await gw.gql(ben, SAVE, { input: planInput() });
    expect(codeOf(early)).toBe('CONFLICT');
    expect(early.errors![0].extensions).toMatchObject({ reason: 'notReleased' });
    expect(codeOf(await gw.gql(ben, READ, { c: cycleId, s: benId }))).toBe('CONFLICT');
    await gw.ok(acme.hr, `mutation($c: ID!) { releaseResults(cycleId: $c) { status } }`, { c: cycleId });
    expect((await gw.ok(ben, READ, { c: cycleId, s: benId })).developmentPlan).toBeNull();
    expect(await versionCount()).toBe(0);
  });

  it('lets the leader save one to three focus areas of the instrument, named from it, with a review date', async () => {
    const saved = (await gw.ok(ben, SAVE, { input: planInput() })).saveDevelopmentPlan;
    expect(saved).toMatchObject({ version: 1, editable: true, commentable: false, reviewDate: daysFromNow(90), comments: [] });
    expect(saved.focusAreas).toEqual([
      {
        kind: 'dimension',
        id: 'develops-leaders',
        label: expect.any(String),
        dimensionId: 'develops-leaders',
        dimensionName: expect.any(String),
        actions: 'Meet each of my leaders monthly about their own growth',
      },
      {
        kind: 'item',
        id: 'al-2',
        label: expect.any(String),
        dimensionId: 'accountable-for-leading',
        dimensionName: expect.any(String),
        actions: 'Ask for the decision record before I approve',
      },
    ]);
    expect(saved.focusAreas[1].label).not.toBe('al-2'); // the item's text, not its id
    // HR's list of who still has no plan: the other leader only.
    const without = (await gw.ok(acme.hr, COVERAGE_PAGE, { c: cycleId, without: true })).developmentPlanCoveragePage;
    expect(without).toMatchObject({ totalCount: 1, nodes: [{ employeeId: 'l2', hasPlan: false }] });
  });

  it('refuses bad plans naming the field, and changes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ focusAreas: [] }, 'input.focusAreas'],
      [
        {
          focusAreas: ['develops-leaders', 'alignment', 'leads-up', 'shares-control'].map((id) => ({
            kind: 'dimension',
            id,
            actions: 'x',
          })),
        },
        'input.focusAreas',
      ],
      [{ focusAreas: [{ kind: 'dimension', id: 'charisma', actions: 'x' }] }, 'input.focusAreas[0].id'],
      [{ focusAreas: [{ kind: 'item', id: 'develops-leaders', actions: 'x' }] }, 'input.focusAreas[0].id'], // a dimension is not an item
      [
        {
          focusAreas: [
            { kind: 'item', id: 'dl-1', actions: 'x' },
            { kind: 'item', id: 'dl-1', actions: 'y' },
          ],
        },
        'input.focusAreas[1].id',
      ],
      [{ focusAreas: [{ kind: 'item', id: 'dl-1', actions: '   ' }] }, 'input.focusAreas[0].actions'],
      [{ focusAreas: [{ kind: 'item', id: 'dl-1', actions: '' }] }, 'input.focusAreas[0].actions'],
      [{ reviewDate: daysFromNow(0) }, 'input.reviewDate'],
      [{ reviewDate: daysFromNow(-3) }, 'input.reviewDate'],
      [{ reviewDate: daysFromNow(365 * 3) }, 'input.reviewDate'],
      [{ reviewDate: '2031-02-30' }, 'input.reviewDate'],
      [{ reviewDate: 'next spring' }, 'input.reviewDate'],
    ];
    for (const [extra, field] of cases) {
      const answer = await gw.gql(ben, SAVE, { input: planInput(extra) });
      expect([JSON.stringify(extra), codeOf(answer)]).toEqual([JSON.stringify(extra), 'BAD_USER_INPUT']);
      expect(fields(answer)).toContain(field);
    }
    expect(await versionCount()).toBe(1);
  });

  it('lets only the leader write their plan', async () => {
    for (const token of [ada, cy, eve, acme.hr]) {
      // Ada, Eve and HR are not subjects of the cycle; Cy is, but saving writes only one's own plan.
      const before = await versionCount();
      const answer = await gw.gql(token, SAVE, { input: planInput() });
      if (token === cy) {
        expect(answer.data?.saveDevelopmentPlan).toMatchObject({ version: 1 }); // Cy's own plan
      } else {
        expect(codeOf(answer)).toBe('FORBIDDEN');
        expect(await versionCount()).toBe(before);
      }
    }
    expect((await gw.ok(ben, READ, { c: cycleId, s: benId })).developmentPlan.version).toBe(1); // Ben's untouched
  });

  it('shows the plan to the leader and their manager only; HR sees whether plans exist, never their content', async () => {
    const byManager = (await gw.ok(ada, READ, { c: cycleId, s: benId })).developmentPlan;
    expect(byManager).toMatchObject({ version: 1, editable: false, commentable: true });
    expect(byManager.focusAreas.map((a: { id: string }) => a.id)).toEqual(['develops-leaders', 'al-2']);
    const hr = await gw.gql(acme.hr, READ, { c: cycleId, s: benId });
    expect(codeOf(hr)).toBe('FORBIDDEN');
    expect(hr.errors![0].message).toMatch(/never its content/);
    expect(JSON.stringify(hr)).not.toContain('Meet each');
    for (const token of [cy, eve]) expect(codeOf(await gw.gql(token, READ, { c: cycleId, s: benId }))).toBe('FORBIDDEN');
    const coverage = (await gw.ok(acme.hr, COVERAGE, { c: cycleId })).developmentPlanCoverage;
    expect(coverage).toEqual({ leaders: 2, withPlan: 2 });
    // Who has one, a page at a time by name: nothing of the plan itself.
    const first = (await gw.ok(acme.hr, COVERAGE_PAGE, { c: cycleId, first: 1 })).developmentPlanCoveragePage;
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ employeeId: 'l1', hasPlan: true }] });
    const second = (await gw.ok(acme.hr, COVERAGE_PAGE, { c: cycleId, first: 1, after: first.pageInfo.endCursor }))
      .developmentPlanCoveragePage;
    expect(second).toMatchObject({ pageInfo: { hasNextPage: false }, nodes: [{ employeeId: 'l2', hasPlan: true }] });
    expect(JSON.stringify([first, second])).not.toContain('Meet each');
    const without = (await gw.ok(acme.hr, COVERAGE_PAGE, { c: cycleId, without: true })).developmentPlanCoveragePage;
    expect(without).toMatchObject({ totalCount: 0, nodes: [] });
    for (const token of [ben, ada]) {
      expect(codeOf(await gw.gql(token, COVERAGE, { c: cycleId }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(token, COVERAGE_PAGE, { c: cycleId }))).toBe('FORBIDDEN');
    }
  });

  it('keeps every version, refuses a save over a newer one, and lets the manager comment on the current version', async () => {
    const second = (
      await gw.ok(ben, SAVE, {
        input: planInput({
          expectedVersion: 1,
          focusAreas: [{ kind: 'dimension', id: 'leads-up', actions: 'Bring my manager one risk a week' }],
          reviewDate: daysFromNow(120),
        }),
      })
    ).saveDevelopmentPlan;
    expect(second.version).toBe(2);
    expect(
      second.history.map((h: { version: number; focusAreas: { id: string }[] }) => [h.version, h.focusAreas.map((a) => a.id)]),
    ).toEqual([
      [2, ['leads-up']],
      [1, ['develops-leaders', 'al-2']],
    ]);
    const stale = await gw.gql(ben, SAVE, { input: planInput({ expectedVersion: 1 }) });
    expect(codeOf(stale)).toBe('CONFLICT');
    // the state rule by name, for clients that word it themselves
    expect(stale.errors![0].extensions).toMatchObject({ reason: 'planChanged', values: { version: 2 } });
    expect(await versionCount()).toBe(3); // Ben 2, Cy 1

    const commented = (
      await gw.ok(ada, COMMENT, { input: { cycleId, subjectId: benId, body: '  Good choice; start with the Q3 plan.  ' } })
    ).commentOnDevelopmentPlan;
    expect(commented.comments).toEqual([{ planVersion: 2, authorName: 'Ada Chief', body: 'Good choice; start with the Q3 plan.' }]);
    expect((await gw.ok(ben, READ, { c: cycleId, s: benId })).developmentPlan.comments).toHaveLength(1);
    for (const token of [ben, cy, eve, acme.hr])
      expect(codeOf(await gw.gql(token, COMMENT, { input: { cycleId, subjectId: benId, body: 'x' } }))).toBe('FORBIDDEN');
    const blank = await gw.gql(ada, COMMENT, { input: { cycleId, subjectId: benId, body: '   ' } });
    expect([codeOf(blank), fields(blank)]).toEqual(['BAD_USER_INPUT', ['input.body']]);
    expect((await gw.ok(ben, READ, { c: cycleId, s: benId })).developmentPlan.comments).toHaveLength(1);
  });

  it('audits each save and comment without their content, and tells the manager through the outbox without the content', async () => {
    const audit = await gw.dataSource.query<{ action: string; target: string; detail: Record<string, unknown> }[]>(
      `SELECT action, target, detail FROM gateway.audit_event WHERE action LIKE 'development-plan.%' AND target = $1 ORDER BY id`,
      [`cycle:${cycleId}/subject:${benId}`],
    );
    expect(audit).toEqual([
      { action: 'development-plan.saved', target: `cycle:${cycleId}/subject:${benId}`, detail: { version: 1 } },
      { action: 'development-plan.saved', target: `cycle:${cycleId}/subject:${benId}`, detail: { version: 2 } },
      { action: 'development-plan.commented', target: `cycle:${cycleId}/subject:${benId}`, detail: { planVersion: 2 } },
    ]);
    const events = (await gw.emitted('development-plan.changed')).filter((e) => e.payload.subjectId === benId);
    expect(events.map((e) => [e.version, e.payload.version, e.payload.change])).toEqual([
      [1, 1, 'shared'],
      [1, 2, 'updated'],
    ]);
    expect(events[0].payload.manager).toMatchObject({ personId: acme.people.get('ceo'), name: 'Ada Chief' });
    expect(JSON.stringify(events)).not.toMatch(/Meet each|risk a week|develops-leaders|leads-up/);
  });

  it('answers another organisation like a missing cycle', async () => {
    const other = await gw.organisation('Other Plans');
    const theirBen = await other.signIn('ben');
    expect(codeOf(await gw.gql(theirBen, READ, { c: cycleId, s: benId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(other.hr, COVERAGE, { c: cycleId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(theirBen, SAVE, { input: planInput() }))).toBe('FORBIDDEN');
  });
});
