import { addAccount, provisionOrganisation } from '@leaderscope/gateway';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export const DEMO = {
  organisation: 'Northwind (demo)',
  password: 'leaderscope-demo',
  hr: 'hr@northwind.example',
  leader: 'ada.lovelace@northwind.example',
  manager: 'grace.hopper@northwind.example',
};

const FIRST = ['Ada', 'Alan', 'Barbara', 'Claude', 'Dorothy', 'Edsger', 'Frances', 'Guido', 'Hedy', 'Ivan', 'Joan', 'Ken', 'Lynn', 'Margaret', 'Niklaus', 'Ole', 'Radia', 'Shafi', 'Tim', 'Whitfield', 'Yukihiro', 'Zhores', 'Katherine', 'Dennis', 'Sophie', 'John', 'Karen', 'Leslie', 'Mary', 'Donald'];
const LAST = ['Turing', 'Liskov', 'Shannon', 'Vaughan', 'Dijkstra', 'Allen', 'Rossum', 'Lamarr', 'Sutherland', 'Clarke', 'Thompson', 'Conway', 'Hamilton', 'Wirth', 'Dahl', 'Perlman', 'Goldwasser', 'Berners-Lee', 'Diffie', 'Matsumoto', 'Alferov', 'Johnson', 'Ritchie', 'Wilson', 'McCarthy', 'Jones', 'Lamport', 'Keller', 'Knuth', 'Kay'];

/** A small organisation: a CEO, four leaders of leaders, their managers and teams, as an HRIS CSV. */
export function demoDirectoryCsv(): string {
  const rows = [['employee_id', 'name', 'email', 'manager_id', 'title', 'department']];
  const add = (id: string, name: string, manager: string, title: string, department: string) =>
    rows.push([id, name, `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '')}@northwind.example`, manager, title, department]);
  add('E001', 'Grace Hopper', '', 'Chief Executive', 'Executive');
  const departments = ['Engineering', 'Operations', 'Sales', 'Finance'];
  let n = 0;
  const nextName = () => `${FIRST[n % FIRST.length]} ${LAST[(n * 7 + Math.floor(n / FIRST.length)) % LAST.length]}${n++ >= FIRST.length ? ` ${Math.floor(n / FIRST.length)}` : ''}`;
  departments.forEach((department, d) => {
    const vp = `E1${d}0`;
    add(vp, d === 0 ? 'Ada Lovelace' : nextName(), 'E001', `Head of ${department}`, department);
    for (let m = 1; m <= 4; m++) {
      const manager = `E1${d}${m}`;
      add(manager, nextName(), vp, 'Team lead', department);
      for (let i = 1; i <= 3; i++) add(`E2${d}${m}${i}`, nextName(), manager, 'Specialist', department);
    }
  });
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}

async function gql<T>(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`demo seed: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data!;
}

/**
 * Seeds the demo organisation through the public API when the database has none: the directory,
 * sign-ins for HR, a leader and her manager, and one released cycle with answers, so every page
 * has something to show. Deterministic answers; runs once.
 */
export async function seedDemo(url: string, dataSource: DataSource, log: (m: string) => void): Promise<boolean> {
  const [{ count }] = await dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS "count" FROM "gateway"."organisation"`);
  if (count > 0) return false;
  log('demo: seeding the Northwind demo organisation');
  const { organisationId } = await provisionOrganisation(dataSource, { name: DEMO.organisation, hrEmail: DEMO.hr, hrPassword: DEMO.password });
  const { login } = await gql<{ login: { token: string } }>(url, null, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: DEMO.hr, p: DEMO.password });
  const hr = login.token;
  await gql(url, hr, `mutation($csv: String!) { importPeople(csv: $csv, dryRun: false) { applied } }`, { csv: demoDirectoryCsv() });
  await addAccount(dataSource, { organisationId, personEmail: DEMO.leader, password: DEMO.password });
  await addAccount(dataSource, { organisationId, personEmail: DEMO.manager, password: DEMO.password });

  // The leaders of leaders below the chief executive (who has no manager or peers to rate her).
  const { people: candidates } = await gql<{ people: { id: string; managerId: string | null }[] }>(url, hr, `{ people(leadersOfLeadersOnly: true) { id managerId } }`);
  const people = candidates.filter((p) => p.managerId);
  const now = Date.now();
  const { createCycle } = await gql<{ createCycle: { id: string } }>(url, hr, `mutation($input: CreateCycleInput!) { createCycle(input: $input) { id } }`, {
    input: { name: 'Leadership 360 — spring (demo)', opensAt: new Date(now - 86400000).toISOString(), closesAt: new Date(now + 14 * 86400000).toISOString() },
  });
  const cycleId = createCycle.id;
  await gql(url, hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, { c: cycleId, p: people.map((p) => p.id) });
  await gql(url, hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { id } }`, { c: cycleId });
  for (const subject of people) await gql(url, hr, `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { id } }`, { c: cycleId, s: subject.id });
  await gql(url, hr, `mutation($c: ID!) { launchCycle(cycleId: $c) { id } }`, { c: cycleId });
  const { raterInvitations } = await gql<{ raterInvitations: { token: string; group: string }[] }>(url, hr, `query($c: ID!) { raterInvitations(cycleId: $c) { token group } }`, { c: cycleId });
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (const [i, invitation] of raterInvitations.entries()) {
    if (i % 9 === 8) continue; // a few raters have not answered
    const { raterSurvey } = await gql<{ raterSurvey: { dimensions: { id: string; items: { id: string }[] }[] } }>(
      url, null, `query($t: String!) { raterSurvey(token: $t) { dimensions { id items { id } } } }`, { t: invitation.token },
    );
    const lean = invitation.group === 'self' ? 0.6 : 0;
    const answers = raterSurvey.dimensions.flatMap((d, di) =>
      d.items.map((item) => ({ itemId: item.id, value: random() < 0.05 ? null : Math.max(1, Math.min(5, Math.round(2.6 + (di % 4) * 0.45 + lean + random() * 1.6))) })),
    );
    const comments = random() < 0.5 ? [{ dimensionId: raterSurvey.dimensions[0].id, text: 'Makes time for each of us and asks what we need to grow.' }] : [];
    await gql(url, null, `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { status } }`, {
      input: { token: invitation.token, idempotencyKey: randomUUID(), answers, comments },
    });
  }
  // Let the answers flow through the services, then close and release so every page has a report.
  const submitted = raterInvitations.filter((_, i) => i % 9 !== 8).length;
  for (let attempt = 0; attempt < 300; attempt++) {
    const [{ scored }] = await dataSource.query<{ scored: number }[]>(
      `SELECT coalesce(sum("response_count"), 0)::int AS "scored" FROM "gateway"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = 'live'`,
      [cycleId],
    );
    if (scored >= submitted) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await gql(url, hr, `mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`, { c: cycleId });
  await gql(url, hr, `mutation($c: ID!) { releaseResults(cycleId: $c) { id } }`, { c: cycleId });
  log(`demo: released a cycle with ${submitted} answers; sign in as ${DEMO.hr} / ${DEMO.password}`);
  return true;
}
