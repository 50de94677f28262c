/** Choosing raters through GraphQL on a real PostgreSQL: proposals, the subject's own nominations, approval. */
import { codeOf, CREATE_CYCLE, cycleInput, Organisation, TestGateway } from '../test-support/test-gateway';

const NOMINATIONS = `query($c: ID!, $s: ID) { nominations(cycleId: $c, subjectId: $s) { rater { employeeId } group source status } }`;
const NOMINATE = `mutation($input: NominateRaterInput!) { nominateRater(input: $input) { rater { employeeId } group source status } }`;
const APPROVE = `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { rater { employeeId } status } }`;

describe('nominations', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let cycleId: string;
  let subjectId: string;
  let ben: string;
  let ada: string;
  let cy: string;
  const list = async (token: string) =>
    (
      await gw.ok<{ nominations: { rater: { employeeId: string }; group: string; source: string; status: string }[] }>(token, NOMINATIONS, {
        c: cycleId,
        s: subjectId,
      })
    ).nominations;

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    subjectId = acme.people.get('l1')!;
    cycleId = (
      await gw.ok(acme.hr, CREATE_CYCLE, {
        input: cycleInput('Review', { maxRatersPerGroup: 8, minRaters: [{ group: 'peer', count: 1 }] }),
      })
    ).createCycle.id;
    await gw.ok(acme.hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, {
      c: cycleId,
      p: [subjectId],
    });
    [ben, ada, cy] = await Promise.all(['ben', 'ada', 'cy'].map((p) => acme.signIn(p)));
  });

  afterAll(() => gw?.stop());

  it('proposes raters from the reporting lines, in group order', async () => {
    const proposed = (
      await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { rater { employeeId } group status } }`, { c: cycleId })
    ).proposeRaters;
    expect(proposed.map((n: { group: string; rater: { employeeId: string } }) => `${n.group}:${n.rater.employeeId}`)).toEqual([
      'self:l1',
      'manager:ceo',
      'peer:l2',
      'peer:l3',
      'direct_report:m1',
      'direct_report:m2',
      'direct_report:m3',
      'direct_report:m4',
      'skip_level:e1',
      'skip_level:e2',
    ]);
    expect(new Set(proposed.map((n: { status: string }) => n.status))).toEqual(new Set(['proposed']));
  });

  it('keeps existing nominations when proposing again', async () => {
    await gw.ok(acme.hr, NOMINATE, { input: { cycleId, subjectId, raterId: acme.people.get('l2'), group: 'other' } });
    await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { id } }`, { c: cycleId });
    expect((await list(acme.hr)).find((n) => n.rater.employeeId === 'l2')).toMatchObject({
      group: 'other',
      source: 'hr',
      status: 'approved',
    });
  });

  it('lets the subject nominate peers and partners only, pending their manager', async () => {
    const peer = await gw.ok(ben, NOMINATE, { input: { cycleId, subjectId, raterId: acme.people.get('x1'), group: 'peer' } });
    expect(peer.nominateRater.find((n: { rater: { employeeId: string } }) => n.rater.employeeId === 'x1')).toMatchObject({
      group: 'peer',
      source: 'subject',
      status: 'proposed',
    });
    const wrongGroup = await gw.gql(ben, NOMINATE, {
      input: { cycleId, subjectId, raterId: acme.people.get('e2'), group: 'direct_report' },
    });
    expect(codeOf(wrongGroup)).toBe('BAD_USER_INPUT');
    expect(wrongGroup.errors![0].extensions!.fields).toEqual([
      { field: 'input.group', message: expect.stringContaining('peers and partners') },
    ]);
    expect(
      codeOf(await gw.gql(ben, NOMINATE, { input: { cycleId, subjectId, raterId: acme.people.get('ceo'), group: 'peer', remove: true } })),
    ).toBe('FORBIDDEN'); // HR's manager nomination
  });

  it('refuses nominations by anyone but HR and the subject, and nonsense raters', async () => {
    expect(codeOf(await gw.gql(cy, NOMINATE, { input: { cycleId, subjectId, raterId: acme.people.get('l3'), group: 'peer' } }))).toBe(
      'FORBIDDEN',
    );
    const self = await gw.gql(acme.hr, NOMINATE, { input: { cycleId, subjectId, raterId: subjectId, group: 'peer' } });
    expect(self.errors![0].extensions!.fields).toEqual([
      { field: 'input.raterId', message: 'the subject can only rate themselves as self' },
    ]);
    const stranger = await gw.gql(acme.hr, NOMINATE, {
      input: { cycleId, subjectId, raterId: '00000000-0000-4000-8000-000000000001', group: 'peer' },
    });
    expect(stranger.errors![0].extensions!.fields).toEqual([{ field: 'input.raterId', message: 'no such person in this organisation' }]);
    const notSubject = await gw.gql(acme.hr, NOMINATE, {
      input: { cycleId, subjectId: acme.people.get('l2'), raterId: acme.people.get('l3'), group: 'peer' },
    });
    expect(notSubject.errors![0].extensions!.fields).toEqual([{ field: 'input.subjectId', message: 'is not a subject of this cycle' }]);
  });

  it("lets only the subject's manager or HR approve, and approves every proposal", async () => {
    expect(codeOf(await gw.gql(ben, APPROVE, { c: cycleId, s: subjectId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(cy, APPROVE, { c: cycleId, s: subjectId }))).toBe('FORBIDDEN');
    const approved = (await gw.ok(ada, APPROVE, { c: cycleId, s: subjectId })).approveNominations;
    expect(new Set(approved.map((n: { status: string }) => n.status))).toEqual(new Set(['approved']));
  });

  it("lets HR (only) approve every subject's proposals of a cycle at once, each with its audit record", async () => {
    const APPROVE_ALL = `mutation($c: ID!) { approveNominations(cycleId: $c) { subjectId rater { employeeId } status } }`;
    const other = (await gw.ok(acme.hr, CREATE_CYCLE, { input: cycleInput('Everyone at once') })).createCycle.id;
    const subjects = ['l1', 'l2', 'l3'].map((e) => acme.people.get(e)!);
    await gw.ok(acme.hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, { c: other, p: subjects });
    const proposed = (await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { id } }`, { c: other })).proposeRaters;
    // Ada manages all three, but approving a whole cycle at once is HR's.
    expect(codeOf(await gw.gql(ada, APPROVE_ALL, { c: other }))).toBe('FORBIDDEN');
    const approved = (await gw.ok(acme.hr, APPROVE_ALL, { c: other })).approveNominations as { subjectId: string; status: string }[];
    expect(approved).toHaveLength(proposed.length);
    expect(new Set(approved.map((n) => n.status))).toEqual(new Set(['approved']));
    expect(new Set(approved.map((n) => n.subjectId))).toEqual(new Set(subjects));
    const audit = async () =>
      gw.dataSource.query<{ target: string; detail: { subjectId: string; cycleId: string; toStatus: string } }[]>(
        `SELECT target, detail FROM gateway.audit_event WHERE action = 'nomination.approved' AND detail->>'cycleId' = $1 ORDER BY id`,
        [other],
      );
    const records = await audit();
    expect(records.map((r) => r.target).sort()).toEqual(proposed.map((n: { id: string }) => `nomination:${n.id}`).sort());
    expect(new Set(records.map((r) => r.detail.subjectId))).toEqual(new Set(subjects));
    // Again: nothing left to approve, nothing recorded.
    await gw.ok(acme.hr, APPROVE_ALL, { c: other });
    expect(await audit()).toHaveLength(records.length);
  });

  it('lets a subject remove a peer they nominated', async () => {
    await gw.ok(ben, NOMINATE, { input: { cycleId, subjectId, raterId: acme.people.get('x1'), group: 'peer', remove: true } });
    expect((await list(ben)).find((n) => n.rater.employeeId === 'x1')).toMatchObject({ status: 'removed', source: 'subject' });
  });

  it('freezes nominations once the cycle is launched', async () => {
    await gw.ok(acme.hr, `mutation($c: ID!) { launchCycle(cycleId: $c) { status } }`, { c: cycleId });
    expect(codeOf(await gw.gql(acme.hr, NOMINATE, { input: { cycleId, subjectId, raterId: acme.people.get('e2'), group: 'peer' } }))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await gw.gql(ada, APPROVE, { c: cycleId, s: subjectId }))).toBe('CONFLICT');
    expect(codeOf(await gw.gql(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { id } }`, { c: cycleId }))).toBe('CONFLICT');
  });
});
