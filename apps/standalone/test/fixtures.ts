/** Test fixtures that drive the platform through its public GraphQL API over real HTTP. */
import { getInstrument, DEFAULT_INSTRUMENT_ID } from '@leaderscope/framework';
import { eventually } from '@leaderscope/testing';
import { randomUUID } from 'node:crypto';

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

export class Api {
  constructor(readonly url: string) {}

  async call<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<GraphQLResult<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  }

  /** Calls and fails the test with the server's errors when there are any. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
    const result = await this.call<T>(query, variables, token);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  async login(email: string, password: string): Promise<string> {
    const data = await this.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
      e: email,
      p: password,
    });
    return data.login.token;
  }
}

export const PASSWORD = 'correct-horse-battery';

/**
 * A small organisation: Grace (CEO) manages Ada and three peers; Ada leads three team leads who
 * each lead two people, so Ada is a leader of leaders with a manager, 3 peers, 3 direct reports
 * and 6 skip-levels. `extra` people ([employee id, name, manager id, title]) are added after them.
 */
export function organisationCsv(
  domain = 'example.org',
  withoutEmail: string[] = [],
  extra: [string, string, string, string][] = [],
): string {
  const rows = ['employee_id,name,email,manager_id,title,department'];
  const add = (id: string, name: string, manager: string, title = '') =>
    rows.push(
      `${id},${name},${withoutEmail.includes(id) ? '' : `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${domain}`},${manager},${title},Operations`,
    );
  add('E1', 'Grace Hopper', '', 'Chief Executive');
  add('E10', 'Ada Lovelace', 'E1', 'Head of Operations');
  add('E11', 'Alan Turing', 'E1', 'Head of Research');
  add('E12', 'Barbara Liskov', 'E1', 'Head of Sales');
  add('E13', 'Claude Shannon', 'E1', 'Head of Finance');
  ['Dorothy Vaughan', 'Edsger Dijkstra', 'Frances Allen'].forEach((name, i) => {
    add(`E10${i}`, name, 'E10', 'Team lead');
    add(`E10${i}1`, `${name.split(' ')[0]} Report One`, `E10${i}`);
    add(`E10${i}2`, `${name.split(' ')[0]} Report Two`, `E10${i}`);
  });
  add('E111', 'Katherine Johnson', 'E11', 'Partner lead');
  for (const [id, name, manager, title] of extra) add(id, name, manager, title);
  return rows.join('\n') + '\n';
}

export const instrument = getInstrument(DEFAULT_INSTRUMENT_ID);

/**
 * Answers to every item a rater is shown, such that the rater's score on every dimension is
 * exactly `level` (or `level(dimensionId)`): plain items `level`, reverse-scored items `min + max - level`.
 */
export function answersAt(level: number | ((dimensionId: string) => number), itemIds: string[]) {
  const items = new Map(instrument.items.map((i) => [i.id, i]));
  const { min, max } = instrument.scale;
  return itemIds.map((itemId) => {
    const item = items.get(itemId)!;
    const l = typeof level === 'number' ? level : level(item.dimensionId);
    return { itemId, value: item.reverse ? min + max - l : l };
  });
}

export interface Invitation {
  assignmentId: string;
  token: string;
  group: string;
  subjectId: string;
  rater: { name: string };
}

export interface LaunchedCycle {
  cycleId: string;
  subjectId: string;
  invitations: Invitation[];
}

/**
 * Every rater's survey link, taken the way HR can take it on the one-machine default (no mail
 * server): a rater with an e-mail address from their invitation in the mail outbox (opening it is
 * audited), a rater without one from `raterInvitations` (audited). Waits for the invitations to be
 * recorded.
 */
