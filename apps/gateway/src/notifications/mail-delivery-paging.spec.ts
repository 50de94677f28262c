/**
 * HR's mail deliveries a page at a time through GraphQL on a real PostgreSQL: every live rater of a
 * cycle with their newest invitation and reminder, with cursors, server-side filter and sort, and
 * the cycle's totals per status; HR of the cycle's organisation only.
 */
import { RATER_GROUPS } from '@leaderscope/vocabulary';
import type { MailContent } from '@leaderscope/messages';
import { randomUUID } from 'node:crypto';
import { codeOf, Organisation, SurveyLink, TestGateway } from '../test-support/test-gateway';
import { DeliveryRow, MailDeliveriesRepository } from './mail-deliveries.repository';

const PAGE = `query($c: ID!, $first: Int, $after: String, $filter: MailDeliveryFilter, $sort: MailDeliverySort) {
  cycleMailDeliveryPage(cycleId: $c, first: $first, after: $after, filter: $filter, sort: $sort) {
    cycleId totalCount pageInfo { endCursor hasNextPage }
    nodes { assignmentId subjectId subjectName raterName raterEmail group surveyStatus
      invitation { mailId status reason attempts updatedAt } reminder { mailId status updatedAt } }
  }
}`;
const TOTALS = `query($c: ID!) { cycleMailDeliveryTotals(cycleId: $c) { mail status count } }`;
const EVERY = `query($c: ID!) { cycleMailDeliveries(cycleId: $c) { assignmentId subjectId subjectName raterName raterEmail group surveyStatus
  invitation { mailId status reason attempts updatedAt } reminder { mailId status updatedAt } } }`;

type State = { mailId: string; status: string; updatedAt: string } | null;
type Node = {
  assignmentId: string;
  subjectId: string;
  subjectName: string;
  raterName: string;
  group: string;
  invitation: State;
  reminder: State;
};
type Total = { mail: 'INVITATION' | 'REMINDER'; status: string; count: number };
type Page = { nodes: Node[]; totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean } };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const groupIndex = (g: string) => RATER_GROUPS.indexOf(g as (typeof RATER_GROUPS)[number]);
const STATUS_ORDER = ['failed', 'deferred', 'skipped', 'queued', 'none', 'recorded', 'sent'];
const latestStatus = (n: Node) => (n.reminder ?? n.invitation)?.status ?? 'none';
const bySubject = (a: Node, b: Node) =>
  byText(a.subjectName, b.subjectName) ||
  byText(a.subjectId, b.subjectId) ||
  groupIndex(a.group) - groupIndex(b.group) ||
  byText(a.raterName, b.raterName) ||
  byText(a.assignmentId, b.assignmentId);

