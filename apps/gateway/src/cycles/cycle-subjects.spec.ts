/** A cycle's subjects a page at a time through GraphQL on a real PostgreSQL: cursors, server-side filter and sort, who may read them. */
import { codeOf, Organisation, TestGateway } from '../test-support/test-gateway';

const SUBJECTS = `query($c: ID!, $first: Int, $after: String, $filter: PeopleFilterInput, $sort: PeopleSort) {
  cycleSubjects(cycleId: $c, first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount pageInfo { endCursor hasNextPage } nodes { id employeeId name }
  }
}`;

type Page<T> = { nodes: T[]; totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
type Node = { id: string; employeeId: string; name: string };

describe('cycle subjects, paged', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let cycleId: string;
  const subjects = ['l1', 'l2', 'l3', 'm1', 'm2', 'm3', 'm4'];

  /** Reads every page, checking each page's size on the way. */
  async function walk(token: string, variables: Record<string, unknown>, first: number) {
    const seen: Node[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const { cycleSubjects }: { cycleSubjects: Page<Node> } = await gw.ok(token, SUBJECTS, { c: cycleId, ...variables, first, after });
      expect(cycleSubjects.nodes.length).toBeLessThanOrEqual(first);
      seen.push(...cycleSubjects.nodes);
      if (!cycleSubjects.pageInfo.hasNextPage) return { nodes: seen, total: cycleSubjects.totalCount };
      expect(cycleSubjects.nodes).toHaveLength(first);
      after = cycleSubjects.pageInfo.endCursor;
    }
    throw new Error('paging never ended');
  }

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    other = await gw.organisation('Other Org');
    cycleId = await gw.draftCycle(acme, subjects);
    await gw.draftCycle(acme, ['ceo', 'e1']); // another cycle's subjects never show
  }, 60000);

  afterAll(() => gw?.stop());

  it('pages through the subjects by name, every one once, in the order of the unpaged list', async () => {
    const { nodes, total } = await walk(acme.hr, {}, 3);
    expect(total).toBe(7);
    expect(nodes.map((n) => n.employeeId).sort()).toEqual([...subjects].sort());
    const names = nodes.map((n) => n.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const unpaged = (await gw.ok(acme.hr, `query($c: ID!) { cycle(id: $c) { subjects { id } } }`, { c: cycleId })).cycle.subjects;
    expect(new Set(unpaged.map((s: { id: string }) => s.id))).toEqual(new Set(nodes.map((n) => n.id)));
  });

  it('sorts by employee id descending and filters on the server, with the total of what matches', async () => {
    const desc = await walk(acme.hr, { sort: { by: 'EMPLOYEE_ID', direction: 'DESC' } }, 2);
    expect(desc.nodes.map((n) => n.employeeId)).toEqual([...subjects].sort().reverse());
    const mids = await walk(acme.hr, { filter: { search: 'mid' } }, 2);
    expect(mids.total).toBe(4);
    expect(mids.nodes.map((n) => n.employeeId).sort()).toEqual(['m1', 'm2', 'm3', 'm4']);
    const leadersOfLeaders = await walk(acme.hr, { filter: { leadersOfLeadersOnly: true } }, 5);
    expect(leadersOfLeaders.nodes.map((n) => n.employeeId)).toEqual(['l1']); // Ben: his reports lead others
  });

  it('is read by whoever may see the cycle: a subject yes, someone outside it and another organisation no', async () => {
    const ben = await acme.signIn('ben');
    expect((await walk(ben, {}, 10)).total).toBe(7);
    const kim = await acme.signIn('kim'); // reviewed nowhere, manages nobody reviewed
    expect(codeOf(await gw.gql(kim, SUBJECTS, { c: cycleId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(other.hr, SUBJECTS, { c: cycleId }))).toBe('FORBIDDEN');
  });

  it('refuses a bad page request, naming the argument', async () => {
    for (const first of [0, 501]) {
      const answer = await gw.gql(acme.hr, SUBJECTS, { c: cycleId, first });
      expect(codeOf(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors![0].extensions!.fields![0].field).toBe('first');
    }
    const { cycleSubjects } = await gw.ok(acme.hr, SUBJECTS, { c: cycleId, first: 2 });
    const otherSort = await gw.gql(acme.hr, SUBJECTS, {
      c: cycleId,
      first: 2,
      after: cycleSubjects.pageInfo.endCursor,
      sort: { by: 'EMPLOYEE_ID', direction: 'ASC' },
    });
    expect(otherSort.errors![0].extensions!.fields![0].field).toBe('after');
    const forged = Buffer.from(JSON.stringify(['NAME', 'ASC', 'x', 'not-a-uuid'])).toString('base64url');
    const answer = await gw.gql(acme.hr, SUBJECTS, { c: cycleId, first: 2, after: forged });
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors![0].extensions!.fields![0].field).toBe('after');
  });
});
