/** Cycles through GraphQL on a real PostgreSQL: creating, subjects, the state transitions and their refusals. */
import { DEFAULT_MIN_RATERS } from '@leaderscope/vocabulary';
import { ADD_SUBJECTS, codeOf, CREATE_CYCLE, cycleInput, LAUNCH, Organisation, TestGateway } from '../test-support/test-gateway';
import { CycleEntity } from './cycle.entity';

const CYCLE_FIELDS = `id name status instrumentId instrumentVersion roleProfileId anonymityThreshold minRaters { group count }
  maxRatersPerGroup reminderDaysBeforeClose opensAt closesAt launchedAt closedAt releasedAt subjects { employeeId }`;
const CLOSE = `mutation($c: ID!) { closeCycle(cycleId: $c) { id status closedAt closesAt releasedAt } }`;
const RELEASE = `mutation($c: ID!) { releaseResults(cycleId: $c) { id status releasedAt } }`;
const RESCORE = `mutation($c: ID!, $v: Int, $p: String) { rescoreCycle(cycleId: $c, instrumentVersion: $v, roleProfileId: $p) {
  rescoreId cycleId instrumentVersion roleProfileId } }`;

describe('cycles', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let ben: string;
  const fields = (answer: { errors?: { extensions?: { fields?: { field: string; message: string }[] } }[] }) =>
    answer.errors?.[0]?.extensions?.fields?.map((f) => f.field);
  const stored = (id: string) => gw.dataSource.getRepository(CycleEntity).findOneByOrFail({ id });

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    other = await gw.organisation('Other Org');
    ben = await acme.signIn('ben');
  });

  afterAll(() => gw?.stop());

  describe('createCycle', () => {
    it('creates a draft with the defaults: latest instrument, leader-of-leaders profile, threshold 3, default minimums, audited', async () => {
      const created = (
        await gw.ok(acme.hr, `mutation($input: CreateCycleInput!) { createCycle(input: $input) { ${CYCLE_FIELDS} } }`, {
          input: cycleInput('Defaults'),
        })
      ).createCycle;
      expect(created).toMatchObject({
        name: 'Defaults',
        status: 'DRAFT',
        instrumentId: 'leader-of-leaders',
        instrumentVersion: 2,
        roleProfileId: 'leader-of-leaders',
        anonymityThreshold: 3,
        maxRatersPerGroup: 8,
        reminderDaysBeforeClose: [3],
        launchedAt: null,
        closedAt: null,
        releasedAt: null,
        subjects: [],
      });
      expect(Object.fromEntries(created.minRaters.map((m: { group: string; count: number }) => [m.group, m.count]))).toEqual(
        DEFAULT_MIN_RATERS,
      );
      expect((await gw.audited('cycle.created')).map((a) => a.target)).toContain(`cycle:${created.id}`);
    });

    it('keeps the minimums HR sets over the defaults, and reminder days once each, latest first', async () => {
      const created = (
        await gw.ok(acme.hr, `mutation($input: CreateCycleInput!) { createCycle(input: $input) { ${CYCLE_FIELDS} } }`, {
          input: cycleInput('Custom', {
            instrumentVersion: 1,
            roleProfileId: 'function-head',
            anonymityThreshold: 4,
            minRaters: [
              { group: 'peer', count: 5 },
              { group: 'skip_level', count: 2 },
            ],
            reminderDaysBeforeClose: [1, 7, 3, 7],
          }),
        })
      ).createCycle;
      expect(created).toMatchObject({
        instrumentVersion: 1,
        roleProfileId: 'function-head',
        anonymityThreshold: 4,
        reminderDaysBeforeClose: [7, 3, 1],
      });
      expect(created.minRaters).toEqual([
        { group: 'self', count: 1 },
        { group: 'manager', count: 1 },
        { group: 'peer', count: 5 },
        { group: 'direct_report', count: 3 },
        { group: 'skip_level', count: 2 },
      ]);
    });

    it('refuses an unknown instrument, version or role profile, naming the field, and creates nothing', async () => {
      const before = (await gw.ok(acme.hr, `{ cycles { id } }`)).cycles.length;
      const refused = async (extra: Record<string, unknown>) => {
        const answer = await gw.gql(acme.hr, CREATE_CYCLE, { input: cycleInput('Bad', extra) });
        expect(codeOf(answer)).toBe('BAD_USER_INPUT');
        return fields(answer);
      };
      expect(await refused({ instrumentId: 'no-such-instrument' })).toEqual(['input.instrumentId']);
      expect(await refused({ instrumentVersion: 99 })).toEqual(['input.instrumentVersion']);
      expect(await refused({ roleProfileId: 'astronaut' })).toEqual(['input.roleProfileId']);
      expect((await gw.ok(acme.hr, `{ cycles { id } }`)).cycles).toHaveLength(before);
    });

    it('refuses a calendar that ends before it starts or is already over', async () => {
      const now = Date.now();
      const backwards = await gw.gql(acme.hr, CREATE_CYCLE, {
        input: cycleInput('Bad', {
          opensAt: new Date(now + 5 * 86400_000).toISOString(),
          closesAt: new Date(now + 86400_000).toISOString(),
        }),
      });
      expect(backwards.errors![0].extensions!.fields).toEqual([{ field: 'input.closesAt', message: 'must be after opensAt' }]);
      const over = await gw.gql(acme.hr, CREATE_CYCLE, {
        input: cycleInput('Bad', {
          opensAt: new Date(now - 5 * 86400_000).toISOString(),
          closesAt: new Date(now - 86400_000).toISOString(),
        }),
      });
      expect(over.errors![0].extensions!.fields).toEqual([{ field: 'input.closesAt', message: 'must be in the future' }]);
    });

    it('refuses a group listed twice, a minimum above the maximum, and a threshold below 2', async () => {
      const twice = await gw.gql(acme.hr, CREATE_CYCLE, {
        input: cycleInput('Bad', {
          minRaters: [
            { group: 'peer', count: 1 },
            { group: 'peer', count: 2 },
          ],
        }),
      });
      expect(fields(twice)).toEqual(['input.minRaters[1].group']);
      const above = await gw.gql(acme.hr, CREATE_CYCLE, { input: cycleInput('Bad', { maxRatersPerGroup: 2 }) });
      expect(above.errors![0].extensions!.fields).toEqual([
        { field: 'input.minRaters', message: 'peer minimum 3 is above maxRatersPerGroup 2' },
        { field: 'input.minRaters', message: 'direct_report minimum 3 is above maxRatersPerGroup 2' },
      ]);
      const threshold = await gw.gql(acme.hr, CREATE_CYCLE, { input: cycleInput('Bad', { anonymityThreshold: 1 }) });
      expect(codeOf(threshold)).toBe('BAD_USER_INPUT');
      expect(fields(threshold)).toEqual(['input.anonymityThreshold']);
    });

    it('is HR-only', async () => {
      expect(codeOf(await gw.gql(ben, CREATE_CYCLE, { input: cycleInput() }))).toBe('FORBIDDEN');
    });
  });

  describe('addSubjects', () => {
    it('adds people of the organisation once each, and only to a draft', async () => {
      const id = await gw.draftCycle(acme, []);
      await gw.ok(acme.hr, ADD_SUBJECTS, { c: id, p: [acme.people.get('l1')] });
      const twice = (await gw.ok(acme.hr, ADD_SUBJECTS, { c: id, p: [acme.people.get('l1'), acme.people.get('l2')] })).addSubjects;
      expect(twice.subjects.map((s: { employeeId: string }) => s.employeeId).sort()).toEqual(['l1', 'l2']);
      await gw.ok(acme.hr, LAUNCH, { c: id });
      const late = await gw.gql(acme.hr, ADD_SUBJECTS, { c: id, p: [acme.people.get('l3')] });
      expect(codeOf(late)).toBe('CONFLICT');
      expect(late.errors![0].message).toBe('Cannot add subjects: the cycle is launched (needs draft)');
    });

    it('refuses an empty list and anyone not in the organisation, naming each, and adds nobody', async () => {
      const id = await gw.draftCycle(acme, []);
      expect(fields(await gw.gql(acme.hr, ADD_SUBJECTS, { c: id, p: [] }))).toEqual(['personIds']);
      const strangers = await gw.gql(acme.hr, ADD_SUBJECTS, {
        c: id,
        p: [acme.people.get('l1'), other.people.get('l1'), 'not-an-id'],
      });
      expect(codeOf(strangers)).toBe('BAD_USER_INPUT');
      expect(fields(strangers)).toEqual(['personIds[1]', 'personIds[2]']);
      expect((await gw.ok(acme.hr, `query($c: ID!) { cycle(id: $c) { subjects { id } } }`, { c: id })).cycle.subjects).toEqual([]);
    });

    it("refuses another organisation's cycle like a missing one, and non-HR", async () => {
      const id = await gw.draftCycle(acme, []);
      expect(codeOf(await gw.gql(other.hr, ADD_SUBJECTS, { c: id, p: [other.people.get('l1')] }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(ben, ADD_SUBJECTS, { c: id, p: [acme.people.get('l1')] }))).toBe('FORBIDDEN');
    });
  });

  describe('launch, close, release', () => {
    it('refuses to launch a cycle without subjects, and a cycle twice', async () => {
      const empty = await gw.draftCycle(acme, []);
      const answer = await gw.gql(acme.hr, LAUNCH, { c: empty });
      expect(answer.errors![0].extensions!.fields).toEqual([{ field: 'cycleId', message: 'the cycle has no subjects yet' }]);
      expect((await stored(empty)).status).toBe('draft');
      const id = await gw.draftCycle(acme, ['l1']);
      expect((await gw.ok(acme.hr, LAUNCH, { c: id })).launchCycle).toMatchObject({ status: 'LAUNCHED', launchedAt: expect.any(String) });
      expect(codeOf(await gw.gql(acme.hr, LAUNCH, { c: id }))).toBe('CONFLICT');
    });

    it('closes only a launched cycle: links stop, the close date moves forward, events and audit go out in the same commit', async () => {
      const draft = await gw.draftCycle(acme, ['l1']);
      const early = await gw.gql(acme.hr, CLOSE, { c: draft });
      expect(codeOf(early)).toBe('CONFLICT');
      expect(early.errors![0].message).toBe('Cannot close: the cycle is draft (needs launched)');
      await gw.ok(acme.hr, LAUNCH, { c: draft });
      const planned = (await stored(draft)).closesAt;
      const closed = (await gw.ok(acme.hr, CLOSE, { c: draft })).closeCycle;
      expect(closed).toMatchObject({ status: 'CLOSED', releasedAt: null });
      expect(closed.closesAt).toBe(closed.closedAt);
      expect(new Date(closed.closedAt).getTime()).toBeLessThan(planned.getTime());
      expect((await gw.emitted('cycle.closed')).filter((e) => e.payload.cycleId === draft)).toHaveLength(1);
      expect((await gw.emitted('cycle.score-requested')).filter((e) => e.payload.cycleId === draft).map((e) => e.payload)).toEqual([
        expect.objectContaining({ resultSet: 'live', closed: true }),
      ]);
      expect((await gw.audited('cycle.closed')).map((a) => a.target)).toContain(`cycle:${draft}`);
      expect(codeOf(await gw.gql(acme.hr, CLOSE, { c: draft }))).toBe('CONFLICT');
    });

    it('releases a launched or closed cycle once; closing a released cycle keeps it released', async () => {
      const draft = await gw.draftCycle(acme, ['l1']);
      expect(codeOf(await gw.gql(acme.hr, RELEASE, { c: draft }))).toBe('CONFLICT');
      await gw.ok(acme.hr, LAUNCH, { c: draft });
      expect((await gw.ok(acme.hr, RELEASE, { c: draft })).releaseResults).toMatchObject({
        status: 'LAUNCHED',
        releasedAt: expect.any(String),
      });
      expect((await gw.ok(acme.hr, CLOSE, { c: draft })).closeCycle).toMatchObject({ status: 'RELEASED', closedAt: expect.any(String) });
      expect(codeOf(await gw.gql(acme.hr, RELEASE, { c: draft }))).toBe('CONFLICT');

      const closedFirst = await gw.launchedCycle(acme, ['l1']);
      await gw.ok(acme.hr, CLOSE, { c: closedFirst });
      expect((await gw.ok(acme.hr, RELEASE, { c: closedFirst })).releaseResults.status).toBe('RELEASED');
    });

    it('serialises transitions on the cycle row: two launches make one set of links, close racing release ends released', async () => {
      const id = await gw.draftCycle(acme, ['l1']);
      await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { id } }`, { c: id });
      await gw.ok(acme.hr, `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { id } }`, {
        c: id,
        s: acme.people.get('l1'),
      });
      const launches = await Promise.all([1, 2, 3].map(() => gw.gql(acme.hr, LAUNCH, { c: id })));
      expect(launches.map(codeOf).sort()).toEqual(['CONFLICT', 'CONFLICT', undefined]);
      const links: { count: string }[] = await gw.dataSource.query(`SELECT count(*) AS count FROM gateway.assignment WHERE cycle_id = $1`, [
        id,
      ]);
      expect(Number(links[0].count)).toBe(10); // one per approved rater, once
      expect((await gw.emitted('invitation.issued', 2)).filter((e) => e.payload.cycleId === id)).toHaveLength(10);

      for (let round = 0; round < 3; round++) {
        const race = await gw.launchedCycle(acme, ['l2']);
        const answers = await Promise.all([gw.gql(acme.hr, CLOSE, { c: race }), gw.gql(acme.hr, RELEASE, { c: race })]);
        expect(answers.map((a) => a.errors)).toEqual([undefined, undefined]);
        expect(await stored(race)).toMatchObject({ status: 'released', closedAt: expect.any(Date), releasedAt: expect.any(Date) });
      }
    });

    it('refuses every transition to non-HR and on a cycle of another organisation', async () => {
      const id = await gw.launchedCycle(acme, ['l1']);
      for (const query of [LAUNCH, CLOSE, RELEASE, RESCORE]) {
        expect(codeOf(await gw.gql(ben, query, { c: id }))).toBe('FORBIDDEN');
        expect(codeOf(await gw.gql(other.hr, query, { c: id }))).toBe('FORBIDDEN');
      }
      expect((await stored(id)).status).toBe('launched');
    });
  });

  describe('rescoreCycle', () => {
    it('is refused on a draft', async () => {
      const draft = await gw.draftCycle(acme, ['l1']);
      const answer = await gw.gql(acme.hr, RESCORE, { c: draft, v: 1 });
      expect(codeOf(answer)).toBe('CONFLICT');
      expect(answer.errors![0].message).toBe('Cannot rescore: the cycle is draft (needs launched or closed or released)');
    });

    it('asks the scoring service for a rescore under the cycle threshold, audited, and answers with its id', async () => {
      const id = await gw.launchedCycle(acme, ['l1'], { anonymityThreshold: 4 });
      const request = (await gw.ok(acme.hr, RESCORE, { c: id, v: 1, p: 'leader-of-others' })).rescoreCycle;
      expect(request).toEqual({ rescoreId: expect.any(String), cycleId: id, instrumentVersion: 1, roleProfileId: 'leader-of-others' });
      const events = (await gw.emitted('cycle.rescore-requested')).filter((e) => e.payload.cycleId === id);
      expect(events.map((e) => e.payload)).toEqual([
        expect.objectContaining({
          rescoreId: request.rescoreId,
          instrumentId: 'leader-of-leaders',
          instrumentVersion: 1,
          roleProfileId: 'leader-of-others',
          minGroupSize: 4,
        }),
      ]);
      const audit = (await gw.audited('cycle.rescore-requested')).find((a) => a.target === `cycle:${id}`);
      expect(audit?.detail).toEqual({ rescoreId: request.rescoreId, instrumentVersion: 1, roleProfileId: 'leader-of-others' });
      // Without arguments: the cycle's own version and profile.
      expect((await gw.ok(acme.hr, RESCORE, { c: id })).rescoreCycle).toMatchObject({
        instrumentVersion: 2,
        roleProfileId: 'leader-of-leaders',
      });
    });

    it('refuses an unknown version or role profile, naming the argument, and emits nothing', async () => {
      const id = await gw.launchedCycle(acme, ['l1']);
      const version = await gw.gql(acme.hr, RESCORE, { c: id, v: 42 });
      expect(codeOf(version)).toBe('BAD_USER_INPUT');
      expect(fields(version)).toEqual(['instrumentVersion']);
      const profile = await gw.gql(acme.hr, RESCORE, { c: id, p: 'astronaut' });
      expect(profile.errors![0].extensions!.fields).toEqual([{ field: 'roleProfileId', message: 'unknown role profile "astronaut"' }]);
      expect((await gw.emitted('cycle.rescore-requested')).filter((e) => e.payload.cycleId === id)).toEqual([]);
    });
  });
});