describe('mail deliveries, paged', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let cycleId: string;
  let links: SurveyLink[];
  let all: Node[];

  async function walk(token: string, variables: Record<string, unknown>, first: number) {
    const seen: Node[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const { cycleMailDeliveryPage: page }: { cycleMailDeliveryPage: Page } = await gw.ok(token, PAGE, {
        c: cycleId,
        ...variables,
        first,
        after,
      });
      expect(page.nodes.length).toBeLessThanOrEqual(first);
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return { nodes: seen, total: page.totalCount };
      expect(page.nodes).toHaveLength(first);
      after = page.pageInfo.endCursor;
    }
    throw new Error('paging never ended');
  }

  /** Stores mail states as the notification service would report them, at given times. */
  async function deliver(org: Organisation, cycle: string, link: SurveyLink, kind: 'invitation' | 'reminder', status: string, at: number) {
    const content = { kind, recipientName: 'R', subjectName: 'S' } as unknown as MailContent;
    const row: DeliveryRow = {
      mailId: randomUUID(),
      organisationId: org.organisationId,
      cycleId: cycle,
      subjectId: org.people.get(link.subject.employeeId)!,
      assignmentId: link.assignmentId,
      recipientPersonId: org.people.get(link.rater.employeeId)!,
      kind,
      email: 'r@acme.test',
      status,
      reason: status === 'failed' ? '550 no such mailbox' : null,
      attempts: 1,
      sequence: 1,
      content,
      updatedAt: new Date(Date.UTC(2030, 0, 1) + at * 60_000),
    };
    // One transaction per mail: a later mail of an assignment is created later (its newest).
    await gw.dataSource.transaction((m) => gw.get(MailDeliveriesRepository).upsertDeliveries(m, [row]));
  }

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    other = await gw.organisation('Other Org');
    cycleId = await gw.launchedCycle(acme, ['l1', 'l2', 'l3', 'm1']);
    links = await gw.links(acme, cycleId);
    expect(links.length).toBeGreaterThan(15);
    const statuses = ['sent', 'failed', 'deferred', 'queued', 'recorded', 'skipped'];
    for (const [k, link] of links.entries()) {
      if (k % 7 === 6) continue; // not invited by mail yet
      await deliver(acme, cycleId, link, 'invitation', statuses[k % statuses.length], k);
      if (k % 3 === 0) {
        await deliver(acme, cycleId, link, 'reminder', 'failed', 100 + k); // an older reminder: not the newest
        await deliver(acme, cycleId, link, 'reminder', k % 2 ? 'sent' : 'deferred', 200 + k);
      }
    }
    // Another organisation's cycle with mails of its own.
    const otherCycle = await gw.launchedCycle(other, ['l1']);
    for (const link of await gw.links(other, otherCycle)) await deliver(other, otherCycle, link, 'invitation', 'failed', 1);
    all = (await gw.ok(acme.hr, EVERY, { c: cycleId })).cycleMailDeliveries;
  }, 120000);

  afterAll(() => gw?.stop());

  it('reads the newest invitation and reminder of every live rater (the deprecated whole list agrees)', () => {
    expect(all.map((n) => n.assignmentId).sort()).toEqual(links.map((l) => l.assignmentId).sort());
    const reminded = all.filter((n) => n.reminder);
    expect(reminded.length).toBeGreaterThan(2);
    expect(reminded.every((n) => n.reminder!.status !== 'failed')).toBe(true); // the older, failed reminder is not shown
    expect(all.filter((n) => !n.invitation).length).toBeGreaterThan(1);
    expect(all).toEqual([...all].sort(bySubject));
  });

  it('pages through every rater once in each sort, in that order', async () => {
    const subject = await walk(acme.hr, {}, 4);
    expect(subject.total).toBe(all.length);
    expect(subject.nodes).toEqual([...all].sort(bySubject));

    const raterDesc = await walk(acme.hr, { sort: { by: 'RATER', direction: 'DESC' } }, 5);
    expect(raterDesc.nodes.map((n) => n.assignmentId).sort()).toEqual(all.map((n) => n.assignmentId).sort());
    const raterNames = raterDesc.nodes.map((n) => n.raterName);
    expect(raterNames).toEqual([...raterNames].sort(byText).reverse());

    const status = await walk(acme.hr, { sort: { by: 'STATUS' } }, 3);
    expect(status.nodes.map((n) => n.assignmentId)).toEqual(
      [...all]
        .sort((a, b) => STATUS_ORDER.indexOf(latestStatus(a)) - STATUS_ORDER.indexOf(latestStatus(b)) || bySubject(a, b))
        .map((n) => n.assignmentId),
    );
    expect(status.nodes[0].reminder?.status ?? status.nodes[0].invitation?.status).toBe('failed');

    const updated = await walk(acme.hr, { sort: { by: 'UPDATED', direction: 'DESC' } }, 4);
    const when = (n: Node) => Math.max(0, ...[n.invitation, n.reminder].map((s) => (s ? Date.parse(s.updatedAt) : 0)));
    expect(updated.nodes.map((n) => n.assignmentId)).toEqual(
      [...all].sort((a, b) => when(b) - when(a) || bySubject(b, a)).map((n) => n.assignmentId),
    );
  });

  it("filters on the server: a mail's status, either mail's, no mail yet, a group, a search", async () => {
    const failedInvitations = await walk(acme.hr, { filter: { statuses: ['failed'], mail: 'INVITATION' } }, 2);
    expect(failedInvitations.nodes).toEqual(all.filter((n) => n.invitation?.status === 'failed'));
    expect(failedInvitations.total).toBeGreaterThan(0);

    const chase = await walk(acme.hr, { filter: { statuses: ['failed', 'deferred'] } }, 3);
    const problem = (s: State) => s != null && ['failed', 'deferred'].includes(s.status);
    expect(chase.nodes).toEqual(all.filter((n) => problem(n.invitation) || problem(n.reminder)));
    expect(chase.total).toBe(chase.nodes.length);

    const deferredReminders = await walk(acme.hr, { filter: { statuses: ['deferred'], mail: 'REMINDER' } }, 10);
    expect(deferredReminders.nodes).toEqual(all.filter((n) => n.reminder?.status === 'deferred'));
    expect(deferredReminders.total).toBeGreaterThan(0);

    const notInvited = await walk(acme.hr, { filter: { statuses: ['none'], mail: 'INVITATION' } }, 10);
    expect(notInvited.nodes).toEqual(all.filter((n) => !n.invitation));

    const peers = await walk(acme.hr, { filter: { group: 'peer', statuses: ['sent'] } }, 2);
    expect(peers.nodes).toEqual(all.filter((n) => n.group === 'peer' && [n.invitation, n.reminder].some((s) => s?.status === 'sent')));

    const eve = await walk(acme.hr, { filter: { search: 'eve' } }, 10); // Eve as subject or as rater
    expect(eve.nodes).toEqual(all.filter((n) => n.subjectName.startsWith('Eve') || n.raterName.startsWith('Eve')));
    expect(eve.total).toBeGreaterThan(0);
    const literal = await walk(acme.hr, { filter: { search: '%' } }, 10); // a pattern character is literal
    expect(literal.total).toBe(0);
  });

  it("counts the cycle's raters per mail and status, revoked raters left out", async () => {
    const expected = (mail: 'INVITATION' | 'REMINDER', rows: Node[]) => {
      const counts = new Map<string, number>();
      for (const n of rows) {
        const s = (mail === 'INVITATION' ? n.invitation : n.reminder)?.status ?? 'none';
        counts.set(s, (counts.get(s) ?? 0) + 1);
      }
      return [...counts].map(([status, count]) => ({ mail, status, count }));
    };
    const sorted = (t: Total[]) => [...t].sort((a, b) => byText(a.mail + a.status, b.mail + b.status));
    const totals = async () => (await gw.ok(acme.hr, TOTALS, { c: cycleId })).cycleMailDeliveryTotals as Total[];
    expect(sorted(await totals())).toEqual(sorted([...expected('INVITATION', all), ...expected('REMINDER', all)]));
    expect(await totals()).toContainEqual({
      mail: 'INVITATION',
      status: 'failed',
      count: all.filter((n) => n.invitation?.status === 'failed').length,
    });

    // A rater revoked (as an erasure does) is no longer listed nor counted.
    const gone = all.find((n) => n.invitation?.status === 'failed')!;
    await gw.dataSource.query(`UPDATE gateway.assignment SET revoked_at = now() WHERE id = $1`, [gone.assignmentId]);
    try {
      const rest = all.filter((n) => n !== gone);
      expect(sorted(await totals())).toEqual(sorted([...expected('INVITATION', rest), ...expected('REMINDER', rest)]));
      const failed = await walk(acme.hr, { filter: { statuses: ['failed'], mail: 'INVITATION' } }, 10);
      expect(failed.nodes).toEqual(rest.filter((n) => n.invitation?.status === 'failed'));
    } finally {
      await gw.dataSource.query(`UPDATE gateway.assignment SET revoked_at = NULL WHERE id = $1`, [gone.assignmentId]);
    }
  });

  it('follows a mail as its state changes and a newer mail arrives', async () => {
    const link = links[1]; // its invitation failed
    expect(all.find((n) => n.assignmentId === link.assignmentId)!.invitation!.status).toBe('failed');
    await deliver(acme, cycleId, link, 'invitation', 'sent', 300); // sent again: a newer invitation
    const failed = await walk(acme.hr, { filter: { statuses: ['failed'], mail: 'INVITATION' } }, 10);
    expect(failed.nodes.map((n) => n.assignmentId)).not.toContain(link.assignmentId);
    const sent = await walk(acme.hr, { filter: { statuses: ['sent'], mail: 'INVITATION', search: link.rater.employeeId } }, 10);
    expect(sent.nodes.map((n) => n.assignmentId)).toContain(link.assignmentId);
    all = (await gw.ok(acme.hr, EVERY, { c: cycleId })).cycleMailDeliveries;
  });

  it('is HR of the cycle’s organisation only, and refuses a bad page request naming the argument', async () => {
    const ben = await acme.signIn('ben');
    expect(codeOf(await gw.gql(ben, PAGE, { c: cycleId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(ben, TOTALS, { c: cycleId }))).toBe('FORBIDDEN');
    const otherHr = await gw.gql(other.hr, PAGE, { c: cycleId });
    expect(codeOf(otherHr)).toBe('FORBIDDEN');
    expect(otherHr.data?.cycleMailDeliveryPage ?? null).toBeNull();
    expect(codeOf(await gw.gql(other.hr, TOTALS, { c: cycleId }))).toBe('FORBIDDEN');

    const tooMany = await gw.gql(acme.hr, PAGE, { c: cycleId, first: 501 });
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0].extensions!.fields![0].field).toBe('first');
    const { cycleMailDeliveryPage: page }: { cycleMailDeliveryPage: Page } = await gw.ok(acme.hr, PAGE, { c: cycleId, first: 2 });
    const otherSort = await gw.gql(acme.hr, PAGE, { c: cycleId, first: 2, after: page.pageInfo.endCursor, sort: { by: 'STATUS' } });
    expect(codeOf(otherSort)).toBe('BAD_USER_INPUT');
    expect(otherSort.errors![0].extensions!.fields![0].field).toBe('after');
    const garbage = await gw.gql(acme.hr, PAGE, { c: cycleId, after: 'not a cursor' });
    expect(garbage.errors![0].extensions!.fields![0].field).toBe('after');
    // A cursor of the right sort whose values do not fit it (too few, text where a group's place goes, a subject that is no id).
    const l1 = acme.people.get('l1');
    for (const key of [['Ben Lead'], ['Ben Lead', l1, 'peer', 'Cy Peer'], ['Ben Lead', 'not-a-uuid', 3, 'Cy Peer']]) {
      const forged = Buffer.from(JSON.stringify(['SUBJECT', 'ASC', key, page.nodes[0].assignmentId])).toString('base64url');
      const answer = await gw.gql(acme.hr, PAGE, { c: cycleId, first: 2, after: forged });
      expect(codeOf(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors![0].extensions!.fields![0].field).toBe('after');
    }
    // Never a link: no field of the page carries a survey token.
    const text = JSON.stringify(page);
    for (const l of links) expect(text).not.toContain(l.token);
  });
});
