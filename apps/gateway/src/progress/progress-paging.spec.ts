/**
 * HR's progress per subject a page at a time through GraphQL on a real PostgreSQL: cursors,
 * server-side filter and sort on the figures the rows show — and nothing else, so the order and
 * the filters reveal nothing a full read of the progress does not (docs/anonymity.md).
 */
import { randomUUID } from 'node:crypto';
import { codeOf, fullAnswers, Organisation, SUBMIT, TestGateway } from '../test-support/test-gateway';

const PAGE = `query($c: ID!, $first: Int, $after: String, $filter: ProgressFilter, $sort: ProgressSort) {
  cycleProgressSubjects(cycleId: $c, first: $first, after: $after, filter: $filter, sort: $sort) {
    cycleId totalCount pageInfo { endCursor hasNextPage }
    nodes { subject { employeeId name } groups { group invited started submitted recorded counted } nonResponders { rater { employeeId } group started } }
  }
}`;
const COUNTS = `query($c: ID!) { cycleProgress(cycleId: $c) { invited submitted } }`;

type Page<T> = { nodes: T[]; totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
type Row = { subject: { employeeId: string; name: string }; groups: { invited: number; submitted: number }[]; nonResponders: unknown[] };

const totals = (r: Row) =>
  r.groups.reduce((t, g) => ({ invited: t.invited + g.invited, submitted: t.submitted + g.submitted }), { invited: 0, submitted: 0 });
const rate = (r: Row) => (totals(r).invited ? totals(r).submitted / totals(r).invited : 0);
const awaiting = (r: Row) => totals(r).invited - totals(r).submitted;

describe('progress per subject, paged', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let cycleId: string;

  async function walk(variables: Record<string, unknown>, first: number) {
    const seen: Row[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const { cycleProgressSubjects: page }: { cycleProgressSubjects: Page<Row> & { cycleId: string } } = await gw.ok(acme.hr, PAGE, {
        c: cycleId,
        ...variables,
        first,
        after,
      });
      expect(page.cycleId).toBe(cycleId);
      expect(page.nodes.length).toBeLessThanOrEqual(first);
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return { rows: seen, total: page.totalCount };
      expect(page.nodes).toHaveLength(first);
      after = page.pageInfo.endCursor;
    }
    throw new Error('paging never ended');
  }

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    cycleId = await gw.launchedCycle(acme, ['l1', 'l2', 'l3', 'm1']);
    const links = await gw.links(acme, cycleId);
    const submit = async (subject: string, rater: string) => {
      const link = links.find((l) => l.subject.employeeId === subject && l.rater.employeeId === rater)!;
      await gw.ok(null, SUBMIT, { input: { token: link.token, idempotencyKey: randomUUID(), answers: fullAnswers(link.group as never) } });
    };
    // l2 and l3 everyone but one; l1 two; m1 nobody.
    for (const link of links.filter((l) => ['l2', 'l3'].includes(l.subject.employeeId) && l.group !== 'self'))
      await submit(link.subject.employeeId, link.rater.employeeId);
    await submit('l1', 'm1');
    await submit('l1', 'm2');
  }, 90000);

  afterAll(() => gw?.stop());

  it('pages the same rows a page at a time as in one page, by name, every subject once, adding up to the counts', async () => {
    const whole = await walk({}, 500);
    const { rows, total } = await walk({}, 1);
    expect(total).toBe(4);
    expect(whole.rows).toHaveLength(4);
    expect(rows).toEqual(whole.rows);
    const names = rows.map((r) => r.subject.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
    const { cycleProgress } = await gw.ok(acme.hr, COUNTS, { c: cycleId });
    const sum = rows.map(totals).reduce((t, r) => ({ invited: t.invited + r.invited, submitted: t.submitted + r.submitted }));
    expect(sum).toEqual(cycleProgress); // the cycle's counts (PostgreSQL's) are its subjects' rows added up
  });

  it('sorts by response rate and by raters still awaited, orders that follow from the figures shown', async () => {
    const byRate = await walk({ sort: { by: 'RESPONSE_RATE', direction: 'DESC' } }, 3);
    const rates = byRate.rows.map(rate);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(byRate.rows.at(-1)!.subject.employeeId).toBe('m1'); // nobody answered
    const byAwaiting = await walk({ sort: { by: 'AWAITING', direction: 'ASC' } }, 2);
    const waiting = byAwaiting.rows.map(awaiting);
    expect(waiting).toEqual([...waiting].sort((a, b) => a - b));
    expect(byAwaiting.rows.map((r) => r.nonResponders.length)).toEqual(waiting); // the order is what the rows say
  });

  it('filters on the server: subjects still awaiting answers, a search', async () => {
    const open = await walk({ filter: { awaitingOnly: true } }, 2);
    expect(open.rows.every((r) => awaiting(r) > 0)).toBe(true);
    expect(open.total).toBe(4); // every subject still has their self-assessment to come
    const eve = await walk({ filter: { search: 'eve' } }, 5);
    expect(eve.rows.map((r) => r.subject.employeeId)).toEqual(['m1']);
  });

  it('is HR-only, and refuses a bad page request naming the argument', async () => {
    const ben = await acme.signIn('ben');
    expect(codeOf(await gw.gql(ben, PAGE, { c: cycleId }))).toBe('FORBIDDEN');
    const zero = await gw.gql(acme.hr, PAGE, { c: cycleId, first: 0 });
    expect(codeOf(zero)).toBe('BAD_USER_INPUT');
    expect(zero.errors![0].extensions!.fields![0].field).toBe('first');
    const { cycleProgressSubjects } = await gw.ok(acme.hr, PAGE, { c: cycleId, first: 1, sort: { by: 'AWAITING' } });
    const other = await gw.gql(acme.hr, PAGE, { c: cycleId, first: 1, after: cycleProgressSubjects.pageInfo.endCursor });
    expect(other.errors![0].extensions!.fields![0].field).toBe('after');
    const forged = Buffer.from(JSON.stringify(['AWAITING', 'ASC', 'three', acme.people.get('l1')])).toString('base64url');
    const answer = await gw.gql(acme.hr, PAGE, { c: cycleId, first: 1, sort: { by: 'AWAITING' }, after: forged });
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors![0].extensions!.fields![0].field).toBe('after');
  });
});
