/** A cycle's state transitions through GraphQL on a real PostgreSQL: launch, close, release, rescore, their refusals and row locks. */
import { codeOf, LAUNCH, Organisation, TestGateway } from '../test-support/test-gateway';
import { CycleEntity } from './cycle.entity';

const CLOSE = `mutation($c: ID!) { closeCycle(cycleId: $c) { id status closedAt closesAt releasedAt } }`;
const RELEASE = `mutation($c: ID!) { releaseResults(cycleId: $c) { id status releasedAt } }`;
const RESCORE = `mutation($c: ID!, $v: Int, $p: String) { rescoreCycle(cycleId: $c, instrumentVersion: $v, roleProfileId: $p) {
  rescoreId cycleId instrumentVersion roleProfileId } }`;

describe('cycle transitions', () => {
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

  describe('launch, close, release', () => {
    it('refuses to launch a cycle without subjects, and a cycle twice', async () => {
      const empty = await gw.draftCycle(acme, []);
      const answer = await gw.gql(acme.hr, LAUNCH, { c: empty });
      expect(answer.errors![0].extensions!.fields).toEqual([
        { field: 'cycleId', message: 'the cycle has no subjects yet', code: 'noSubjects' },
      ]);
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
      expect(early.errors![0].extensions).toMatchObject({ reason: 'wrongStatus', values: { action: 'close', status: 'draft' } });
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
      await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: id });
      await gw.ok(acme.hr, `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed } }`, {
        c: id,
        s: acme.people.get('l1'),
      });
      const launches = await Promise.all([1, 2, 3].map(() => gw.gql(acme.hr, LAUNCH, { c: id })));
      // A launch that finds the draft begun by another is refused (CONFLICT); one that reads the cycle
      // after the other began it resumes that launch instead (an interrupted launch is resumed, see
      // LaunchCycleUseCase), so how many are refused depends on timing: one or more succeed, the
      // rest are CONFLICT, and the links are made once.
      const codes = launches.map(codeOf);
      expect(codes.every((c) => c === undefined || c === 'CONFLICT')).toBe(true);
      expect(codes.filter((c) => c === undefined).length).toBeGreaterThanOrEqual(1);
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