export async function surveyLinks(api: Api, hr: string, cycleId: string): Promise<Invitation[]> {
  type Row = {
    assignmentId: string;
    group: string;
    subjectId: string;
    raterName: string;
    raterEmail: string | null;
    invitation: { mailId: string; status: string } | null;
  };
  const rows = await eventually(
    'every invitation recorded in the mail outbox',
    async () => {
      const { cycleMailDeliveries } = await api.ok<{ cycleMailDeliveries: Row[] }>(
        `query($c: ID!) { cycleMailDeliveries(cycleId: $c) { assignmentId group subjectId raterName raterEmail invitation { mailId status } } }`,
        { c: cycleId },
        hr,
      );
      return (
        cycleMailDeliveries.length > 0 &&
        cycleMailDeliveries.every((r) => !r.raterEmail || r.invitation?.status === 'recorded') &&
        cycleMailDeliveries
      );
    },
    60000,
  );
  const withoutEmail = new Map<string, string>();
  if (rows.some((r) => !r.raterEmail)) {
    const { raterInvitations } = await api.ok<{ raterInvitations: { assignmentId: string; token: string }[] }>(
      `query($c: ID!) { raterInvitations(cycleId: $c) { assignmentId token } }`,
      { c: cycleId },
      hr,
    );
    for (const i of raterInvitations) withoutEmail.set(i.assignmentId, i.token);
  }
  const out: Invitation[] = [];
  for (const r of rows) {
    let token = withoutEmail.get(r.assignmentId);
    if (r.raterEmail) {
      const { mailOutboxMessage } = await api.ok<{ mailOutboxMessage: { link: string } }>(
        `query($m: ID!) { mailOutboxMessage(mailId: $m) { link } }`,
        { m: r.invitation!.mailId },
        hr,
      );
      token = decodeURIComponent(mailOutboxMessage.link.split('/survey/')[1]);
    }
    if (!token) throw new Error(`no link for ${r.raterName}`);
    out.push({ assignmentId: r.assignmentId, token, group: r.group, subjectId: r.subjectId, rater: { name: r.raterName } });
  }
  return out;
}

export interface CycleOptions {
  anonymityThreshold?: number;
  commentThreshold?: number;
  withoutEmail?: string[];
  /** the directory to import (default `organisationCsv`) */
  csv?: string;
  /** minimum raters per group (default: direct reports 2, the rest the platform's defaults) */
  minRaters?: { group: string; count: number }[];
}

/**
 * HR imports the organisation, creates a cycle for these leaders (employee ids), proposes raters
 * from the reporting lines and approves them; the cycle stays a draft. Returns each leader's person id.
 */
