/**
 * Nominations a page at a time through GraphQL on a real PostgreSQL: HR's list of a cycle and the
 * manager's approval list of one subject, with cursors, server-side filter and sort.
 */
import { RATER_GROUPS } from '@leaderscope/vocabulary';
import { codeOf, Organisation, TestGateway } from '../test-support/test-gateway';

const PAGE = `query($c: ID!, $first: Int, $after: String, $filter: NominationFilter, $sort: NominationSort) {
  nominationPage(cycleId: $c, first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { id subjectId subject { id name } rater { id name employeeId } group status }
  }
}`;

type Page<T> = { nodes: T[]; totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
type Node = {
  id: string;
  subjectId: string;
  subject: { id: string; name: string };
  rater: { id: string; name: string; employeeId: string };
  group: string;
  status: string;
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const groupIndex = (g: string) => RATER_GROUPS.indexOf(g as (typeof RATER_GROUPS)[number]);

describe('nominations, paged', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let cycleId: string;
  let all: Node[];

  async function walk(token: string, variables: Record<string, unknown>, first: number) {
    const seen: Node[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const { nominationPage }: { nominationPage: Page<Node> } = await gw.ok(token, PAGE, { c: cycleId, ...variables, first, after });
      expect(nominationPage.nodes.length).toBeLessThanOrEqual(first);
      seen.push(...nominationPage.nodes);
      if (!nominationPage.pageInfo.hasNextPage) return { nodes: seen, total: nominationPage.totalCount };
      expect(nominationPage.nodes).toHaveLength(first);
      after = nominationPage.pageInfo.endCursor;
    }
    throw new Error('paging never ended');
  }

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    cycleId = await gw.draftCycle(acme, ['l1', 'l2', 'l3', 'm1']);
    await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: cycleId });
    all = (
      await gw.ok(
        acme.hr,
        `query($c: ID!) { nominations(cycleId: $c) { id subjectId subject { id name } rater { id name employeeId } group status } }`,
        { c: cycleId },
      )
    ).nominations;
    expect(all.length).toBeGreaterThan(15);
  }, 60000);

  afterAll(() => gw?.stop());

  it('pages through every nomination once in each sort, in that order', async () => {
    const bySubject = await walk(acme.hr, {}, 4);
    expect(bySubject.total).toBe(all.length);
    expect(bySubject.nodes.map((n) => n.id).sort()).toEqual(all.map((n) => n.id).sort());
    const expected = [...all].sort(
      (a, b) =>
        byText(a.subject.name, b.subject.name) ||
        byText(a.subjectId, b.subjectId) ||
        groupIndex(a.group) - groupIndex(b.group) ||
        byText(a.rater.name, b.rater.name) ||
        byText(a.id, b.id),
    );
    expect(bySubject.nodes.map((n) => n.id)).toEqual(expected.map((n) => n.id));

    const byRaterDesc = await walk(acme.hr, { sort: { by: 'RATER', direction: 'DESC' } }, 5);
    expect(byRaterDesc.nodes).toHaveLength(all.length);
    const raterNames = byRaterDesc.nodes.map((n) => n.rater.name);
    expect(raterNames).toEqual([...raterNames].sort(byText).reverse());

    const byGroup = await walk(acme.hr, { sort: { by: 'GROUP', direction: 'ASC' } }, 3);
    expect(new Set(byGroup.nodes.map((n) => n.id)).size).toBe(all.length);
    const groups = byGroup.nodes.map((n) => groupIndex(n.group));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
  });

  it("filters on the server: HR's approval list (still proposed), a group, a search", async () => {
    const l1 = acme.people.get('l1')!;
    await gw.ok(acme.hr, `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed } }`, {
      c: cycleId,
      s: l1,
    });
    const toApprove = await walk(acme.hr, { filter: { statuses: ['proposed'] } }, 4);
    expect(toApprove.total).toBe(all.filter((n) => n.subjectId !== l1).length);
    expect(toApprove.nodes.every((n) => n.status === 'proposed' && n.subjectId !== l1)).toBe(true);
    const peers = await walk(acme.hr, { filter: { group: 'peer' } }, 2);
    expect(peers.total).toBe(all.filter((n) => n.group === 'peer').length);
    expect(peers.nodes.every((n) => n.group === 'peer')).toBe(true);
    const eve = await walk(acme.hr, { filter: { search: 'eve' } }, 10); // Eve as subject or as rater
    expect(eve.total).toBe(all.filter((n) => n.subject.name.startsWith('Eve') || n.rater.name.startsWith('Eve')).length);
    const literal = await walk(acme.hr, { filter: { search: '%' } }, 10); // a pattern character is literal
    expect(literal.total).toBe(0);
  });

  it("gives a manager and the subject that subject's list only, and refuses a bad page request naming the argument", async () => {
    const ada = await acme.signIn('ada'); // Ben's manager
    const ben = await acme.signIn('ben');
    const l1 = acme.people.get('l1')!;
    for (const token of [ada, ben]) {
      const mine = await walk(token, { filter: { subjectId: l1 } }, 3);
      expect(mine.total).toBe(all.filter((n) => n.subjectId === l1).length);
      expect(mine.nodes.every((n) => n.subjectId === l1)).toBe(true);
    }
    expect(codeOf(await gw.gql(ben, PAGE, { c: cycleId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(ben, PAGE, { c: cycleId, filter: { subjectId: acme.people.get('l2') } }))).toBe('FORBIDDEN');

    const tooMany = await gw.gql(acme.hr, PAGE, { c: cycleId, first: 501 });
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0].extensions!.fields![0].field).toBe('first');
    const { nominationPage } = await gw.ok(acme.hr, PAGE, { c: cycleId, first: 2 });
    const otherSort = await gw.gql(acme.hr, PAGE, {
      c: cycleId,
      first: 2,
      after: nominationPage.pageInfo.endCursor,
      sort: { by: 'RATER' },
    });
    expect(otherSort.errors![0].extensions!.fields![0].field).toBe('after');
    // A cursor of the right sort whose values do not fit it (too few, text where a group's place goes, a subject that is no id).
    for (const key of [['Ben Lead'], ['Ben Lead', acme.people.get('l1'), 'peer', 'Cy Peer'], ['Ben Lead', 'not-a-uuid', 3, 'Cy Peer']]) {
      const forged = Buffer.from(JSON.stringify(['SUBJECT', 'ASC', key, nominationPage.nodes[0].id])).toString('base64url');
      const answer = await gw.gql(acme.hr, PAGE, { c: cycleId, first: 2, after: forged });
      expect(codeOf(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors![0].extensions!.fields![0].field).toBe('after');
    }
  });
});
