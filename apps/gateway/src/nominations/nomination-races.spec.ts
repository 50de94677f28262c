/**
 * Nominations and approvals are atomic and audited: each change is one transaction under the
 * cycle's row lock with one audit record per nomination changed; approvals and nominations racing
 * each other leave no mixed state, and repeating one changes and records nothing.
 */
import { Organisation, TestGateway, CREATE_CYCLE, cycleInput } from '../test-support/test-gateway';

const NOMINATE = `mutation($input: NominateRaterInput!) { nominateRater(input: $input) { id } }`;
const APPROVE = `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed nominations { id status } } }`;

type Audit = { action: string; target: string; detail: { toStatus?: string | null; fromStatus?: string | null } };

describe('nominations and approvals under races', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let cycleId: string;
  let subjectId: string;
  let ben: string; // the subject
  let ada: string; // his manager

  const nominations = () =>
    gw.dataSource.query<{ id: string; status: string; raterId: string }[]>(
      `SELECT id, status, rater_id AS "raterId" FROM gateway.nomination WHERE cycle_id = $1 AND subject_id = $2`,
      [cycleId, subjectId],
    );
  const audits = () =>
    gw.dataSource.query<Audit[]>(`SELECT action, target, detail FROM gateway.audit_event WHERE action LIKE 'nomination.%' ORDER BY id`);

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    subjectId = acme.people.get('l1')!;
    cycleId = (await gw.ok(acme.hr, CREATE_CYCLE, { input: cycleInput('Races', { maxRatersPerGroup: 8 }) })).createCycle.id;
    await gw.ok(acme.hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, {
      c: cycleId,
      p: [subjectId],
    });
    [ben, ada] = await Promise.all(['ben', 'ada'].map((p) => acme.signIn(p)));
    await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: cycleId });
  });

  afterAll(() => gw?.stop());

  it('two approvals at once (and more) approve each proposal once, with one audit record each; a removal racing them leaves a consistent trail', async () => {
    await gw.ok(ben, NOMINATE, { input: { cycleId, subjectId, raterId: acme.people.get('x1'), group: 'other' } });
    const proposed = (await nominations()).filter((n) => n.status === 'proposed');
    expect(proposed.length).toBeGreaterThanOrEqual(8);
    const answers = await Promise.all([
      gw.gql(ada, APPROVE, { c: cycleId, s: subjectId }),
      gw.gql(acme.hr, APPROVE, { c: cycleId, s: subjectId }),
      gw.gql(ada, APPROVE, { c: cycleId, s: subjectId }),
      gw.gql(acme.hr, APPROVE, { c: cycleId, s: subjectId }),
      gw.gql(ben, NOMINATE, { input: { cycleId, subjectId, raterId: acme.people.get('x1'), group: 'other', remove: true } }),
    ]);
    for (const a of answers) expect(a.errors).toBeUndefined();
    const after = await nominations();
    const trail = await audits();
    // Each nomination approved exactly once, whichever approval got there first.
    const approvals = trail.filter((a) => a.action === 'nomination.approved').map((a) => a.target);
    expect(new Set(approvals).size).toBe(approvals.length);
    // No mixed state: every nomination is where its audit trail says (proposals start as proposed).
    for (const n of after) {
      const last = trail.filter((a) => a.target === `nomination:${n.id}`).at(-1);
      expect([n.raterId, n.status]).toEqual([n.raterId, last?.detail.toStatus ?? 'proposed']);
    }
    expect(after.filter((n) => n.status === 'proposed')).toEqual([]);
    expect(after.find((n) => n.raterId === acme.people.get('x1'))!.status).toBe('removed');
    for (const p of proposed.filter((p) => p.raterId !== acme.people.get('x1')))
      expect(after.find((n) => n.id === p.id)!.status).toBe('approved');
    // The removal came before or after the approvals, never in between: x1 was approved once or not at all.
    const x1 = trail.filter((a) => a.target === `nomination:${proposed.find((p) => p.raterId === acme.people.get('x1'))!.id}`);
    expect(x1.map((a) => a.action)).toEqual(
      x1.length === 3 ? ['nomination.added', 'nomination.approved', 'nomination.removed'] : ['nomination.added', 'nomination.removed'],
    );
    console.log(`nomination races: ${proposed.length} proposals, ${approvals.length} approval records from 4 concurrent approvals`);
  });

  it('repeating an approval or a nomination changes and records nothing; the same nomination sent twice at once is added once', async () => {
    const before = (await audits()).length;
    await gw.ok(ada, APPROVE, { c: cycleId, s: subjectId });
    await gw.ok(ben, NOMINATE, { input: { cycleId, subjectId, raterId: acme.people.get('x1'), group: 'other', remove: true } });
    expect((await audits()).length).toBe(before);
    const twice = await Promise.all(
      [1, 2, 3].map(() => gw.gql(acme.hr, NOMINATE, { input: { cycleId, subjectId, raterId: acme.people.get('e2'), group: 'peer' } })),
    );
    for (const a of twice) expect(a.errors).toBeUndefined();
    const e2 = (await nominations()).filter((n) => n.raterId === acme.people.get('e2'));
    const trail = (await audits()).slice(before);
    // e2 was approved as a skip-level above: HR's nomination changes it once, into an approved peer.
    expect(e2).toHaveLength(1);
    expect(e2[0].status).toBe('approved');
    expect(trail.map((a) => [a.action, a.target])).toEqual([['nomination.changed', `nomination:${e2[0].id}`]]);
  });

  it('a nomination racing the launch is either refused or invited: never approved and left without a link', async () => {
    for (let round = 0; round < 3; round++) {
      const c = (
        await gw.ok(acme.hr, CREATE_CYCLE, {
          input: cycleInput(`Launch race ${round}`, { maxRatersPerGroup: 8, minRaters: [{ group: 'peer', count: 1 }] }),
        })
      ).createCycle.id;
      await gw.ok(acme.hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, { c, p: [subjectId] });
      await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c });
      await gw.ok(ada, APPROVE, { c, s: subjectId });
      const [launch, nominate] = await Promise.all([
        gw.gql(acme.hr, `mutation($c: ID!) { launchCycle(cycleId: $c) { status } }`, { c }),
        gw.gql(acme.hr, NOMINATE, { input: { cycleId: c, subjectId, raterId: acme.people.get('x1'), group: 'other' } }),
      ]);
      expect(launch.errors).toBeUndefined();
      if (nominate.errors) expect(nominate.errors[0].extensions!.code).toBe('CONFLICT');
      const approved = await gw.dataSource.query<{ rater_id: string }[]>(
        `SELECT rater_id FROM gateway.nomination WHERE cycle_id = $1 AND status = 'approved' ORDER BY rater_id`,
        [c],
      );
      const invited = await gw.dataSource.query<{ rater_id: string }[]>(
        `SELECT rater_person_id AS rater_id FROM gateway.assignment WHERE cycle_id = $1 ORDER BY rater_person_id`,
        [c],
      );
      expect(invited).toEqual(approved);
      expect(approved.some((a) => a.rater_id === acme.people.get('x1'))).toBe(!nominate.errors);
    }
  });
});