export async function draftCycle(
  api: Api,
  hr: string,
  employeeIds: string[],
  options: CycleOptions = {},
): Promise<{ cycleId: string; subjects: Map<string, string> }> {
  const imported = await api.ok(
    `mutation($csv: String!) { importPeople(csv: $csv, dryRun: false) { applied errors { line column reason } } }`,
    { csv: options.csv ?? organisationCsv('example.org', options.withoutEmail) },
    hr,
  );
  if (!imported.importPeople.applied) throw new Error(`import failed: ${JSON.stringify(imported.importPeople.errors)}`);
  const { people } = await api.ok(`{ people(limit: 5000) { id employeeId } }`, {}, hr);
  const subjects = new Map<string, string>(employeeIds.map((e) => [e, people.find((p: { employeeId: string }) => p.employeeId === e).id]));
  const now = Date.now();
  const { createCycle } = await api.ok(
    `mutation($input: CreateCycleInput!) { createCycle(input: $input) { id } }`,
    {
      input: {
        name: 'Leadership 360',
        anonymityThreshold: options.anonymityThreshold ?? 3,
        ...(options.commentThreshold ? { commentThreshold: options.commentThreshold } : {}),
        minRaters: options.minRaters ?? [{ group: 'direct_report', count: 2 }],
        opensAt: new Date(now - 3600_000).toISOString(),
        closesAt: new Date(now + 7 * 86400_000).toISOString(),
      },
    },
    hr,
  );
  const cycleId = createCycle.id;
  await api.ok(
    `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`,
    { c: cycleId, p: [...subjects.values()] },
    hr,
  );
  await api.ok(`mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: cycleId }, hr);
  for (const subjectId of subjects.values())
    await api.ok(
      `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed } }`,
      { c: cycleId, s: subjectId },
      hr,
    );
  return { cycleId, subjects };
}

/** HR launches a drafted cycle; the raters' links come from the mail outbox (`surveyLinks`), unless `links` is false. */
export async function launchDraft(api: Api, hr: string, cycleId: string, links = true): Promise<Invitation[]> {
  await api.ok(`mutation($c: ID!) { launchCycle(cycleId: $c) { status } }`, { c: cycleId }, hr);
  return links ? surveyLinks(api, hr, cycleId) : [];
}

/**
 * HR imports the organisation, creates a cycle for Ada, proposes and approves raters, and launches.
 * The raters' links come from the mail outbox (`surveyLinks`), unless `links: false` (a mail server
 * is configured: the test reads the mails it receives).
 */
export async function launchCycleForAda(
  api: Api,
  hr: string,
  options: { anonymityThreshold?: number; commentThreshold?: number; withoutEmail?: string[]; links?: boolean } = {},
): Promise<LaunchedCycle> {
  const { cycleId, subjects } = await draftCycle(api, hr, ['E10'], options);
  return { cycleId, subjectId: subjects.get('E10')!, invitations: await launchDraft(api, hr, cycleId, options.links !== false) };
}

/** A rater opens their link and submits answers at `level` on every dimension (or `level(dimensionId)` on each). */
export async function answerSurvey(api: Api, token: string, level: number | ((dimensionId: string) => number), comment?: string) {
  const { raterSurvey } = await api.ok(`query($t: String!) { raterSurvey(token: $t) { dimensions { id items { id } } } }`, { t: token });
  const itemIds = raterSurvey.dimensions.flatMap((d: { items: { id: string }[] }) => d.items.map((i) => i.id));
  const input = {
    token,
    idempotencyKey: randomUUID(),
    answers: answersAt(level, itemIds),
    comments: comment ? [{ dimensionId: raterSurvey.dimensions[0].id, text: comment }] : [],
  };
  const result = await api.call(`mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { submissionId status } }`, { input });
  return { input, result };
}

export const SUBJECT_REPORT = `
  query Report($cycleId: ID!, $subjectId: ID!) {
    subjectReport(cycleId: $cycleId, subjectId: $subjectId) {
      visibility reportVersion responseCount
      overall { others self gap fit }
      dimensions {
        dimensionId name gap target fit
        others { n mean suppressed includes }
        groups { group n mean suppressed suppressionReason ciLow ciHigh }
      }
      comments { text group dimensionId }
    }
  }`;

export interface Figure {
  n: number;
  mean: number | null;
  suppressed: boolean;
}
export type Report = {
  responseCount: number;
  dimensions: { dimensionId: string; others: Figure; groups: (Figure & { group: string })[] }[];
};

/** Every figure of a report by name: dimension × group and dimension × others. */
export function figures(report: Report | null): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const d of report?.dimensions ?? []) {
    out.set(`${d.dimensionId}/others`, d.others);
    for (const g of d.groups) out.set(`${d.dimensionId}/${g.group}`, g);
  }
  return out;
}

/** Pairs of published figures whose number of raters moved by fewer than `threshold` between two views. */
export function smallMoves(before: Report | null, after: Report | null, threshold: number): string[] {
  const a = figures(before);
  const b = figures(after);
  const out: string[] = [];
  for (const [name, y] of b) {
    const x = a.get(name);
    if (!x || x.suppressed || y.suppressed || x.mean === null || y.mean === null) continue;
    const moved = Math.abs(y.n - x.n);
    if (moved > 0 && moved < threshold) out.push(`${name}: n ${x.n} → ${y.n}, mean ${x.mean} → ${y.mean}`);
  }
  return out;
}
