/**
 * Follow-up pulses on a real PostgreSQL through GraphQL: who may start and read one, the rules and
 * refusals, the cycle path it reuses (assignments, invitations, the rater's survey and submission),
 * the event, HR's counts-only view, and the result per focus area once it closed. The pulse's report
 * is what the scoring service would announce: `buildSubjectReport` over the submitted answers.
 */
import { SurveySubmittedV1 } from '@leaderscope/events';
import { getInstrument, PULSE_INSTRUMENT_ID } from '@leaderscope/framework';
import { buildSubjectReport } from '@leaderscope/scoring';
import { ApplyReportUpdateUseCase } from '../publication/apply-report-update.use-case';
import { codeOf, GraphQLAnswer, Organisation, SUBMIT, TestGateway } from '../test-support/test-gateway';
import { PulsesRepository } from './pulses.repository';

const PULSE_FIELDS = `id cycleId subjectId planVersion status startedBy closesAt invited answered anonymityThreshold
  focusAreas { slot kind id label result { n shown mean ci95Low ci95High call } } comments`;
const PULSES = `query($c: ID!, $s: ID!) { pulses(cycleId: $c, subjectId: $s) { ${PULSE_FIELDS} } }`;
const START = `mutation($input: StartPulseInput!) { startPulse(input: $input) { ${PULSE_FIELDS} } }`;
const SAVE_PLAN = `mutation($input: SaveDevelopmentPlanInput!) { saveDevelopmentPlan(input: $input) { version } }`;
const RATER_SURVEY = `query($t: String!) { raterSurvey(token: $t) { cycleName scale { value label } dimensions { id items { id text } } } }`;
const DAY = 86_400_000;

