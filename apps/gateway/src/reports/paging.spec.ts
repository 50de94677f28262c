/**
 * Lists that grow with the organisation, paged with cursors and filtered and sorted in
 * PostgreSQL: the cycle heatmap and the directory, through the gateway's GraphQL on a real database.
 */
import { catalogue, InProcessTransport } from '@leaderscope/events';
import { createTestDatabase, TestDatabase } from '@leaderscope/testing';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createGateway, provisionOrganisation } from '../index';

const PASSWORD = 'correct-horse-battery';

/** 12 leaders of leaders in two departments, 6 under each of 2 heads: 123 people. */
function organisationCsv(): string {
  const rows = ['employee_id,name,email,manager_id,title,department', 'CEO,Chief Person,ceo@x.test,,Chief Executive,Board'];
  for (let h = 0; h < 2; h++) rows.push(`H${h},Head ${h},h${h}@x.test,CEO,Head,Board`);
  for (let l = 0; l < 12; l++) {
    const department = l % 2 ? 'Sales' : 'Research';
    // Names out of id order, with two leaders sharing a name (ties are broken by id).
    const name = l === 3 || l === 4 ? 'Sam Same' : `Leader ${String.fromCharCode(90 - l)}`;
    rows.push(`L${l},${name},l${l}@x.test,H${Math.floor(l / 6)},Leader,${department}`);
    for (let t = 0; t < 3; t++) {
      rows.push(`L${l}T${t},Lead ${l}-${t},l${l}t${t}@x.test,L${l},Team lead,${department}`);
      for (let e = 0; e < 2; e++) rows.push(`L${l}T${t}E${e},Person ${l}-${t}-${e},l${l}t${t}e${e}@x.test,L${l}T${t},,${department}`);
    }
  }
  return rows.join('\n') + '\n';
}

