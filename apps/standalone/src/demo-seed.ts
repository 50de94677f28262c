import { addAccount, provisionOrganisation, TokenCipher } from '@leaderscope/gateway';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export const DEMO = {
  organisation: 'Northwind Logistics (demo)',
  password: 'leaderscope-demo',
  hr: 'hr@northwind.example',
  leader: 'amara.okafor@northwind.example',
  manager: 'daniel.brennan@northwind.example',
};

/** Names for the directory: every person gets a distinct first and last name pair, no numbers. */
const FIRST = [
  'Sofia',
  'Marcus',
  'Leila',
  'Tomasz',
  'Hannah',
  'Ravi',
  'Chloe',
  'Jonas',
  'Aisha',
  'Pedro',
  'Ingrid',
  'Kenji',
  'Fatima',
  'Oliver',
  'Mei',
  'Samuel',
  'Elena',
  'Kwame',
  'Nora',
  'Diego',
  'Priya',
  'Lukas',
  'Zara',
  'Hugo',
  'Anouk',
  'Tariq',
  'Freya',
  'Mateo',
  'Yasmin',
  'Ethan',
  'Lucia',
  'Idris',
  'Maja',
  'Connor',
  'Selin',
  'Bruno',
  'Keira',
  'Arjun',
  'Noemi',
  'Felix',
];
const LAST = [
  'Hartley',
  'Nakamura',
  'Osei',
  'Kowalski',
  'Bergström',
  'Mehta',
  'Duval',
  'Fischer',
  'Haddad',
  'Almeida',
  'Lund',
  'Tanaka',
  'Rahman',
  'Whitaker',
  'Chen',
  'Adeyemi',
  'Rossi',
  'Mensah',
  'Quinn',
  'Navarro',
  'Iyer',
  'Becker',
  'Malik',
  'Laurent',
  'de Vries',
  'Aziz',
  'Sinclair',
  'Ortega',
  'Karim',
  'Doyle',
  'Romano',
  'Bello',
  'Nowak',
  'Fitzgerald',
  'Yilmaz',
  'Costa',
  'Murray',
  'Kapoor',
  'Ferrari',
  'Holm',
];

/** How raters refer to a head in their comments, and what their department's work looks like. */
interface Head {
  name: string;
  /** subject and possessive pronouns, as raters write them */
  pronouns: { they: string; their: string; them: string };
  /** a hard moment everyone in the department remembers */
  incident: string;
  /** the detail a head of this department gets pulled into */
  detail: string;
  /** the department they work most closely with */
  partner: string;
}

const SHE = { they: 'she', their: 'her', them: 'her' };
const HE = { they: 'he', their: 'his', them: 'him' };

const DEPARTMENTS: { name: string; head: Head; teams: string[]; roles: string[] }[] = [
  {
    name: 'Engineering',
    head: {
      name: 'Amara Okafor',
      pronouns: SHE,
      incident: 'the routing outage in March',
      detail: 'individual tickets',
      partner: 'Operations',
    },
    teams: ['Platform', 'Routing', 'Mobile apps', 'Data'],
    roles: ['Software engineer', 'Senior software engineer', 'Site reliability engineer'],
  },
  {
    name: 'Operations',
    head: {
      name: 'Tomasz Kowalski',
      pronouns: HE,
      incident: 'the week the North hub flooded',
      detail: 'shift rosters',
      partner: 'Engineering',
    },
    teams: ['North hub', 'South hub', 'Fleet', 'Customs'],
    roles: ['Shift supervisor', 'Planner', 'Operations analyst'],
  },
  {
    name: 'Sales',
    head: { name: 'Priya Iyer', pronouns: SHE, incident: 'losing the Halden account', detail: 'individual deal terms', partner: 'Finance' },
    teams: ['Enterprise', 'Mid-market', 'Partnerships', 'Customer success'],
    roles: ['Account executive', 'Account manager', 'Solutions consultant'],
  },
  {
    name: 'Finance',
    head: {
      name: 'Jonas Fischer',
      pronouns: HE,
      incident: 'the year-end close with the new ledger',
      detail: 'single invoices',
      partner: 'Sales',
    },
    teams: ['Controlling', 'Payables', 'Pricing', 'Procurement'],
    roles: ['Financial analyst', 'Accountant', 'Buyer'],
  },
];
const HEADS = new Map(DEPARTMENTS.map((d) => [d.head.name, d.head]));

