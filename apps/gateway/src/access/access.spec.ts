/** Access rules through GraphQL on a real PostgreSQL: who may do what, and what a refusal reveals. */
import { codeOf, CREATE_CYCLE, cycleInput, Organisation, TestGateway } from '../test-support/test-gateway';

describe('access', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let cycleId: string;
  let ben: string; // a leader reviewed in the cycle
  let ada: string; // Ben's manager
  let cy: string; // Ben's peer

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    other = await gw.organisation('Other Org');
    cycleId = (await gw.ok(acme.hr, CREATE_CYCLE, { input: cycleInput() })).createCycle.id;
    await gw.ok(acme.hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, {
      c: cycleId,
      p: [acme.people.get('l1')],
    });
    [ben, ada, cy] = await Promise.all(['ben', 'ada', 'cy'].map((p) => acme.signIn(p)));
  });

  afterAll(() => gw?.stop());

  it('asks for a sign-in before anything else', async () => {
    const answer = await gw.gql(null, CREATE_CYCLE, { input: { ...cycleInput(), name: '' } });
    expect(codeOf(answer)).toBe('UNAUTHENTICATED');
    expect(codeOf(await gw.gql('not-a-token', `{ cycles { id } }`))).toBe('UNAUTHENTICATED');
  });

  it('checks the role before the input and the data: a leader gets FORBIDDEN, not a validation error', async () => {
    const invalid = { name: '', opensAt: 'x', closesAt: 'y' };
    expect(codeOf(await gw.gql(ben, CREATE_CYCLE, { input: invalid }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(acme.hr, CREATE_CYCLE, { input: { ...cycleInput(), name: '' } }))).toBe('BAD_USER_INPUT');
    for (const query of [
      `mutation { launchCycle(cycleId: "${cycleId}") { id } }`,
      `mutation { closeCycle(cycleId: "${cycleId}") { id } }`,
      `mutation { releaseResults(cycleId: "${cycleId}") { id } }`,
      `{ cycleProgress(cycleId: "${cycleId}") { invited } }`,
      `{ raterInvitations(cycleId: "${cycleId}") { token } }`,
      `{ cycleHeatmap(cycleId: "${cycleId}") { cycleId } }`,
      `{ people { id } }`,
      `mutation { createAccount(personId: "${acme.people.get('l2')}") { email } }`,
    ]) {
      expect([query, codeOf(await gw.gql(ada, query))]).toEqual([query, 'FORBIDDEN']);
    }
    // The cycle's CSV download too.
    const csv = await fetch(`${gw.url}/exports/${cycleId}/results.csv`, { headers: { authorization: `Bearer ${ada}` } });
    expect(csv.status).toBe(403);
  });

  it("answers another organisation's cycle exactly like a missing one", async () => {
    const foreign = await gw.gql(other.hr, `{ cycle(id: "${cycleId}") { id name } }`);
    const missing = await gw.gql(other.hr, `{ cycle(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    const garbage = await gw.gql(other.hr, `{ cycle(id: "not-an-id") { id } }`);
    expect(codeOf(foreign)).toBe('FORBIDDEN');
    expect(foreign.errors![0].message).toBe(missing.errors![0].message);
    expect(garbage.errors![0].message).toBe(missing.errors![0].message);
    expect(codeOf(await gw.gql(other.hr, `mutation { launchCycle(cycleId: "${cycleId}") { id } }`))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(other.hr, `{ nominations(cycleId: "${cycleId}") { id } }`))).toBe('FORBIDDEN');
  });

  it('shows a cycle to the people taking part in it and to nobody else', async () => {
    expect((await gw.ok(ben, `{ cycles { id } }`)).cycles).toEqual([{ id: cycleId }]);
    expect((await gw.ok(ada, `{ cycle(id: "${cycleId}") { id } }`)).cycle.id).toBe(cycleId);
    expect((await gw.ok(cy, `{ cycles { id } }`)).cycles).toEqual([]);
    expect(codeOf(await gw.gql(cy, `{ cycle(id: "${cycleId}") { id } }`))).toBe('FORBIDDEN');
  });

  it('lets HR, the subject and their manager read nominations, nobody else', async () => {
    const subjectId = acme.people.get('l1');
    const query = `query($c: ID!, $s: ID) { nominations(cycleId: $c, subjectId: $s) { id } }`;
    for (const token of [acme.hr, ben, ada]) expect((await gw.gql(token, query, { c: cycleId, s: subjectId })).errors).toBeUndefined();
    expect(codeOf(await gw.gql(cy, query, { c: cycleId, s: subjectId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(ben, query, { c: cycleId }))).toBe('FORBIDDEN'); // the whole cycle's: HR only
  });

  it('keeps a report from the subject and their manager until release, and from peers always', async () => {
    const query = `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { reportVersion } }`;
    const vars = { c: cycleId, s: acme.people.get('l1') };
    expect((await gw.gql(acme.hr, query, vars)).errors).toBeUndefined(); // HR: live figures (none yet)
    for (const token of [ben, ada, cy]) expect(codeOf(await gw.gql(token, query, vars))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(acme.hr, query, { ...vars, s: acme.people.get('l2') }))).toBe('FORBIDDEN'); // not a subject
  });

  it('refuses the PDF without a sign-in and to someone not entitled', async () => {
    const path = `${gw.url}/reports/${cycleId}/${acme.people.get('l1')}.pdf`;
    expect((await fetch(path)).status).toBe(401);
    expect((await fetch(path, { headers: { authorization: `Bearer ${cy}` } })).status).toBe(403);
  });

  it('answers a malformed report address with BAD_USER_INPUT naming the id, on the API and the PDF, never an internal error', async () => {
    const query = `query($c: ID!, $s: ID!, $r: String) { subjectReport(cycleId: $c, subjectId: $s, resultSet: $r) { reportVersion } }`;
    const answer = await gw.gql(acme.hr, query, { c: 'abc', s: acme.people.get('l1') });
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors![0].extensions!.fields).toEqual([
      { field: 'cycleId', message: expect.stringContaining('not a cycle id') as string, code: 'notAnId' },
    ]);
    const both = await gw.gql(ben, query, { c: cycleId, s: 'l1', r: 'x; drop' });
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    expect((both.errors![0].extensions!.fields as { field: string }[]).map((f) => f.field)).toEqual(['subjectId', 'resultSet']);
    const pdf = await fetch(`${gw.url}/reports/abc/${acme.people.get('l1')}.pdf`, { headers: { authorization: `Bearer ${acme.hr}` } });
    expect(pdf.status).toBe(400);
    const body = (await pdf.json()) as { error: string; message: string };
    expect(body.error).toBe('BAD_USER_INPUT');
    expect(body.message).toContain('cycleId');
    expect(body.message).not.toMatch(/at \w+ \(|Error:/);
  });

  it('names each result set by what it was scored under, for HR only', async () => {
    const query = `query($c: ID!) { resultSetDetails(cycleId: $c) { id live instrumentVersion roleProfileId roleProfileName scoredAt } }`;
    expect((await gw.ok(acme.hr, query, { c: cycleId })).resultSetDetails).toEqual([]); // nothing scored yet
    for (const token of [ben, ada, other.hr]) expect(codeOf(await gw.gql(token, query, { c: cycleId }))).toBe('FORBIDDEN');
  });
});
