/**
 * The coach role on a real PostgreSQL through GraphQL: HR marks a cycle coached and assigns coaches
 * (with the rules that refuse a coach), the coach reads exactly the published report of their own
 * leaders and nothing else, a coached release holds each report back from the leader and manager
 * until the coach marks the debrief done (idempotent, audited, one event), and the coach comments
 * on the plan.
 */
import { DebriefCompletedV1, DebriefRequestedV1 } from '@leaderscope/events';
import { emptyScoredReport } from '@leaderscope/vocabulary';
import { ApplyReportUpdateUseCase } from '../publication/apply-report-update.use-case';
import { codeOf, DIRECTORY_CSV, GraphQLAnswer, Organisation, TestGateway } from '../test-support/test-gateway';

const COACHING = `cycleId coached leaders withCoach debriefsDone`;
const CYCLE_COACHING = `query($c: ID!) { cycleCoaching(cycleId: $c) { ${COACHING} } }`;
const PAGE = `query($c: ID!, $first: Int, $after: String, $filter: CoachAssignmentFilter) {
  cycleCoachingPage(cycleId: $c, first: $first, after: $after, filter: $filter) {
    cycleId totalCount pageInfo { endCursor hasNextPage } nodes { subjectId subjectName coachId coachName debriefDoneAt } } }`;
const SET_COACHED = `mutation($c: ID!, $on: Boolean!) { setCycleCoached(cycleId: $c, coached: $on) { ${COACHING} } }`;
const ASSIGN = `mutation($input: AssignCoachInput!) { assignCoach(input: $input) { ${COACHING} } }`;
const DEBRIEF = `mutation($c: ID!, $s: ID!) { completeDebrief(cycleId: $c, subjectId: $s) { coachName debriefDone viewerIsCoach } }`;
const REPORT = `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { visibility reportVersion responseCount scoredAt dimensions { dimensionId } } }`;
const REPORT_COACHING = `query($c: ID!, $s: ID!) { reportCoaching(cycleId: $c, subjectId: $s) { coachName debriefDone viewerIsCoach } }`;
const PLAN = `query($c: ID!, $s: ID!) { developmentPlan(cycleId: $c, subjectId: $s) { version commentable editable comments { authorName body } } }`;
const RELEASE = `mutation($c: ID!) { releaseResults(cycleId: $c) { status } }`;

/** The test directory, and two coaches from outside the reporting lines (external coaches are people of the directory too). */
const CSV = `${DIRECTORY_CSV}\nco1,Zoe Coach,zoe@org.test,\nco2,Yan Coach,yan@org.test,`;