describe('paged lists', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let hr: string;
  let cycleId: string;
  let leaders: { id: string; employeeId: string; name: string; department: string }[];
  /** What was stored per subject: responses and overall fit (null for one in three). */
  const stored = new Map<string, { responses: number; fit: number | null }>();

  async function gql(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hr}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] };
  }
  async function ok(query: string, variables: Record<string, unknown> = {}) {
    const result = await gql(query, variables);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data;
  }

  const HEATMAP = `query($c: ID!, $first: Int, $after: String, $filter: HeatmapFilter, $sort: HeatmapSort) {
    cycleHeatmap(cycleId: $c, first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount pageInfo { endCursor hasNextPage } rows { subject { id name department } responseCount overallFit cells { dimensionId } }
    }
  }`;

  /** Reads every page and checks each page's size and flags on the way. */
  async function allPages(variables: Record<string, unknown>, first: number) {
    const seen: any[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const { cycleHeatmap } = await ok(HEATMAP, { ...variables, first, after });
      expect(cycleHeatmap.rows.length).toBeLessThanOrEqual(first);
      seen.push(...cycleHeatmap.rows);
      if (!cycleHeatmap.pageInfo.hasNextPage) return { rows: seen, total: cycleHeatmap.totalCount };
      expect(cycleHeatmap.rows).toHaveLength(first);
      after = cycleHeatmap.pageInfo.endCursor;
    }
    throw new Error('paging never ended');
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createGateway({
      databaseUrl: db.url,
      transport: new InProcessTransport(catalogue),
      secret: 'paging-secret-0123456789',
      logger: false,
    });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    const dataSource = app.get(DataSource);
    const { organisationId } = await provisionOrganisation(dataSource, { name: 'Org', hrEmail: 'hr@org.test', hrPassword: PASSWORD });
    const login = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(email: "hr@org.test", password: "${PASSWORD}") { token } }` }),
    });
    hr = ((await login.json()) as any).data.login.token;
    await ok(`mutation($csv: String!) { importPeople(csv: $csv, dryRun: false) { applied } }`, { csv: organisationCsv() });
    leaders = (await ok(`{ people(leadersOfLeadersOnly: true) { id employeeId name department } }`)).people.filter(
      (p: { employeeId: string }) => /^L\d+$/.test(p.employeeId),
    );
    expect(leaders).toHaveLength(12);
    const now = Date.now();
    cycleId = (
      await ok(`mutation($input: CreateCycleInput!) { createCycle(input: $input) { id } }`, {
        input: {
          name: 'Paging',
          anonymityThreshold: 3,
          opensAt: new Date(now - 3600_000).toISOString(),
          closesAt: new Date(now + 86400_000).toISOString(),
        },
      })
    ).createCycle.id;
    await ok(`mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, {
      c: cycleId,
      p: leaders.map((l) => l.id),
    });
    // The gateway's report read model, as its report.updated consumer stores it (cells beside each report).
    for (const [i, leader] of leaders.entries()) {
      const responses = 3 + ((i * 5) % 7);
      const fit = i % 3 === 0 ? null : Math.round(((i * 37) % 23) / 10 - 1.1 * 100) / 100 + i / 100;
      stored.set(leader.id, { responses, fit });
      await dataSource.query(
        `INSERT INTO gateway.subject_report (cycle_id, subject_id, result_set, organisation_id, report_version, instrument_version, role_profile_id, response_count, group_counts, report, scored_at, cells, overall_fit)
         VALUES ($1, $2, 'live', $3, 1, 1, NULL, $4, $5, '{}', now(), $6, $7)`,
        [
          cycleId,
          leader.id,
          organisationId,
          responses,
          JSON.stringify({ peer: responses - 1, self: 1 }),
          JSON.stringify([{ dimensionId: 'd1', suppressed: false, mean: 3, fit }]),
          fit,
        ],
      );
    }
  }, 120000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('keeps the unpaged heatmap: every row, by name', async () => {
    const { cycleHeatmap } = await ok(HEATMAP, { c: cycleId });
    expect(cycleHeatmap.rows).toHaveLength(12);
    expect(cycleHeatmap.totalCount).toBe(12);
    expect(cycleHeatmap.pageInfo.hasNextPage).toBe(false);
    const names = cycleHeatmap.rows.map((r: any) => r.subject.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(cycleHeatmap.rows.find((r: any) => r.subject.id === leaders[5].id).responseCount).toBe(stored.get(leaders[5].id)!.responses);
  });

  it('pages through the heatmap with cursors in each sort order, every row once', async () => {
    const byName = await allPages({ c: cycleId }, 5);
    expect(byName.total).toBe(12);
    const expectedByName = [...leaders]
      .sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1))
      .map((l) => l.id);
    expect(byName.rows.map((r) => r.subject.id)).toEqual(expectedByName);

    const byFit = await allPages({ c: cycleId, sort: { by: 'OVERALL_FIT', direction: 'DESC' } }, 4);
    const fits = byFit.rows.map((r) => r.overallFit);
    expect(byFit.rows).toHaveLength(12);
    const withFit = fits.filter((f) => f !== null);
    expect(withFit).toEqual([...withFit].sort((a, b) => b - a));
    expect(fits.slice(withFit.length)).toEqual([null, null, null, null]); // no fit: last

    const byResponses = await allPages({ c: cycleId, sort: { by: 'RESPONSES', direction: 'ASC' } }, 3);
    const counts = byResponses.rows.map((r) => r.responseCount);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(byResponses.rows.map((r) => r.subject.id)).size).toBe(12);
  });

  it('filters on the server, with the total of what matches', async () => {
    const sales = await allPages({ c: cycleId, filter: { department: 'Sales' } }, 4);
    expect(sales.total).toBe(6);
    expect(sales.rows.every((r) => r.subject.department === 'Sales')).toBe(true);
    const busy = await allPages({ c: cycleId, filter: { minResponses: 7 }, sort: { by: 'RESPONSES', direction: 'DESC' } }, 2);
    expect(busy.total).toBe([...stored.values()].filter((s) => s.responses >= 7).length);
    expect(busy.rows.every((r) => r.responseCount >= 7)).toBe(true);
    const same = await ok(HEATMAP, { c: cycleId, first: 10, filter: { search: 'sam same' } });
    expect(same.cycleHeatmap.rows.map((r: any) => r.subject.name)).toEqual(['Sam Same', 'Sam Same']);
  });

  it('refuses a bad page request, naming the argument', async () => {
    const tooMany = await gql(HEATMAP, { c: cycleId, first: 501 });
    expect(tooMany.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0].extensions!.fields[0].field).toBe('first');
    const { cycleHeatmap } = await ok(HEATMAP, { c: cycleId, first: 2 });
    const otherSort = await gql(HEATMAP, {
      c: cycleId,
      first: 2,
      after: cycleHeatmap.pageInfo.endCursor,
      sort: { by: 'RESPONSES', direction: 'ASC' },
    });
    expect(otherSort.errors![0].extensions!.fields[0].field).toBe('after');
    const garbage = await gql(HEATMAP, { c: cycleId, first: 2, after: 'not-a-cursor' });
    expect(garbage.errors![0].extensions!.fields[0].field).toBe('after');
  });

  it('pages through the directory with cursors, filtered and sorted on the server', async () => {
    const DIRECTORY = `query($first: Int, $after: String, $filter: PeopleFilterInput, $sort: PeopleSort) {
      directory(first: $first, after: $after, filter: $filter, sort: $sort) { totalCount pageInfo { endCursor hasNextPage } nodes { id employeeId name isLeaderOfLeaders department } }
    }`;
    const everyone = (await ok(`{ people(limit: 5000) { id employeeId name } }`)).people;
    expect(everyone).toHaveLength(123);
    const walk = async (variables: Record<string, unknown>, first: number) => {
      const seen: any[] = [];
      let after: string | null = null;
      for (;;) {
        const { directory } = await ok(DIRECTORY, { ...variables, first, after });
        seen.push(...directory.nodes);
        if (!directory.pageInfo.hasNextPage) return { nodes: seen, total: directory.totalCount };
        after = directory.pageInfo.endCursor;
      }
    };
    const byName = await walk({}, 10);
    expect(byName.total).toBe(123);
    expect(byName.nodes.map((p) => p.id)).toEqual(everyone.map((p: { id: string }) => p.id)); // the same order as people(): name, then id
    const byIdDesc = await walk({ sort: { by: 'EMPLOYEE_ID', direction: 'DESC' } }, 25);
    const ids = byIdDesc.nodes.map((p) => p.employeeId);
    expect(ids).toHaveLength(123);
    expect(new Set(ids).size).toBe(123);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    const leadersInSales = await walk({ filter: { leadersOfLeadersOnly: true, department: 'Sales' } }, 4);
    expect(leadersInSales.total).toBe(6);
    expect(leadersInSales.nodes.every((p) => p.isLeaderOfLeaders && p.department === 'Sales')).toBe(true);
  });
});
