/**
 * A leader searching colleagues to propose as raters, through GraphQL on a real PostgreSQL: who may
 * search, what is answered (and what never is), paging, bad input naming the field, the rate limit.
 */
import { COLLEAGUE_SEARCHES_PER_MINUTE } from '../accounts/rate-limits.service';
import { codeOf, Organisation, TestGateway } from '../test-support/test-gateway';

const COLLEAGUES = `query($c: ID!, $q: String!, $first: Int, $after: String) {
  colleagues(cycleId: $c, search: $q, first: $first, after: $after) { nodes { id name title department } pageInfo { endCursor hasNextPage } } }`;

type Page = {
  nodes: { id: string; name: string; title: string | null; department: string | null }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
};

describe('colleagues: a leader finds people to propose as raters', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let cycleId: string;
  let ben: string; // l1, reviewed in the draft cycle
  const search = async (token: string | null, q: string, extra: Record<string, unknown> = {}) =>
    gw.gql<{ colleagues: Page }>(token, COLLEAGUES, { c: cycleId, q, ...extra });
  const names = async (token: string, q: string) => {
    const answer = await search(token, q);
    if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
    return answer.data!.colleagues.nodes.map((n) => n.name);
  };

  beforeAll(async () => {
    gw = await TestGateway.start();
    const csv = [
      'employee_id,name,email,manager_id,title,department',
      'ceo,Ada Chief,ada@org.test,,Chief Executive,Executive',
      'l1,Ben Lead,ben@org.test,ceo,Director of Operations,Operations',
      'l2,Cy Peer,cy@org.test,ceo,Director of Sales,Sales',
      'l3,Di Peer,di@org.test,ceo,,',
      'm1,Eve Mid,eve@org.test,l1,Team lead,Operations',
      'm2,Fay Mid,fay@org.test,l1,Team lead,Operations',
      'm3,Gus Mid,gus@org.test,l1,Team lead,Operations',
      'm4,Hal Mid,hal@org.test,l1,Team lead,Operations',
      'x1,Kim 100%_Partner,kim@org.test,l2,Partner,Sales',
    ].join('\n');
    acme = await gw.organisation('Acme', csv);
    other = await gw.organisation('Other', csv);
    cycleId = await gw.draftCycle(acme, ['l1', 'l3']);
    ben = await acme.signIn('ben');
  });

  afterAll(() => gw?.stop());

  it('answers colleagues of her own organisation whose name contains the search, by name, with name, title and department only', async () => {
    const answer = await search(ben, 'mid');
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.colleagues.nodes).toEqual(
      [
        ['m1', 'Eve Mid'],
        ['m2', 'Fay Mid'],
        ['m3', 'Gus Mid'],
        ['m4', 'Hal Mid'],
      ].map(([e, name]) => ({ id: acme.people.get(e), name, title: 'Team lead', department: 'Operations' })),
    );
    expect(answer.data!.colleagues.pageInfo.hasNextPage).toBe(false);
    // Nothing of another organisation, though it has the same names.
    expect(answer.data!.colleagues.nodes.some((n) => [...other.people.values()].includes(n.id))).toBe(false);
    // A colleague's title and department may be missing.
    expect((await search(ben, 'Di P')).data!.colleagues.nodes).toEqual([
      { id: acme.people.get('l3'), name: 'Di Peer', title: null, department: null },
    ]);
  });

  it('searches names only: never e-mail addresses or employee ids, and never answers them', async () => {
    expect(await names(ben, 'eve@')).toEqual([]);
    expect(await names(ben, 'acme.test')).toEqual([]);
    expect(await names(ben, 'm1')).toEqual([]);
    // The type has no such fields: asking for them is refused before anything runs.
    const asked = await gw.gql(ben, `query($c: ID!) { colleagues(cycleId: $c, search: "Mid") { nodes { email employeeId managerId } } }`, {
      c: cycleId,
    });
    expect(codeOf(asked)).toBe('GRAPHQL_VALIDATION_FAILED');
    // `%` and `_` are letters of a name, not patterns.
    expect(await names(ben, '100%_')).toEqual(['Kim 100%_Partner']);
    expect(await names(ben, '%%')).toEqual([]);
  });

  it('leaves out the leader herself and people HR erased', async () => {
    expect(await names(ben, 'Ben')).toEqual([]);
    expect(await names(ben, 'Lead')).toEqual([]);
    const erased = await gw.ok(acme.hr, `mutation($p: ID!) { erasePerson(personId: $p) { personId } }`, { p: acme.people.get('m4') });
    expect(erased.erasePerson.personId).toBe(acme.people.get('m4'));
    expect(await names(ben, 'Mid')).toEqual(['Eve Mid', 'Fay Mid', 'Gus Mid']);
    expect(await names(ben, 'Erased')).toEqual([]);
  });

  it('answers a page at a time, with a cursor', async () => {
    const first = await search(ben, 'Mid', { first: 2 });
    expect(first.data!.colleagues.nodes.map((n) => n.name)).toEqual(['Eve Mid', 'Fay Mid']);
    expect(first.data!.colleagues.pageInfo.hasNextPage).toBe(true);
    const second = await search(ben, 'Mid', { first: 2, after: first.data!.colleagues.pageInfo.endCursor });
    expect(second.data!.colleagues.nodes.map((n) => n.name)).toEqual(['Gus Mid']);
    expect(second.data!.colleagues.pageInfo.hasNextPage).toBe(false);
  });

  it('is for a leader reviewed in the cycle while it is being set up: not her manager, other leaders, HR or another organisation', async () => {
    expect(codeOf(await search(null, 'Mid'))).toBe('UNAUTHENTICATED');
    for (const who of ['ada', 'cy']) expect(codeOf(await search(await acme.signIn(who), 'Mid'))).toBe('FORBIDDEN');
    expect(codeOf(await search(acme.hr, 'Mid'))).toBe('FORBIDDEN'); // HR has people and directory
    const outsider = await other.signIn('ben');
    expect(codeOf(await search(outsider, 'Mid'))).toBe('FORBIDDEN'); // the same name, another organisation's cycle
    // A cycle whose rater lists are settled: nominations are closed, so is the search.
    const launched = await gw.launchedCycle(acme, ['l1']);
    const late = await gw.gql(ben, COLLEAGUES, { c: launched, q: 'Mid' });
    expect(codeOf(late)).toBe('CONFLICT');
    expect(late.errors![0].message).toMatch(/being set up/);
  });

  it('answers bad input with BAD_USER_INPUT naming each field', async () => {
    const fields = async (variables: Record<string, unknown>) => {
      const answer = await gw.gql(ben, COLLEAGUES, { c: cycleId, q: 'Mid', ...variables });
      expect(codeOf(answer)).toBe('BAD_USER_INPUT');
      return answer.errors![0].extensions!.fields!.map((f) => f.field);
    };
    expect(await fields({ q: ' e ' })).toEqual(['search']);
    expect(await fields({ q: 'x'.repeat(101) })).toEqual(['search']);
    expect(await fields({ c: 'not-a-cycle' })).toEqual(['cycleId']);
    expect(await fields({ first: 0 })).toEqual(['first']);
    expect(await fields({ first: 51 })).toEqual(['first']);
    expect(await fields({ c: 'x', q: 'e', first: 100 })).toEqual(['cycleId', 'search', 'first']);
    expect(await fields({ after: 'not-a-cursor' })).toEqual(['after']);
  });

  it(`allows ${COLLEAGUE_SEARCHES_PER_MINUTE} searches a minute per account, then says when to try again`, async () => {
    const di = await acme.signIn('di'); // reviewed in the cycle too; her own count
    for (let i = 0; i < COLLEAGUE_SEARCHES_PER_MINUTE; i += 10)
      await Promise.all(Array.from({ length: 10 }, async () => expect((await search(di, 'Mid')).errors).toBeUndefined()));
    const refused = await search(di, 'Mid');
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.errors![0].message).toMatch(/try again in \d+ s/);
    expect(await names(ben, 'Mid')).toHaveLength(3); // another account is not held back
  });
});