/** Northwind Logistics: a chief executive, four department heads (leaders of leaders), sixteen team leads, 48 specialists. */
export function demoDirectoryCsv(): string {
  const rows = [['employee_id', 'name', 'email', 'manager_id', 'title', 'department']];
  const used = new Set<string>([...HEADS.keys(), 'Daniel Brennan']);
  const add = (id: string, name: string, manager: string, title: string, department: string) => {
    used.add(name);
    rows.push([
      id,
      name,
      `${name
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z0-9]+/g, '.')
        .replace(/^\.|\.$/g, '')}@northwind.example`,
      manager,
      title,
      department,
    ]);
  };
  let n = 0;
  const nextName = (): string => {
    for (;;) {
      const name = `${FIRST[n % FIRST.length]} ${LAST[(n * 7 + Math.floor(n / FIRST.length) * 3) % LAST.length]}`;
      n++;
      if (!used.has(name)) return name;
    }
  };
  add('E001', 'Daniel Brennan', '', 'Chief Executive', 'Executive');
  DEPARTMENTS.forEach((department, d) => {
    const head = `E1${d}0`;
    add(head, department.head.name, 'E001', `Head of ${department.name}`, department.name);
    department.teams.forEach((team, m) => {
      const lead = `E1${d}${m + 1}`;
      add(lead, nextName(), head, `Team lead, ${team}`, department.name);
      for (let i = 1; i <= 3; i++)
        add(`E2${d}${m + 1}${i}`, nextName(), lead, department.roles[(i + m) % department.roles.length], department.name);
    });
  });
  return rows.map((r) => r.map((v) => (/[,"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n') + '\n';
}

/**
 * Comments as raters write them, by dimension position in the instrument, about one head: `{they}`,
 * `{their}`, `{them}` (capitalised forms too) are the head's pronouns, `{incident}`, `{detail}` and
 * `{partner}` their department's. Written for this demo; each report draws without repeating.
 */
const COMMENTS: string[][] = [
  [
    '{They} gives {their} team leads real decisions to make and then backs them, even when {they} would have done it differently.',
    'Our one-to-ones are about how I lead my team, not just status. I did not get that from my previous manager.',
    'I would like more honest feedback on my own leadership — it tends to come late, at review time.',
    '{They} spotted that I was ready for a bigger team before I did, and made the case for it.',
    'When one of the team leads struggled, {they} coached rather than took over. It took longer and it worked.',
    'Two of {their} team leads were promoted this year; both say {they} prepared them for it.',
  ],
  [
    'Everyone in the department can explain why this year’s priorities were picked. That is rare.',
    'The plan was clear in January; by June some teams were pulling in different directions and nobody reset it.',
    'Good at turning the company plan into three or four things our area actually owns.',
    'I would like to hear more about where the department should be in three years, not only this quarter.',
    '{They} says no to good ideas that do not fit the plan, and explains why. Painful but right.',
  ],
  [
    'Works well with the other heads — the handover problems with {partner} only eased because {they} sat down with them.',
    'Sometimes defends {their} own department’s budget harder than the company’s interest would justify.',
    'Shares people and knowledge across departments without being asked.',
    'Other heads ask for {their} view before big decisions, which says a lot.',
    'Could be quicker to pull {partner} in early instead of handing them a finished plan.',
  ],
  [
    'During {incident} {they} stayed calm, set up a clear chain of updates and let the team leads run it.',
    'Decisions can wait too long for more data. A “good enough” call earlier would often help us.',
    'Explains the reasoning behind unpopular decisions, which makes them easier to carry to my own team.',
    'When {they} changes {their} mind {they} says so and why, which I respect.',
    'After {incident} {they} ran an honest review with no blame. We changed three things because of it.',
  ],
  [
    'Still gets pulled into {detail}; {their} team leads would grow faster if {they} stepped back.',
    'Protects the team from noise from above without hiding what is going on.',
    'Sets a high bar and is fair about it.',
    'Gives credit to the team leads in front of the leadership team, not to {themself}.',
    'I sometimes hear about changes from my own reports before I hear them from {them}.',
  ],
  [
    'Brings customers’ problems into our planning instead of treating them as someone else’s job.',
    'Could spend more time with the people two levels down; many of us have only met {them} at town halls.',
    'Holds a steady line under pressure from the board without passing the stress on.',
    'Visits the teams on the ground every month and actually listens.',
    'Puts real money into training for the team leads, even in a tight year.',
  ],
];

/** A comment about one head, in their pronouns and their department's words. */
function commentAbout(template: string, head: Head): string {
  const { they, their, them } = head.pronouns;
  const words: Record<string, string> = {
    they,
    their,
    them,
    themself: them === 'her' ? 'herself' : 'himself',
    incident: head.incident,
    detail: head.detail,
    partner: head.partner,
  };
  return template
    .replace(/\{(\w+)\}/g, (_, key: string) => {
      const word = words[key.toLowerCase()];
      return key[0] === key[0].toUpperCase() ? word[0].toUpperCase() + word.slice(1) : word;
    })
    .replace(/^\w/, (c) => c.toUpperCase());
}

/**
 * Whether a rater group can observe an item of one head (peers in other departments cannot see
 * how a head develops their own team leads, say): the same for every rater of the group, as in a
 * real cycle, so raters of a group answer the same items. About 6% of group × item pairs.
 */
function unobservable(subjectId: string, group: string, itemId: string): boolean {
  let h = 2166136261;
  for (const ch of `${subjectId}|${group}|${itemId}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return group !== 'self' && group !== 'manager' && (h >>> 0) % 100 < 6;
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
 * The seed runs inside the platform and plays every rater, so it opens their survey tokens itself
 * with the gateway's cipher, as the mail a rater receives would carry them. (Through the API, HR
 * lists links only of raters without an e-mail address; the demo's people all have one.)
 */
async function surveyLinks(
  dataSource: DataSource,
  cipher: TokenCipher,
  cycleId: string,
): Promise<{ token: string; group: string; subject: { id: string } }[]> {
  const rows = await dataSource.query<{ tokenCipher: string; group: string; subjectId: string }[]>(
    `SELECT "token_cipher" AS "tokenCipher", "rater_group" AS "group", "subject_id" AS "subjectId"
     FROM "gateway"."assignment" WHERE "cycle_id" = $1 AND "revoked_at" IS NULL ORDER BY "subject_id", "rater_group", "id"`,
    [cycleId],
  );
  return rows.map((r) => ({ token: cipher.decrypt(r.tokenCipher), group: r.group, subject: { id: r.subjectId } }));
}

/** The month and year a cycle opens, for its name: "Leadership 360 — May 2026". */
function cycleName(opensAt: Date): string {
  return `Leadership 360 — ${opensAt.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
}

/**
 * Seeds the demo organisation through the public API when the database has none: the directory,
 * sign-ins for HR, a department head and the chief executive, and two released cycles six months
 * apart (so reports show the change since the previous cycle), with varied answers and comments.
 * Deterministic; runs once.
 */
export async function seedDemo(url: string, dataSource: DataSource, cipher: TokenCipher, log: (m: string) => void): Promise<boolean> {
  const [{ count }] = await dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS "count" FROM "gateway"."organisation"`);
  if (count > 0) return false;
  log('demo: seeding the Northwind Logistics demo organisation');
  const { organisationId } = await provisionOrganisation(dataSource, {
    name: DEMO.organisation,
    hrEmail: DEMO.hr,
    hrPassword: DEMO.password,
  });
  const { login } = await gql<{ login: { token: string } }>(
    url,
    null,
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    { e: DEMO.hr, p: DEMO.password },
  );
  const hr = login.token;
  await gql(url, hr, `mutation($csv: String!) { importPeople(csv: $csv, dryRun: false) { applied } }`, { csv: demoDirectoryCsv() });
  await addAccount(dataSource, { organisationId, personEmail: DEMO.leader, password: DEMO.password });
  await addAccount(dataSource, { organisationId, personEmail: DEMO.manager, password: DEMO.password });

  // The department heads (leaders of leaders below the chief executive, who has no manager or peers to rate her).
  const { people: candidates } = await gql<{ people: { id: string; name: string; managerId: string | null }[] }>(
    url,
    hr,
    `{ people(leadersOfLeadersOnly: true) { id name managerId } }`,
  );
  const people = candidates.filter((p) => p.managerId);
  const headOf = new Map(people.flatMap((p) => (HEADS.has(p.name) ? [[p.id, HEADS.get(p.name)!] as const] : [])));
  const day = 86400000;
  const now = Date.now();
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const cycles = [
    { opensAt: new Date(now - 182 * day), growth: 0 }, // the earlier cycle: opened six months ago
    { opensAt: new Date(now - 21 * day), growth: 0.35 }, // this one: three weeks ago, with visible progress on development areas
  ];
  let answered = 0;
  let latestCycleId = '';
  for (const [c, plan] of cycles.entries()) {
    const { createCycle } = await gql<{ createCycle: { id: string } }>(
      url,
      hr,
      `mutation($input: CreateCycleInput!) { createCycle(input: $input) { id } }`,
      {
        input: {
          name: cycleName(plan.opensAt),
          opensAt: plan.opensAt.toISOString(),
          closesAt: new Date(now + (c === 0 ? 1 : 14) * day).toISOString(),
        },
      },
    );
    const cycleId = createCycle.id;
    await gql(url, hr, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, {
      c: cycleId,
      p: people.map((p) => p.id),
    });
    await gql(url, hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: cycleId });
    for (const subject of people)
      await gql(url, hr, `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed } }`, {
        c: cycleId,
        s: subject.id,
      });
    await gql(url, hr, `mutation($c: ID!) { launchCycle(cycleId: $c) { id } }`, { c: cycleId });
    const raterInvitations = await surveyLinks(dataSource, cipher, cycleId);
    const drawn = new Map<string, number>();
    let submitted = 0;
    for (const [i, invitation] of raterInvitations.entries()) {
      if (i % 9 === 8) continue; // a few raters have not answered
      const { raterSurvey } = await gql<{ raterSurvey: { dimensions: { id: string; items: { id: string }[] }[] } }>(
        url,
        null,
        `query($t: String!) { raterSurvey(token: $t) { dimensions { id items { id } } } }`,
        { t: invitation.token },
      );
      // Each head has their own profile: strong on some dimensions, weaker on others; self-ratings a little generous.
      const who = people.findIndex((p) => p.id === invitation.subject.id);
      const lean = invitation.group === 'self' ? 0.5 : invitation.group === 'manager' ? 0.2 : 0;
      const answers = raterSurvey.dimensions.flatMap((d, di) => {
        const base = 2.7 + ((di + who * 2) % 5) * 0.38 + ((di + who) % 5 < 2 ? plan.growth : plan.growth / 3);
        return d.items.map((item) => ({
          itemId: item.id,
          value: unobservable(invitation.subject.id, invitation.group, item.id)
            ? null
            : Math.max(1, Math.min(5, Math.round(base + lean + (random() - 0.5) * 1.5))),
        }));
      });
      const comments: { dimensionId: string; text: string }[] = [];
      if (invitation.group !== 'self' && random() < 0.55) {
        const di = Math.floor(random() * Math.min(COMMENTS.length, raterSurvey.dimensions.length));
        // each report draws its comments without repeating one (the next unused in this dimension's pool)
        const key = `${invitation.subject.id}|${di}`;
        const next = drawn.get(key) ?? c * 2;
        if (next < c * 2 + COMMENTS[di].length) {
          drawn.set(key, next + 1);
          const head = headOf.get(invitation.subject.id);
          const template = COMMENTS[di][next % COMMENTS[di].length];
          comments.push({ dimensionId: raterSurvey.dimensions[di].id, text: head ? commentAbout(template, head) : template });
        }
      }
      await gql(url, null, `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { status } }`, {
        input: { token: invitation.token, idempotencyKey: randomUUID(), answers, comments },
      });
      submitted++;
    }
    // Let the answers flow through the services, then close and release so every page has a report.
    // The release publishes the gateway's live reports as they stand, so wait until every answer was
    // decided by the scoring service (its receipt counted: stored, scored, the disclosure rule
    // applied) and the gateway holds, for every subject, the snapshot the rule last took. Under the
    // rule (docs/anonymity.md) a late rater may never move a live report, so neither the number of
    // answers stored nor the gateway's live counts alone say "everything arrived"; a release before
    // the last snapshot reached the gateway published a report without the comments it then showed.
    for (let attempt = 0; attempt < 600; attempt++) {
      const [{ undecided }] = await dataSource.query<{ undecided: number }[]>(
        `SELECT count(*)::int AS "undecided" FROM "gateway"."submission" s
           JOIN "gateway"."assignment" a ON a."id" = s."assignment_id"
          WHERE a."cycle_id" = $1 AND s."counted_at" IS NULL`,
        [cycleId],
      );
      const [{ behind }] = await dataSource.query<{ behind: number }[]>(
        `SELECT count(*)::int AS "behind" FROM (
           SELECT DISTINCT ON ("subject_id") "subject_id", cardinality("response_ids") AS "n" FROM "scoring"."disclosed_view"
            WHERE "cycle_id" = $1 AND "result_set" = 'live' ORDER BY "subject_id", "snapshot" DESC) v
           LEFT JOIN "gateway"."subject_report" r ON r."cycle_id"::text = $1 AND r."subject_id"::text = v."subject_id" AND r."result_set" = 'live'
          WHERE r."response_count" IS DISTINCT FROM v."n"`,
        [cycleId],
      );
      const [{ reports }] = await dataSource.query<{ reports: number }[]>(
        `SELECT count(*)::int AS "reports" FROM "gateway"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = 'live'`,
        [cycleId],
      );
      if (undecided === 0 && behind === 0 && reports > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await gql(url, hr, `mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`, { c: cycleId });
    await gql(url, hr, `mutation($c: ID!) { releaseResults(cycleId: $c) { id } }`, { c: cycleId });
    // A cycle must close in the future when it is created; the seed plays it out at once, then dates
    // it as it would have run: three weeks of answers, results released two days after the close.
    const closedAt = new Date(Math.min(plan.opensAt.getTime() + 21 * day, now - day));
    await dataSource.query(
      `UPDATE "gateway"."cycle" SET "launched_at" = "opens_at", "closes_at" = $2, "closed_at" = $2, "released_at" = $3 WHERE "id" = $1`,
      [cycleId, closedAt, new Date(Math.min(closedAt.getTime() + 2 * day, now))],
    );
    answered += submitted;
    latestCycleId = cycleId;
  }
  await seedDevelopmentPlan(url, latestCycleId);
  log(`demo: released two cycles with ${answered} answers; sign in as ${DEMO.hr} / ${DEMO.password}`);
  return true;
}

/** The demo leader's development plan from her latest report (its lowest-rated item and weakest dimension), and her manager's comment. */
async function seedDevelopmentPlan(url: string, cycleId: string): Promise<void> {
  const signIn = async (email: string) =>
    (
      await gql<{ login: { token: string } }>(
        url,
        null,
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
        {
          e: email,
          p: DEMO.password,
        },
      )
    ).login.token;
  const leader = await signIn(DEMO.leader);
  const { me } = await gql<{ me: { person: { id: string } } }>(url, leader, `{ me { person { id } } }`);
  const { subjectReport } = await gql<{
    subjectReport: {
      lowestItems: { itemId: string }[];
      developmentAreasByFit: { dimensionId: string }[];
      dimensions: { dimensionId: string }[];
    };
  }>(
    url,
    leader,
    `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { lowestItems { itemId } developmentAreasByFit { dimensionId } dimensions { dimensionId } } }`,
    { c: cycleId, s: me.person.id },
  );
  const dimension = subjectReport.developmentAreasByFit[0]?.dimensionId ?? subjectReport.dimensions[0].dimensionId;
  const focusAreas = [
    { kind: 'dimension', id: dimension, actions: 'Hand one decision a month to a team lead, then go over with them how it went.' },
    ...(subjectReport.lowestItems[0]
      ? [
          {
            kind: 'item',
            id: subjectReport.lowestItems[0].itemId,
            actions: 'In each one-to-one, ask what I did that week that slowed the team down.',
          },
        ]
      : []),
  ];
  await gql(url, leader, `mutation($input: SaveDevelopmentPlanInput!) { saveDevelopmentPlan(input: $input) { version } }`, {
    input: { cycleId, focusAreas, reviewDate: new Date(Date.now() + 90 * 86400000).toISOString().slice(0, 10) },
  });
  const manager = await signIn(DEMO.manager);
  await gql(url, manager, `mutation($input: CommentOnDevelopmentPlanInput!) { commentOnDevelopmentPlan(input: $input) { version } }`, {
    input: { cycleId, subjectId: me.person.id, body: 'Good choices. Bring the first decision you hand over to our next meeting.' },
  });
}
