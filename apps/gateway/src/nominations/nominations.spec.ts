/** Choosing raters through GraphQL on a real PostgreSQL: proposals, the subject's own nominations, approval. */
import { codeOf, CREATE_CYCLE, cycleInput, Organisation, TestGateway } from '../test-support/test-gateway';
import { ProposeRatersUseCase } from './propose-raters.use-case';

const NOMINATIONS = `query($c: ID!, $s: ID) { nominations(cycleId: $c, subjectId: $s) { rater { employeeId } group source status } }`;
const NOMINATE = `mutation($input: NominateRaterInput!) { nominateRater(input: $input) { rater { employeeId } group source status } }`;
const APPROVE = `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed subjectsTouched nominations { rater { employeeId } status } } }`;

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

  it("proposes raters from the reporting lines, in group order, and answers the subject's nominations", async () => {
    const summary = (
      await gw.ok(
        acme.hr,
        `mutation($c: ID!, $s: ID) { proposeRaters(cycleId: $c, subjectId: $s) { subjectId changed subjectsTouched proposed approved removed nominations { rater { employeeId } group status } } }`,
        { c: cycleId, s: subjectId },
      )
    ).proposeRaters;
    expect(summary).toMatchObject({ subjectId, changed: 10, subjectsTouched: 1, proposed: 10, approved: 0, removed: 0 });
    const proposed = summary.nominations;
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
    const again = (
      await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed subjectsTouched proposed approved } }`, { c: cycleId })
    ).proposeRaters;
    // Nothing added; l2 is now HR's approved nomination, the other nine still proposed.
    expect(again).toEqual({ changed: 0, subjectsTouched: 0, proposed: 9, approved: 1 });
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
    expect(stranger.errors![0].extensions!.fields).toEqual([
      { field: 'input.raterId', message: 'no such person in this organisation', code: 'unknownPerson' },
    ]);
    const notSubject = await gw.gql(acme.hr, NOMINATE, {
      input: { cycleId, subjectId: acme.people.get('l2'), raterId: acme.people.get('l3'), group: 'peer' },
    });
    expect(notSubject.errors![0].extensions!.fields).toEqual([
      { field: 'input.subjectId', message: 'is not a subject of this cycle', code: 'notASubject' },
    ]);
  });

  it("lets only the subject's manager or HR approve, and approves every proposal", async () => {
    expect(codeOf(await gw.gql(ben, APPROVE, { c: cycleId, s: subjectId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(cy, APPROVE, { c: cycleId, s: subjectId }))).toBe('FORBIDDEN');
    const approved = (await gw.ok(ada, APPROVE, { c: cycleId, s: subjectId })).approveNominations;
    expect(approved).toMatchObject({ changed: 10, subjectsTouched: 1 }); // x1 (the subject's peer) and the nine proposals
    expect(new Set(approved.nominations.map((n: { status: string }) => n.status))).toEqual(new Set(['approved']));
    expect((await gw.ok(ada, APPROVE, { c: cycleId, s: subjectId })).approveNominations).toMatchObject({ changed: 0, subjectsTouched: 0 });
  });

  it("lets HR (only) approve every subject's proposals of a cycle at once, each with its audit record, and answers counts", async () => {
    const APPROVE_ALL = `mutation($c: ID!) { approveNominations(cycleId: $c) { subjectId changed subjectsTouched proposed approved removed } }`;
    const other = (await gw.ok(acme.hr, CREATE_CYCLE, { input: cycleInput('Everyone at once') })).createCycle.id;
    const subjects = ['l1', 'l2', 'l3'].map((e) => acme.people.get(e)!);
    await gw.ok(acme.hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, { c: other, p: subjects });
    const summary = (
      await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { subjectId changed subjectsTouched proposed } }`, { c: other })
    ).proposeRaters;
    const proposed = (
      await gw.ok<{ nominations: { id: string; subjectId: string }[] }>(
        acme.hr,
        `query($c: ID!) { nominations(cycleId: $c) { id subjectId } }`,
        { c: other },
      )
    ).nominations;
    expect(summary).toEqual({ subjectId: null, changed: proposed.length, subjectsTouched: 3, proposed: proposed.length });
    // A whole cycle's nominations are not answered by the mutation: the field says where to read them.
    const listed = await gw.gql(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed nominations { id } } }`, { c: other });
    expect(codeOf(listed)).toBe('BAD_USER_INPUT');
    expect(listed.errors![0].extensions!.fields).toEqual([{ field: 'nominations', message: expect.stringContaining('nominationPage') }]);
    // Ada manages all three, but approving a whole cycle at once is HR's.
    expect(codeOf(await gw.gql(ada, APPROVE_ALL, { c: other }))).toBe('FORBIDDEN');
    const approved = (await gw.ok(acme.hr, APPROVE_ALL, { c: other })).approveNominations;
    expect(approved).toEqual({
      subjectId: null,
      changed: proposed.length,
      subjectsTouched: 3,
      proposed: 0,
      approved: proposed.length,
      removed: 0,
    });
    const after = (
      await gw.ok<{ nominations: { status: string }[] }>(acme.hr, `query($c: ID!) { nominations(cycleId: $c) { status } }`, { c: other })
    ).nominations;
    expect(new Set(after.map((n) => n.status))).toEqual(new Set(['approved']));
    const audit = async () =>
      gw.dataSource.query<{ target: string; detail: { subjectId: string; cycleId: string; toStatus: string } }[]>(
        `SELECT target, detail FROM gateway.audit_event WHERE action = 'nomination.approved' AND detail->>'cycleId' = $1 ORDER BY id`,
        [other],
      );
    const records = await audit();
    expect(records.map((r) => r.target).sort()).toEqual(proposed.map((n) => `nomination:${n.id}`).sort());
    expect(new Set(records.map((r) => r.detail.subjectId))).toEqual(new Set(subjects));
    // Again: nothing left to approve, nothing recorded.
    expect((await gw.ok(acme.hr, APPROVE_ALL, { c: other })).approveNominations).toMatchObject({ changed: 0, subjectsTouched: 0 });
    expect(await audit()).toHaveLength(records.length);
  });

  it('proposes a cycle in chunks of subjects with the same raters as in one chunk', async () => {
    const subjects = ['l1', 'l2', 'l3', 'm1', 'm2'].map((e) => acme.people.get(e)!);
    const proposeIn = async (chunkSubjects: number) => {
      const c = (await gw.ok(acme.hr, CREATE_CYCLE, { input: cycleInput(`Chunks of ${chunkSubjects}`) })).createCycle.id;
      await gw.ok(acme.hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, { c, p: subjects });
      const chunkSize = ProposeRatersUseCase.chunkSubjects;
      ProposeRatersUseCase.chunkSubjects = chunkSubjects;
      try {
        const { proposeRaters } = await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed subjectsTouched } }`, {
          c,
        });
        const rows = await gw.dataSource.query<{ subject_id: string; rater_id: string; rater_group: string }[]>(
          `SELECT subject_id, rater_id, rater_group FROM gateway.nomination WHERE cycle_id = $1`,
          [c],
        );
        return { summary: proposeRaters, raters: rows.map((r) => `${r.subject_id}:${r.rater_group}:${r.rater_id}`).sort() };
      } finally {
        ProposeRatersUseCase.chunkSubjects = chunkSize;
      }
    };
    const whole = await proposeIn(1000);
    const chunked = await proposeIn(2); // three chunks: 2 + 2 + 1 subjects
    expect(chunked.summary).toEqual({ changed: whole.raters.length, subjectsTouched: 5 });
    // The deterministic samples depend on the cycle: compare subjects, groups and how many raters each.
    const shape = (raters: string[]) => raters.map((r) => r.split(':').slice(0, 2).join(':')).sort();
    expect(shape(chunked.raters)).toEqual(shape(whole.raters));
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
    expect(codeOf(await gw.gql(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: cycleId }))).toBe('CONFLICT');
  });
});
