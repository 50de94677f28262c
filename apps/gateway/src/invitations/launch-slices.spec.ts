/**
 * The launch in slices (issue #16) on a real PostgreSQL: each slice's assignments and events commit
 * together, the cycle is `launching` (never `launched`) until every subject is, a launch that fails
 * part-way keeps its committed slices and nothing of the failed one, and launching again resumes it
 * (also twice at once) without inviting anyone twice.
 */
import { codeOf, LAUNCH, Organisation, SURVEY, TestGateway } from '../test-support/test-gateway';
import { LaunchCycleUseCase } from './launch-cycle.use-case';

const STATUS = `query($c: ID!) { cycle(id: $c) { status launchedAt launchProgress { subjectsLaunched subjectsTotal } } }`;
const SUBJECTS = ['ceo', 'l1', 'l2', 'l3', 'm1', 'm2'];

describe('launchCycle in slices', () => {
  let gw: TestGateway;
  let acme: Organisation;
  const slice = LaunchCycleUseCase.sliceSubjects;

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    LaunchCycleUseCase.sliceSubjects = 2;
  });

  afterAll(async () => {
    LaunchCycleUseCase.sliceSubjects = slice;
    await gw?.stop();
  });

  /** A draft over SUBJECTS with every proposed rater approved by HR; its subjects in launch (id) order. */
  async function approvedDraft(): Promise<{ id: string; order: string[] }> {
    const id = await gw.draftCycle(acme, SUBJECTS);
    await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: id });
    await gw.ok(acme.hr, `mutation($c: ID!) { approveNominations(cycleId: $c) { changed } }`, { c: id });
    const order: { id: string }[] = await gw.dataSource.query(
      `SELECT person_id AS id FROM "gateway"."cycle_subject" WHERE cycle_id = $1 ORDER BY person_id`,
      [id],
    );
    return { id, order: order.map((r) => r.id) };
  }

  /** Per subject: approved raters, assignments, invitation events, pseudonym events. */
  async function written(cycleId: string) {
    const approved: { subject: string; n: number }[] = await gw.dataSource.query(
      `SELECT subject_id AS subject, count(*)::int AS n FROM "gateway"."nomination" WHERE cycle_id = $1 AND status = 'approved' GROUP BY 1`,
      [cycleId],
    );
    const assigned: { subject: string; n: number; raters: number }[] = await gw.dataSource.query(
      `SELECT subject_id AS subject, count(*)::int AS n, count(DISTINCT rater_person_id)::int AS raters
       FROM "gateway"."assignment" WHERE cycle_id = $1 GROUP BY 1`,
      [cycleId],
    );
    const invitations = (await gw.emitted<{ cycleId: string; assignmentId: string; subjectId: string }>('invitation.issued', 2)).filter(
      (e) => e.payload.cycleId === cycleId,
    );
    const pseudonyms = (await gw.emitted<{ cycleId: string; subjectId: string }>('cycle.rater-pseudonyms')).filter(
      (e) => e.payload.cycleId === cycleId,
    );
    return {
      approved: new Map(approved.map((r) => [r.subject, r.n])),
      assigned: new Map(assigned.map((r) => [r.subject, r.n])),
      distinctRaters: new Map(assigned.map((r) => [r.subject, r.raters])),
      invitations,
      pseudonyms,
    };
  }

  it('launches every subject in slices: one assignment and one invitation per approved rater, one pseudonym event per subject', async () => {
    const { id, order } = await approvedDraft();
    const launched = (await gw.ok(acme.hr, LAUNCH, { c: id })).launchCycle;
    expect(launched.status).toBe('LAUNCHED');
    const w = await written(id);
    expect([...w.assigned.keys()].sort()).toEqual([...order].sort());
    for (const s of order) {
      expect(w.assigned.get(s)).toBe(w.approved.get(s));
      expect(w.distinctRaters.get(s)).toBe(w.approved.get(s));
    }
    const total = [...w.approved.values()].reduce((a, b) => a + b, 0);
    expect(w.invitations).toHaveLength(total);
    expect(new Set(w.invitations.map((e) => e.payload.assignmentId)).size).toBe(total);
    expect(w.pseudonyms.map((e) => e.payload.subjectId).sort()).toEqual([...order].sort());
    expect((await gw.ok(acme.hr, STATUS, { c: id })).cycle.launchProgress).toEqual({ subjectsLaunched: 6, subjectsTotal: 6 });
    expect((await gw.audited('cycle.launched')).filter((a) => a.target === `cycle:${id}`).map((a) => a.detail)).toEqual([
      { assignments: total },
    ]);
  });

  it('keeps the slices committed before a failure and nothing of the failed one; the cycle stays LAUNCHING and launching again resumes it', async () => {
    const { id, order } = await approvedDraft();
    // The second slice (subjects 3 and 4 in id order) fails part-way, after its first rows are written.
    await gw.dataSource.query(`
      CREATE FUNCTION "gateway"."test_interrupt_launch"() RETURNS trigger AS $$
      BEGIN
        IF NEW.subject_id = '${order[3]}' THEN RAISE EXCEPTION 'launch interrupted'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await gw.dataSource.query(
      `CREATE TRIGGER "test_interrupt_launch" BEFORE INSERT ON "gateway"."assignment" FOR EACH ROW EXECUTE FUNCTION "gateway"."test_interrupt_launch"()`,
    );
    let interrupted;
    try {
      interrupted = await gw.gql(acme.hr, LAUNCH, { c: id });
    } finally {
      await gw.dataSource.query(`DROP TRIGGER "test_interrupt_launch" ON "gateway"."assignment"`);
      await gw.dataSource.query(`DROP FUNCTION "gateway"."test_interrupt_launch"()`);
    }
    expect(interrupted.errors?.length).toBeGreaterThan(0);

    // Half-launched, and shown so: the first slice with its events, nothing of the second.
    const cycle = (await gw.ok(acme.hr, STATUS, { c: id })).cycle;
    expect(cycle).toEqual({ status: 'LAUNCHING', launchedAt: null, launchProgress: { subjectsLaunched: 2, subjectsTotal: 6 } });
    const half = await written(id);
    expect([...half.assigned.keys()].sort()).toEqual(order.slice(0, 2).sort());
    expect(half.invitations.map((e) => e.payload.subjectId).sort()).toEqual(
      order
        .slice(0, 2)
        .flatMap((s) => Array(half.approved.get(s)).fill(s))
        .sort(),
    );
    expect(half.pseudonyms.map((e) => e.payload.subjectId).sort()).toEqual(order.slice(0, 2).sort());
    expect((await gw.audited('cycle.launched')).filter((a) => a.target === `cycle:${id}`)).toEqual([]);

    // While launching: nominations and subjects are frozen, the cycle cannot be closed, and an
    // invited rater's link works.
    expect(codeOf(await gw.gql(acme.hr, `mutation($c: ID!) { approveNominations(cycleId: $c) { changed } }`, { c: id }))).toBe('CONFLICT');
    expect(codeOf(await gw.gql(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: id }))).toBe('CONFLICT');
    expect(
      codeOf(
        await gw.gql(acme.hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, {
          c: id,
          p: [acme.people.get('x1')],
        }),
      ),
    ).toBe('CONFLICT');
    expect(codeOf(await gw.gql(acme.hr, `mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`, { c: id }))).toBe('CONFLICT');
    const link = (await gw.links(acme, id))[0];
    const survey = (await gw.ok(null, SURVEY, { t: link.token })).raterSurvey;
    expect(survey).toMatchObject({ status: 'invited', closedAt: null });
    expect(survey.dimensions.length).toBeGreaterThan(0);

    // Resumed twice at once: both answer the launched cycle; every rater is invited exactly once.
    const [a, b] = await Promise.all([gw.ok(acme.hr, LAUNCH, { c: id }), gw.ok(acme.hr, LAUNCH, { c: id })]);
    expect(a.launchCycle.status).toBe('LAUNCHED');
    expect(b.launchCycle.status).toBe('LAUNCHED');
    const w = await written(id);
    for (const s of order) {
      expect(w.assigned.get(s)).toBe(w.approved.get(s));
      expect(w.distinctRaters.get(s)).toBe(w.approved.get(s));
    }
    const total = [...w.approved.values()].reduce((x, y) => x + y, 0);
    expect(w.invitations).toHaveLength(total);
    expect(new Set(w.invitations.map((e) => e.payload.assignmentId)).size).toBe(total);
    expect(w.pseudonyms.map((e) => e.payload.subjectId).sort()).toEqual([...order].sort());
    expect((await gw.ok(acme.hr, STATUS, { c: id })).cycle.launchProgress).toEqual({ subjectsLaunched: 6, subjectsTotal: 6 });
    expect((await gw.audited('cycle.launched')).filter((x) => x.target === `cycle:${id}`).map((x) => x.detail)).toEqual([
      { assignments: total },
    ]);
    // And once launched, launching again is refused.
    expect(codeOf(await gw.gql(acme.hr, LAUNCH, { c: id }))).toBe('CONFLICT');
  });
});