describe('coaching', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let cycleId: string;
  let benId: string; // a leader (l1), coached by Zoe
  let cyId: string; // a leader (l2), coached by Yan
  const t: Record<string, string> = {};
  const fields = (answer: GraphQLAnswer) => answer.errors?.[0]?.extensions?.fields?.map((f) => `${f.field}: ${f.message}`) ?? [];
  type Row = { subjectId: string; subjectName: string; coachId: string | null; coachName: string | null; debriefDoneAt: string | null };
  type Page = { cycleId: string; totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: Row[] };
  const page = async (vars: Record<string, unknown>, token = acme.hr): Promise<Page> =>
    (await gw.ok(token, PAGE, { c: cycleId, ...vars })).cycleCoachingPage as Page;
  const assignments = async () =>
    Number((await gw.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM gateway.coach_assignment`))[0].n);

  const publishReports = async (cycle: string, subjects: string[]) => {
    for (const subjectId of subjects)
      await gw.get(ApplyReportUpdateUseCase).execute(acme.organisationId, {
        cycleId: cycle,
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
  };

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme Coaching', CSV);
    other = await gw.organisation('Other Coaching');
    benId = acme.people.get('l1')!;
    cyId = acme.people.get('l2')!;
    cycleId = await gw.launchedCycle(acme, ['l1', 'l2']);
    await publishReports(cycleId, [benId, cyId]);
    for (const p of ['ben', 'ada', 'cy', 'eve', 'fay', 'zoe', 'yan']) t[p] = await acme.signIn(p);
  });

  afterAll(() => gw?.stop());

  it('lets only HR mark a cycle coached, audited once however often it is set', async () => {
    expect(codeOf(await gw.gql(t.zoe, SET_COACHED, { c: cycleId, on: true }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(other.hr, SET_COACHED, { c: cycleId, on: true }))).toBe('FORBIDDEN');
    const marked = (await gw.ok(acme.hr, SET_COACHED, { c: cycleId, on: true })).setCycleCoached;
    expect(marked).toEqual({ cycleId, coached: true, leaders: 2, withCoach: 0, debriefsDone: 0 });
    const leaders = await page({});
    expect(leaders.totalCount).toBe(2);
    expect(leaders.nodes.map((a) => [a.subjectName, a.coachId])).toEqual([
      ['Ben Lead', null],
      ['Cy Peer', null],
    ]);
    await gw.ok(acme.hr, SET_COACHED, { c: cycleId, on: true });
    expect((await gw.audited('coaching.cycle-coached')).filter((a) => a.target === `cycle:${cycleId}`)).toHaveLength(1);
  });

  it('refuses a coach who is not a person of the organisation, the leader themselves or one of their raters, naming the field and changing nothing', async () => {
    const ask = (input: Record<string, unknown>) =>
      gw.gql(acme.hr, ASSIGN, { input: { cycleId, coachId: acme.people.get('co1'), subjectIds: [benId], ...input } });
    const foreign = other.people.get('co1') ?? other.people.get('l1');
    expect(fields(await ask({ coachId: 'nobody' }))).toEqual(['input.coachId: is not a person of your organisation']);
    expect(fields(await ask({ coachId: foreign }))).toEqual(['input.coachId: is not a person of your organisation']);
    expect(fields(await ask({ subjectIds: [] }))).toEqual(['input.subjectIds: name at least one leader']);
    expect(fields(await ask({ subjectIds: [acme.people.get('m1')] }))).toEqual([
      'input.subjectIds[0]: is not a leader reviewed in this cycle',
    ]);
    expect(fields(await ask({ subjectIds: [benId, benId] }))).toEqual(['input.subjectIds[1]: is listed twice']);
    expect(fields(await ask({ coachId: benId, subjectIds: [benId] }))).toEqual([
      'input.subjectIds[0]: is the coach: a leader cannot be their own coach',
    ]);
    // Eve reports to Ben and rates him: as his coach she would read her own answer beside the others'.
    const rater = await ask({ coachId: acme.people.get('m1') });
    expect(codeOf(rater)).toBe('BAD_USER_INPUT');
    expect(fields(rater)).toEqual([
      expect.stringMatching(
        /^input\.coachId: rates Ben Lead in this cycle \(direct report\): a coach reads the leader's report, which would hold their own answer/,
      ),
    ]);
    // Ada manages both and rates both (manager): refused for each.
    expect(fields(await ask({ coachId: acme.people.get('ceo'), subjectIds: [benId, cyId] }))).toHaveLength(2);
    expect(codeOf(await gw.gql(t.ada, ASSIGN, { input: { cycleId, coachId: acme.people.get('co1'), subjectIds: [benId] } }))).toBe(
      'FORBIDDEN',
    );
    expect(await assignments()).toBe(0);
    expect(await gw.audited('coaching.coach-assigned')).toHaveLength(0);
  });

  it('assigns one coach to one or several leaders, audited', async () => {
    let view = (await gw.ok(acme.hr, ASSIGN, { input: { cycleId, coachId: acme.people.get('co1'), subjectIds: [benId, cyId] } }))
      .assignCoach;
    expect(view).toMatchObject({ withCoach: 2, debriefsDone: 0 });
    view = (await gw.ok(acme.hr, ASSIGN, { input: { cycleId, coachId: acme.people.get('co2'), subjectIds: [cyId] } })).assignCoach;
    expect(view).toEqual({ cycleId, coached: true, leaders: 2, withCoach: 2, debriefsDone: 0 });
    expect((await page({})).nodes.map((a) => [a.subjectName, a.coachName])).toEqual([
      ['Ben Lead', 'Zoe Coach'],
      ['Cy Peer', 'Yan Coach'],
    ]);
    const audited = await gw.audited('coaching.coach-assigned');
    expect(audited.map((a) => a.detail.leaders)).toEqual([2, 1]);
    expect(await gw.emitted('coaching.debrief-requested')).toHaveLength(0); // nothing to debrief before release
  });

  it('keeps the report from the coach before release, like from everyone but HR', async () => {
    expect(codeOf(await gw.gql(t.zoe, REPORT, { c: cycleId, s: benId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(t.zoe, DEBRIEF, { c: cycleId, s: benId }))).toBe('CONFLICT');
    expect(codeOf(await gw.gql(t.zoe, PLAN, { c: cycleId, s: benId }))).toBe('CONFLICT');
  });

  it('refuses to release a coached cycle while a leader has no coach', async () => {
    const lone = await gw.launchedCycle(acme, ['l3']);
    await gw.ok(acme.hr, SET_COACHED, { c: lone, on: true });
    const refused = await gw.gql(acme.hr, RELEASE, { c: lone });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toContain('one leader has no coach yet (Di Peer)');
    expect(
      codeOf(
        await gw.gql(acme.hr, ASSIGN, {
          input: { cycleId: await gw.launchedCycle(acme, ['l3']), coachId: acme.people.get('co1'), subjectIds: [acme.people.get('l3')] },
        }),
      ),
    ).toBe('CONFLICT'); // not coached
  });

  it('releases a coached cycle to the coaches: each is asked for the debrief, the leaders and managers are not told yet', async () => {
    await gw.ok(acme.hr, RELEASE, { c: cycleId });
    const released = (await gw.emitted<{ cycleId: string }>('results.released')).filter((e) => e.payload.cycleId === cycleId);
    expect(released).toHaveLength(0);
    const asked = (await gw.emitted<DebriefRequestedV1>('coaching.debrief-requested', 1)).map((e) => [
      e.payload.subjectName,
      e.payload.coach.name,
    ]);
    expect(asked.sort()).toEqual([
      ['Ben Lead', 'Zoe Coach'],
      ['Cy Peer', 'Yan Coach'],
    ]);
    expect(codeOf(await gw.gql(acme.hr, SET_COACHED, { c: cycleId, on: false }))).toBe('CONFLICT');
  });

  it("lets the coach read their leaders' published report and plan, and refuses everything else", async () => {
    const byZoe = (await gw.ok(t.zoe, REPORT, { c: cycleId, s: benId })).subjectReport;
    expect(byZoe.visibility).toBe('published');
    expect((await gw.ok(t.zoe, PLAN, { c: cycleId, s: benId })).developmentPlan).toBeNull();
    expect((await gw.ok(t.zoe, REPORT_COACHING, { c: cycleId, s: benId })).reportCoaching).toEqual({
      coachName: 'Zoe Coach',
      debriefDone: false,
      viewerIsCoach: true,
    });
    expect((await gw.ok(t.zoe, `{ cycle(id: "${cycleId}") { id } }`)).cycle.id).toBe(cycleId);
    // Not Zoe's leader: Cy's report, plan and debrief are refused.
    expect(codeOf(await gw.gql(t.zoe, REPORT, { c: cycleId, s: cyId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(t.zoe, PLAN, { c: cycleId, s: cyId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(t.zoe, DEBRIEF, { c: cycleId, s: cyId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(t.yan, REPORT, { c: cycleId, s: benId }))).toBe('FORBIDDEN');
    // Nothing of HR's: progress, nominations, the cycle's figures, the CSV, the heatmap, the coaching overview.
    for (const query of [
      `{ cycleProgress(cycleId: "${cycleId}") { invited } }`,
      `{ nominations(cycleId: "${cycleId}", subjectId: "${benId}") { id } }`,
      `{ cycleHeatmap(cycleId: "${cycleId}") { cycleId } }`,
      `{ cycleCoaching(cycleId: "${cycleId}") { coached } }`,
      `{ developmentPlanCoverage(cycleId: "${cycleId}") { leaders } }`,
    ])
      expect([query, codeOf(await gw.gql(t.zoe, query))]).toEqual([query, 'FORBIDDEN']);
    expect((await fetch(`${gw.url}/exports/${cycleId}/results.csv`, { headers: { authorization: `Bearer ${t.zoe}` } })).status).toBe(403);
    expect(codeOf(await gw.gql(t.zoe, `{ teamReport(cycleId: "${cycleId}") { cycleId } }`))).toBe('FORBIDDEN');
    // The PDF follows the same rule: refused to the leader before the debrief and to another leader's coach.
    const pdf = (token: string) => fetch(`${gw.url}/reports/${cycleId}/${benId}.pdf`, { headers: { authorization: `Bearer ${token}` } });
    // (the coach's PDF itself is drawn in apps/standalone/test/coaching.e2e-spec.ts, from a real report)
    expect((await pdf(t.ben)).status).toBe(403);
    expect((await pdf(t.yan)).status).toBe(403);
  });

  it('keeps the report from the leader and their manager until the debrief, telling the leader who it waits for', async () => {
    const refused = await gw.gql(t.ben, REPORT, { c: cycleId, s: benId });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].message).toContain('shared after the debrief');
    expect(codeOf(await gw.gql(t.ada, REPORT, { c: cycleId, s: benId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(t.ben, PLAN, { c: cycleId, s: benId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(t.ada, `{ teamReport(cycleId: "${cycleId}") { cycleId } }`))).toBe('CONFLICT');
    const save = await gw.gql(t.ben, `mutation($input: SaveDevelopmentPlanInput!) { saveDevelopmentPlan(input: $input) { version } }`, {
      input: {
        cycleId,
        focusAreas: [{ kind: 'dimension', id: 'develops-leaders', actions: 'x' }],
        reviewDate: new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10),
      },
    });
    expect(codeOf(save)).toBe('CONFLICT');
    expect((await gw.ok(t.ben, REPORT_COACHING, { c: cycleId, s: benId })).reportCoaching).toEqual({
      coachName: 'Zoe Coach',
      debriefDone: false,
      viewerIsCoach: false,
    });
    expect(codeOf(await gw.gql(t.fay, REPORT_COACHING, { c: cycleId, s: benId }))).toBe('FORBIDDEN');
    // HR sees live figures as always.
    expect((await gw.ok(acme.hr, REPORT, { c: cycleId, s: benId })).subjectReport.visibility).toBe('live');
  });

  it('lets only the coach mark the debrief done, once: audited, one event, and then the leader and manager see what the coach sees', async () => {
    for (const token of [t.ben, t.ada, t.yan, acme.hr])
      expect(codeOf(await gw.gql(token, DEBRIEF, { c: cycleId, s: benId }))).toBe('FORBIDDEN');
    expect(fields(await gw.gql(t.zoe, DEBRIEF, { c: cycleId, s: 'ben' }))).toEqual(['subjectId: is not a person id']);
    const done = (await gw.ok(t.zoe, DEBRIEF, { c: cycleId, s: benId })).completeDebrief;
    expect(done).toEqual({ coachName: 'Zoe Coach', debriefDone: true, viewerIsCoach: true });
    await gw.ok(t.zoe, DEBRIEF, { c: cycleId, s: benId }); // again: nothing more
    expect((await gw.audited('coaching.debrief-completed')).map((a) => a.target)).toEqual([`cycle:${cycleId}/subject:${benId}`]);
    const events = await gw.emitted<DebriefCompletedV1>('coaching.debrief-completed', 1);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({
      subjectName: 'Ben Lead',
      coach: { name: 'Zoe Coach' },
      recipients: [
        { name: 'Ben Lead', email: 'ben@acme-coaching.test', isSubject: true },
        { name: 'Ada Chief', email: 'ada@acme-coaching.test', isSubject: false },
      ],
    });
    // Exactly the published figures the coach reads: no more, no less.
    const byZoe = (await gw.ok(t.zoe, REPORT, { c: cycleId, s: benId })).subjectReport;
    expect((await gw.ok(t.ben, REPORT, { c: cycleId, s: benId })).subjectReport).toEqual(byZoe);
    expect((await gw.ok(t.ada, REPORT, { c: cycleId, s: benId })).subjectReport).toEqual(byZoe);
    // Cy's debrief is not done: still held back; the manager's team view shows Ben only.
    expect(codeOf(await gw.gql(t.cy, REPORT, { c: cycleId, s: cyId }))).toBe('FORBIDDEN');
    const team = (await gw.ok(t.ada, `{ teamReport(cycleId: "${cycleId}") { rows { subject { id } } } }`)).teamReport;
    expect(team.rows.map((r: { subject: { id: string } }) => r.subject.id)).toEqual([benId]);
    expect((await gw.ok(acme.hr, CYCLE_COACHING, { c: cycleId })).cycleCoaching).toMatchObject({
      leaders: 2,
      withCoach: 2,
      debriefsDone: 1,
    });
  });

  it("lets the coach read and comment on the leader's plan", async () => {
    await gw.ok(t.ben, `mutation($input: SaveDevelopmentPlanInput!) { saveDevelopmentPlan(input: $input) { version } }`, {
      input: {
        cycleId,
        focusAreas: [{ kind: 'dimension', id: 'develops-leaders', actions: 'Monthly growth talks' }],
        reviewDate: new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10),
      },
    });
    const plan = (await gw.ok(t.zoe, PLAN, { c: cycleId, s: benId })).developmentPlan;
    expect(plan).toMatchObject({ version: 1, commentable: true, editable: false });
    const commented = await gw.ok(
      t.zoe,
      `mutation($input: CommentOnDevelopmentPlanInput!) { commentOnDevelopmentPlan(input: $input) { comments { authorName body } } }`,
      { input: { cycleId, subjectId: benId, body: 'Bring the first talk to our next session.' } },
    );
    expect(commented.commentOnDevelopmentPlan.comments).toEqual([
      { authorName: 'Zoe Coach', body: 'Bring the first talk to our next session.' },
    ]);
    expect(codeOf(await gw.gql(t.yan, PLAN, { c: cycleId, s: benId }))).toBe('FORBIDDEN');
  });

  it('after release: a new coach for a leader not yet debriefed is asked; a debriefed leader keeps theirs', async () => {
    const debriefed = await gw.gql(acme.hr, ASSIGN, { input: { cycleId, coachId: acme.people.get('co2'), subjectIds: [benId] } });
    expect(fields(debriefed)).toEqual(['input.subjectIds[0]: the debrief of Ben Lead is done already']);
    await gw.ok(acme.hr, ASSIGN, { input: { cycleId, coachId: acme.people.get('co1'), subjectIds: [cyId] } });
    const asked = (await gw.emitted<DebriefRequestedV1>('coaching.debrief-requested', 1)).map((e) => [
      e.payload.subjectName,
      e.payload.coach.name,
    ]);
    expect(asked).toContainEqual(['Cy Peer', 'Zoe Coach']);
    expect(asked).toHaveLength(3);
    expect((await gw.ok(t.zoe, REPORT, { c: cycleId, s: cyId })).subjectReport.visibility).toBe('published');
    expect(codeOf(await gw.gql(t.yan, REPORT, { c: cycleId, s: cyId }))).toBe('FORBIDDEN'); // replaced
  });

  it("pages HR's list of leaders by name with their coach and debrief, filtered on the server, and refuses what it must", async () => {
    // Ben's debrief is done (Zoe); Cy's is not (Zoe, since the reassignment).
    const first = await page({ first: 1 });
    expect(first).toMatchObject({ cycleId, totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(first.nodes).toEqual([
      {
        subjectId: benId,
        subjectName: 'Ben Lead',
        coachId: acme.people.get('co1'),
        coachName: 'Zoe Coach',
        debriefDoneAt: expect.any(String),
      },
    ]);
    const second = await page({ first: 1, after: first.pageInfo.endCursor });
    expect(second).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    expect(second.nodes).toEqual([
      { subjectId: cyId, subjectName: 'Cy Peer', coachId: acme.people.get('co1'), coachName: 'Zoe Coach', debriefDoneAt: null },
    ]);
    // Filters: the debriefs still to do; nobody without a coach; a search on the leader's or the coach's name.
    const pending = await page({ filter: { debriefPendingOnly: true } });
    expect([pending.totalCount, pending.nodes.map((a) => a.subjectName)]).toEqual([1, ['Cy Peer']]);
    expect(await page({ filter: { withoutCoachOnly: true } })).toMatchObject({
      totalCount: 0,
      nodes: [],
      pageInfo: { hasNextPage: false },
    });
    const cy = await page({ filter: { search: 'cy p' } });
    expect([cy.totalCount, cy.nodes.map((a) => a.subjectName)]).toEqual([1, ['Cy Peer']]);
    const byCoach = await page({ filter: { search: 'ZOE', debriefPendingOnly: true } });
    expect([byCoach.totalCount, byCoach.nodes.map((a) => a.subjectName)]).toEqual([1, ['Cy Peer']]);
    expect((await page({ filter: { search: '%' } })).totalCount).toBe(0); // taken literally
    // The counts agree with the list.
    expect((await gw.ok(acme.hr, CYCLE_COACHING, { c: cycleId })).cycleCoaching).toEqual({
      cycleId,
      coached: true,
      leaders: 2,
      withCoach: 2,
      debriefsDone: 1,
    });
    // A cycle that is not coached: no list, counts at zero but the leaders.
    const plain = await gw.launchedCycle(acme, ['l3']);
    expect(await page({ c: plain })).toEqual({
      cycleId: plain,
      totalCount: 0,
      nodes: [],
      pageInfo: { endCursor: null, hasNextPage: false },
    });
    expect((await gw.ok(acme.hr, CYCLE_COACHING, { c: plain })).cycleCoaching).toEqual({
      cycleId: plain,
      coached: false,
      leaders: 1,
      withCoach: 0,
      debriefsDone: 0,
    });
    // Refused: not HR (the coach, the leader), another organisation's HR, a page too large, a stale or foreign cursor.
    for (const token of [t.zoe, t.ben]) expect(codeOf(await gw.gql(token, PAGE, { c: cycleId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(other.hr, PAGE, { c: cycleId }))).toBe('FORBIDDEN');
    const tooMany = await gw.gql(acme.hr, PAGE, { c: cycleId, first: 501 });
    expect([codeOf(tooMany), fields(tooMany)]).toEqual(['BAD_USER_INPUT', ['first: must be between 1 and 500']]);
    const stale = await gw.gql(acme.hr, PAGE, { c: cycleId, after: 'not-a-cursor' });
    expect([codeOf(stale), stale.errors![0].extensions!.fields!.map((f) => f.field)]).toEqual(['BAD_USER_INPUT', ['after']]);
    const plans = await gw.ok(acme.hr, `query($c: ID!) { developmentPlanCoveragePage(cycleId: $c, first: 1) { pageInfo { endCursor } } }`, {
      c: cycleId,
    });
    const foreign = await gw.gql(acme.hr, PAGE, { c: cycleId, after: plans.developmentPlanCoveragePage.pageInfo.endCursor });
    expect([codeOf(foreign), foreign.errors![0].extensions!.fields!.map((f) => f.field)]).toEqual(['BAD_USER_INPUT', ['after']]);
    expect(fields(await gw.gql(acme.hr, PAGE, { c: 'nope' }))).toEqual(['cycleId: is not a cycle id']);
    // Nothing but names, coaches and debrief dates: no figure of the report.
    expect(Object.keys(first.nodes[0]).sort()).toEqual(['coachId', 'coachName', 'debriefDoneAt', 'subjectId', 'subjectName']);
  });

  it("lists the coach's leaders with their debrief and plan", async () => {
    const { myCoachees } = await gw.ok(t.zoe, `{ myCoachees { cycleId subjectName released debriefDoneAt hasPlan } }`);
    expect(
      myCoachees.map((c: { subjectName: string; released: boolean; debriefDoneAt: string | null; hasPlan: boolean }) => [
        c.subjectName,
        c.released,
        Boolean(c.debriefDoneAt),
        c.hasPlan,
      ]),
    ).toEqual([
      ['Ben Lead', true, true, true],
      ['Cy Peer', true, false, false],
    ]);
    expect((await gw.ok(t.ben, `{ myCoachees { subjectId } }`)).myCoachees).toEqual([]);
    expect((await gw.ok(t.ben, REPORT_COACHING, { c: cycleId, s: benId })).reportCoaching.debriefDone).toBe(true);
  });

  it('never makes a coach a rater of their leader afterwards: not proposed, and refused when nominated', async () => {
    const draft = await gw.draftCycle(acme, ['l1']);
    await gw.ok(acme.hr, SET_COACHED, { c: draft, on: true });
    // Ada manages Ben; with no nomination yet she may coach him.
    await gw.ok(acme.hr, ASSIGN, { input: { cycleId: draft, coachId: acme.people.get('ceo'), subjectIds: [benId] } });
    const { proposeRaters } = await gw.ok(
      acme.hr,
      `mutation($c: ID!, $s: ID) { proposeRaters(cycleId: $c, subjectId: $s) { nominations { rater { employeeId } } } }`,
      { c: draft, s: benId },
    );
    const proposed = proposeRaters.nominations.map((n: { rater: { employeeId: string } }) => n.rater.employeeId);
    expect(proposed).toContain('m1');
    expect(proposed).not.toContain('ceo');
    const nominated = await gw.gql(acme.hr, `mutation($input: NominateRaterInput!) { nominateRater(input: $input) { id } }`, {
      input: { cycleId: draft, subjectId: benId, raterId: acme.people.get('ceo'), group: 'manager' },
    });
    expect(fields(nominated)).toEqual([expect.stringMatching(/^input\.raterId: is the subject's coach in this cycle/)]);
  });
});