describe('follow-up pulses', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let cycleId: string;
  let benId: string;
  let ben: string; // the leader (l1)
  let ada: string; // Ben's manager
  let cy: string; // a peer, neither leader nor manager of Ben
  let pulseId: string;

  const fields = (answer: GraphQLAnswer) => answer.errors?.[0]?.extensions?.fields?.map((f) => f.field) ?? [];
  const startInput = (extra: Record<string, unknown> = {}) => ({
    cycleId,
    subjectId: benId,
    closesAt: new Date(Date.now() + 14 * DAY).toISOString(),
    ...extra,
  });
  const pulseCount = async () => Number((await gw.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM gateway.pulse`))[0].n);

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme Pulse');
    benId = acme.people.get('l1')!;
    cycleId = await gw.launchedCycle(acme, ['l1']);
    [ben, ada, cy] = await Promise.all(['ben', 'ada', 'cy'].map((p) => acme.signIn(p)));
  });

  afterAll(() => gw?.stop());

  it('starts only from a released cycle whose leader has a plan (CONFLICT), by the leader or HR (FORBIDDEN otherwise)', async () => {
    expect(codeOf(await gw.gql(ben, START, { input: startInput() }))).toBe('CONFLICT'); // not released
    await gw.ok(acme.hr, `mutation($c: ID!) { releaseResults(cycleId: $c) { status } }`, { c: cycleId });
    expect(codeOf(await gw.gql(ben, START, { input: startInput() }))).toBe('CONFLICT'); // no plan yet
    await gw.ok(ben, SAVE_PLAN, {
      input: {
        cycleId,
        focusAreas: [
          { kind: 'dimension', id: 'develops-leaders', actions: 'Monthly growth conversations' },
          { kind: 'item', id: 'al-2', actions: 'Ask for the decision record' },
        ],
        reviewDate: new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10),
      },
    });
    expect(codeOf(await gw.gql(ada, START, { input: startInput() }))).toBe('FORBIDDEN'); // the manager reads, does not start
    expect(codeOf(await gw.gql(cy, START, { input: startInput() }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(cy, PULSES, { c: cycleId, s: benId }))).toBe('FORBIDDEN');
    expect(await pulseCount()).toBe(0);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const soon = await gw.gql(ben, START, { input: startInput({ closesAt: new Date(Date.now() + 3600_000).toISOString() }) });
    expect(codeOf(soon)).toBe('BAD_USER_INPUT');
    expect(fields(soon)).toEqual(['input.closesAt']);
    const late = await gw.gql(ben, START, { input: startInput({ closesAt: new Date(Date.now() + 90 * DAY).toISOString() }) });
    expect(fields(late)).toEqual(['input.closesAt']);
    const malformed = await gw.gql(ben, START, { input: startInput({ cycleId: 'nope' }) });
    expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(malformed.errors)).toContain('cycleId');
    expect(codeOf(await gw.gql(ben, PULSES, { c: 'nope', s: benId }))).toBe('BAD_USER_INPUT');
    expect(await pulseCount()).toBe(0);
    expect(await gw.emitted('pulse.launched')).toHaveLength(0);
  });

  it('the leader starts one: a pulse cycle on the follow-up instrument, the original non-self raters invited, leader and manager told', async () => {
    const started = (await gw.ok(ben, START, { input: startInput() })).startPulse;
    pulseId = started.id;
    const raters: { rater_person_id: string; rater_group: string }[] = await gw.dataSource.query(
      `SELECT rater_person_id, rater_group FROM gateway.assignment WHERE cycle_id = $1 AND subject_id = $2 AND rater_group <> 'self' ORDER BY 1`,
      [cycleId, benId],
    );
    expect(raters.length).toBeGreaterThanOrEqual(3);
    expect(started).toMatchObject({
      cycleId,
      subjectId: benId,
      planVersion: 1,
      status: 'open',
      startedBy: 'leader',
      invited: raters.length,
      answered: 0,
    });
    expect(started.focusAreas.map((a: { slot: string; id: string; result: unknown }) => [a.slot, a.id, a.result])).toEqual([
      ['focus-1', 'develops-leaders', null],
      ['focus-2', 'al-2', null],
    ]);
    const [own] = await gw.dataSource.query(`SELECT kind, status, instrument_id, asked_items FROM gateway.cycle WHERE id = $1`, [pulseId]);
    expect(own).toEqual({ kind: 'pulse', status: 'launched', instrument_id: PULSE_INSTRUMENT_ID, asked_items: ['focus-1', 'focus-2'] });
    const pulseRaters: { rater_person_id: string; rater_group: string }[] = await gw.dataSource.query(
      `SELECT rater_person_id, rater_group FROM gateway.assignment WHERE cycle_id = $1 ORDER BY 1`,
      [pulseId],
    );
    expect(pulseRaters).toEqual(raters);
    // the invitation path of a cycle: one invitation per rater
    const invitations = (await gw.emitted<{ cycleId: string }>('invitation.issued')).filter((e) => e.payload.cycleId === pulseId);
    expect(invitations).toHaveLength(raters.length);
    const [launched] = await gw.emitted<Record<string, unknown>>('pulse.launched', 1);
    expect(launched.payload).toMatchObject({
      pulseId,
      cycleId,
      subjectId: benId,
      focusAreaCount: 2,
      raterCount: raters.length,
      startedBy: 'leader',
      recipients: [expect.objectContaining({ personId: benId, isSubject: true }), expect.objectContaining({ isSubject: false })],
    });
    // never the plan's content: HR's mail outbox shows every mail
    expect(JSON.stringify(launched.payload)).not.toContain('develops-leaders');
    expect(JSON.stringify(launched.payload)).not.toContain('decision record');
    expect(await gw.audited('pulse.started')).toHaveLength(1);
    // one open pulse at a time
    expect(codeOf(await gw.gql(acme.hr, START, { input: startInput() }))).toBe('CONFLICT');
  });

  it("the rater's survey asks only the plan's focus areas, worded with their names, on the -3..+3 scale", async () => {
    const [link] = await gw.links(acme, pulseId);
    const survey = (await gw.ok(null, RATER_SURVEY, { t: link.token })).raterSurvey;
    expect(survey.scale.map((s: { value: number }) => s.value)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    const items = survey.dimensions.flatMap((d: { items: { id: string; text: string }[] }) => d.items);
    expect(items.map((i: { id: string }) => i.id)).toEqual(['focus-1', 'focus-2']);
    const developsLeaders = getInstrument('leader-of-leaders', 1).dimensions.find((d) => d.id === 'develops-leaders')!.name;
    expect(items[0].text).toContain(developsLeaders);
    expect(items[0].text).toContain('Ben Lead');
    // an unasked slot or a value off the scale is refused, naming the field
    const unasked = await gw.gql(null, SUBMIT, {
      input: {
        token: link.token,
        idempotencyKey: crypto.randomUUID(),
        answers: [
          { itemId: 'focus-1', value: 1 },
          { itemId: 'focus-2', value: 1 },
          { itemId: 'focus-3', value: 1 },
        ],
      },
    });
    expect(codeOf(unasked)).toBe('BAD_USER_INPUT');
    expect(fields(unasked)).toContain('input.answers[2].itemId');
    const offScale = await gw.gql(null, SUBMIT, {
      input: {
        token: link.token,
        idempotencyKey: crypto.randomUUID(),
        answers: [
          { itemId: 'focus-1', value: 4 },
          { itemId: 'focus-2', value: 1 },
        ],
      },
    });
    expect(fields(offScale)).toEqual(['input.answers[0].value']);
  });

  it('HR sees the counts only; the leader and manager see the focus areas, with no figure while it is open', async () => {
    // focus-1: every rater answers (2, 1, 2, 3, ...); focus-2: only two peers or reports (not the
    // manager, whose answer is identifiable by design), the rest "not able to rate"
    const links = await gw.links(acme, pulseId);
    let k = 0;
    let focus2 = 0;
    for (const link of links) {
      const answersFocus2 = focus2 < 2 && link.group !== 'manager';
      if (answersFocus2) focus2++;
      const answers = [
        { itemId: 'focus-1', value: [2, 1, 2, 3][k % 4] },
        { itemId: 'focus-2', value: answersFocus2 ? -1 : null },
      ];
      k++;
      // an optional comment on the change (one per pulse: its one dimension)
      const comments = [{ dimensionId: 'change', text: `Comment ${k}` }];
      const receipt = (await gw.ok(null, SUBMIT, { input: { token: link.token, idempotencyKey: crypto.randomUUID(), answers, comments } }))
        .submitSurvey;
      expect(receipt.status).toBe('accepted');
    }
    const submitted = (await gw.emitted<SurveySubmittedV1>('survey.submitted')).filter((e) => e.payload.cycleId === pulseId);
    expect(submitted).toHaveLength(links.length);
    // the unasked slot travels as "not able to rate"; the pulse instrument has no role profile
    expect(submitted[0].payload.answers).toHaveProperty('focus-3', null);
    expect(submitted[0].payload.policy.roleProfileId).toBeNull();

    const [forHr] = (await gw.ok(acme.hr, PULSES, { c: cycleId, s: benId })).pulses;
    expect(forHr).toMatchObject({ id: pulseId, invited: links.length, answered: links.length, focusAreas: null });
    const [forManager] = (await gw.ok(ada, PULSES, { c: cycleId, s: benId })).pulses;
    expect(forManager.status).toBe('open');
    expect(forManager.focusAreas.map((a: { result: unknown }) => a.result)).toEqual([null, null]);
    // the pulse's figures are never a report, a heatmap or a release, not even for HR
    expect(
      codeOf(
        await gw.gql(acme.hr, `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { cycleId } }`, {
          c: pulseId,
          s: benId,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(acme.hr, `mutation($c: ID!) { releaseResults(cycleId: $c) { status } }`, { c: pulseId }))).toBe('CONFLICT');

    // the scoring service's report of the pulse (what it would announce), through the real read model
    const instrument = getInstrument(PULSE_INSTRUMENT_ID, 1);
    const report = buildSubjectReport({
      instrument,
      responses: submitted.map((e) => ({ raterId: e.payload.raterId, group: e.payload.raterGroup, answers: e.payload.answers })),
      comments: submitted.flatMap((e) =>
        Object.entries(e.payload.comments).map(([dimensionId, text]) => ({
          raterId: e.payload.raterId,
          group: e.payload.raterGroup,
          dimensionId,
          text,
        })),
      ),
      policy: { minGroupSize: 3 },
    });
    await gw.get(ApplyReportUpdateUseCase).execute(acme.organisationId, {
      cycleId: pulseId,
      subjectId: benId,
      resultSet: 'live',
      reportVersion: submitted.length,
      instrumentId: PULSE_INSTRUMENT_ID,
      instrumentVersion: 1,
      roleProfileId: null,
      groupCounts: {},
      responseCount: submitted.length,
      report: report,
      scoredAt: new Date().toISOString(),
    });
    // still open: no figure yet
    expect((await gw.ok(ben, PULSES, { c: cycleId, s: benId })).pulses[0].focusAreas[0].result).toBeNull();
  });

  it("HR's cycle list says which cycle is a pulse and what it follows up; a 360 follows up nothing", async () => {
    const lookups = jest.spyOn(gw.get(PulsesRepository), 'pulsesOfCycles');
    const { cycles } = await gw.ok(acme.hr, `{ cycles { id followsUp { cycleId subjectId } } }`);
    expect(cycles.find((c: { id: string }) => c.id === pulseId).followsUp).toEqual({ cycleId, subjectId: benId });
    expect(cycles.find((c: { id: string }) => c.id === cycleId).followsUp).toBeNull();
    // One query for the whole list, not one per cycle.
    expect(cycles.length).toBeGreaterThan(1);
    expect(lookups).toHaveBeenCalledTimes(1);
    expect(new Set(lookups.mock.calls[0][0])).toEqual(new Set(cycles.map((c: { id: string }) => c.id)));
    lookups.mockRestore();
  });

  it('the leader closes it early (not the manager, not another leader, not another organisation), once only', async () => {
    const CLOSE = `mutation($p: ID!) { closePulse(pulseId: $p) { id status } }`;
    const otherOrg = await gw.organisation('Other Pulses');
    for (const refused of [ada, cy, otherOrg.hr]) expect(codeOf(await gw.gql(refused, CLOSE, { p: pulseId }))).toBe('FORBIDDEN');
    expect((await gw.gql(ben, CLOSE, { p: 'not-an-id' })).errors?.[0]?.extensions?.fields).toEqual([
      { field: 'pulseId', message: 'is not a pulse id' },
    ]);
    const [open] = (await gw.ok(ben, PULSES, { c: cycleId, s: benId })).pulses;
    expect(open.status).toBe('open');
    expect((await gw.ok(ben, CLOSE, { p: pulseId })).closePulse).toEqual({ id: pulseId, status: 'closed' });
    expect(codeOf(await gw.gql(ben, CLOSE, { p: pulseId }))).toBe('CONFLICT');
    const closed = (await gw.emitted<{ cycleId: string }>('cycle.closed')).filter((e) => e.payload.cycleId === pulseId);
    expect(closed).toHaveLength(1);
  });

  it('once closed, the leader and manager see each focus area with its mean, 95% interval and n, suppressed below the threshold', async () => {
    const links = await gw.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM gateway.assignment WHERE cycle_id = $1`, [pulseId]);
    const n = Number(links[0].n);
    const values = Array.from({ length: n }, (_, k) => [2, 1, 2, 3][k % 4]);
    const mean = values.reduce((a, b) => a + b, 0) / n;
    for (const viewer of [ben, ada]) {
      const [pulse] = (await gw.ok(viewer, PULSES, { c: cycleId, s: benId })).pulses;
      expect(pulse.status).toBe('closed');
      const [first, second] = pulse.focusAreas;
      expect(first.result).toMatchObject({ shown: true, n });
      expect(first.result.mean).toBeCloseTo(mean, 9);
      expect(first.result.ci95Low).toBeLessThan(mean);
      expect(first.result.ci95High).toBeGreaterThan(mean);
      expect(first.result.call).toBe('more_effective');
      // two answers to focus-2: below the threshold of 3, no mean, no interval, no call
      expect(second.result).toEqual({ n: 2, shown: false, mean: null, ci95Low: null, ci95High: null, call: null });
      // the comments of groups with enough respondents (never the manager's alone: exempt groups' comments are not shown)
      expect(pulse.comments.length).toBeGreaterThanOrEqual(3);
      expect(pulse.comments.every((c: string) => /^Comment \d+$/.test(c))).toBe(true);
    }
    // HR still sees counts only
    const [forHr] = (await gw.ok(acme.hr, PULSES, { c: cycleId, s: benId })).pulses;
    expect(forHr.focusAreas).toBeNull();
    expect(forHr.comments).toBeNull();
  });
  it('asks new raters too: the leader adds peers and partners, checked as nominations are, every fault named and nothing created', async () => {
    const kimId = acme.people.get('x1')!; // Kim: a partner of Ben's, not one of his raters in the cycle
    const cyId = acme.people.get('l2')!; // Cy: already one of Ben's raters (a peer)
    const before = await pulseCount();
    const refused = await gw.gql(ben, START, {
      input: startInput({
        newRaters: [
          { personId: kimId, group: 'direct_report' }, // a leader adds only peers and partners
          { personId: cyId, group: 'peer' }, // already asked
          { personId: benId, group: 'other' }, // the leader themself
          { personId: crypto.randomUUID(), group: 'peer' }, // nobody
          { personId: kimId, group: 'other' }, // twice
          { personId: acme.people.get('m1')!, group: 'self' },
        ],
      }),
    });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(fields(refused)).toEqual([
      'input.newRaters[0].group',
      'input.newRaters[1].personId',
      'input.newRaters[2].personId',
      'input.newRaters[3].personId',
      'input.newRaters[4].personId',
      'input.newRaters[5].group',
      'input.newRaters[5].personId',
    ]);
    const tooMany = await gw.gql(ben, START, {
      input: startInput({ newRaters: Array.from({ length: 21 }, () => ({ personId: kimId, group: 'other' })) }),
    });
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(tooMany.errors)).toContain('newRaters');
    expect(await pulseCount()).toBe(before);

    const original: { rater_person_id: string; rater_group: string }[] = await gw.dataSource.query(
      `SELECT rater_person_id, rater_group FROM gateway.assignment WHERE cycle_id = $1 AND subject_id = $2 AND rater_group <> 'self'`,
      [cycleId, benId],
    );
    const started = (await gw.ok(ben, START, { input: startInput({ newRaters: [{ personId: kimId, group: 'other' }] }) })).startPulse;
    expect(started.invited).toBe(original.length + 1);
    const asked: { rater_person_id: string; rater_group: string }[] = await gw.dataSource.query(
      `SELECT rater_person_id, rater_group FROM gateway.assignment WHERE cycle_id = $1`,
      [started.id],
    );
    expect(asked).toContainEqual({ rater_person_id: kimId, rater_group: 'other' });
    expect(asked.filter((a) => a.rater_person_id !== kimId).sort((a, b) => a.rater_person_id.localeCompare(b.rater_person_id))).toEqual(
      original.sort((a, b) => a.rater_person_id.localeCompare(b.rater_person_id)),
    );
    const [nomination] = await gw.dataSource.query(`SELECT source, status FROM gateway.nomination WHERE cycle_id = $1 AND rater_id = $2`, [
      started.id,
      kimId,
    ]);
    expect(nomination).toEqual({ source: 'subject', status: 'approved' });
    // Kim got her invitation like every rater, and the audit says how many were added (never who)
    const invited = (await gw.emitted<{ cycleId: string; raterPersonId?: string }>('invitation.issued')).filter(
      (e) => e.payload.cycleId === started.id,
    );
    expect(invited).toHaveLength(original.length + 1);
    const audits = await gw.audited('pulse.started');
    expect(audits[audits.length - 1]).toMatchObject({ detail: { raters: original.length + 1, newRaters: 1 } });
  });
});
