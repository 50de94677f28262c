/** A request's correlation id reaches the events it causes (and, through them, the services and the report write). */
import { CREATE_CYCLE, cycleInput, TestGateway } from '../test-support/test-gateway';

describe('correlation ids', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await TestGateway.start();
  });

  afterAll(() => gw?.stop());

  it("echoes the caller's id, or gives a new one", async () => {
    const given = await fetch(`${gw.url}/health/live`, { headers: { 'x-correlation-id': 'trace-0123456789' } });
    expect(given.headers.get('x-correlation-id')).toBe('trace-0123456789');
    const fresh = await fetch(`${gw.url}/health/live`, { headers: { 'x-correlation-id': 'bad id with spaces' } });
    expect(fresh.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts the request’s id in the envelope of every event the request emits', async () => {
    const acme = await gw.organisation('Acme');
    const none = ['self', 'manager', 'peer', 'direct_report'].map((group) => ({ group, count: 0 }));
    const cycleId = (await gw.ok(acme.hr, CREATE_CYCLE, { input: cycleInput('Review', { minRaters: none }) })).createCycle.id;
    await gw.ok(acme.hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, {
      c: cycleId,
      p: [acme.people.get('l1')],
    });
    await gw.ok(acme.hr, `mutation($c: ID!, $s: ID) { proposeRaters(cycleId: $c, subjectId: $s) { changed } }`, {
      c: cycleId,
      s: acme.people.get('l1'),
    });
    await gw.ok(acme.hr, `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed } }`, {
      c: cycleId,
      s: acme.people.get('l1'),
    });
    const launched = await gw.gql(
      acme.hr,
      `mutation($c: ID!) { launchCycle(cycleId: $c) { status } }`,
      { c: cycleId },
      { 'x-correlation-id': 'launch-request-42' },
    );
    expect(launched.errors).toBeUndefined();
    const invitations = await gw.emitted('invitation.issued');
    expect(invitations.length).toBe(10); // self, manager, 2 peers, 4 direct reports, 2 skip-levels
    expect(new Set(invitations.map((e) => e.correlationId))).toEqual(new Set(['launch-request-42']));
  });
});
