/**
 * The gateway for its own tests: a real PostgreSQL database of its own with the real migrations,
 * the in-process event transport (same contracts as Kafka), GraphQL over HTTP. Not part of the build.
 */
import { catalogue, InProcessTransport, SerializedEvent, SurveySubmittedV1 } from '@leaderscope/events';
import { getInstrument } from '@leaderscope/framework';
import type { RaterGroup } from '@leaderscope/vocabulary';
import { createTestDatabase, TestDatabase } from '@leaderscope/testing';
import { INestApplication, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEventEntity } from '../common/audit-event.entity';
import { addAccount, createGateway, listenGateway, provisionOrganisation, TokenCipher } from '../index';

export const PASSWORD = 'a-long-test-password';
export const SECRET = 'gateway-test-secret-0123456789';

/** People of a small organisation: Ada leads Ben, Cy and Di; Ben leads four, two of whom lead one each; Kim works for Cy. */
export const DIRECTORY_CSV = [
  'employee_id,name,email,manager_id',
  'ceo,Ada Chief,ada@org.test,',
  'l1,Ben Lead,ben@org.test,ceo',
  'l2,Cy Peer,cy@org.test,ceo',
  'l3,Di Peer,di@org.test,ceo',
  'm1,Eve Mid,eve@org.test,l1',
  'm2,Fay Mid,fay@org.test,l1',
  'm3,Gus Mid,gus@org.test,l1',
  'm4,Hal Mid,hal@org.test,l1',
  'e1,Ivy Ic,ivy@org.test,m1',
  'e2,Jon Ic,jon@org.test,m2',
  'x1,Kim Partner,kim@org.test,l2',
].join('\n');

export interface GraphQLAnswer<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; fields?: { field: string; message: string }[] } }[];
}

export interface SurveyLink {
  assignmentId: string;
  subject: { employeeId: string };
  rater: { employeeId: string };
  group: string;
  status: string;
  token: string;
  path: string;
}

export interface Organisation {
  organisationId: string;
  hr: string;
  /** person id by employee id */
  people: Map<string, string>;
  /** bearer token by e-mail, for the accounts `signIn` made */
  signIn(email: string): Promise<string>;
}

/**
 * The in-process transport, keeping the text of every event the relay published, in order: the relay
 * deletes what it publishes, so what the gateway emitted is what it published and what its outbox
 * still holds.
 */
class RecordingTransport extends InProcessTransport {
  readonly published: string[] = [];
  private held: { gate: Promise<void>; open: () => void } | null = null;

  /**
   * Until `release()`, publishing waits: the relay's batch stays in the outbox, its transaction
   * open, and what is written meanwhile waits behind it, so a test can read the outbox rows as the
   * gateway wrote them (their stored text and routing columns).
   */
  hold(): void {
    if (this.held) return;
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    this.held = { gate, open };
  }

  release(): void {
    this.held?.open();
    this.held = null;
  }

  override async publishSerialized(events: SerializedEvent[]): Promise<void> {
    if (this.held) await this.held.gate;
    await super.publishSerialized(events);
    this.published.push(...events.map((e) => e.json));
  }
}

export class TestGateway {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly db: TestDatabase,
    readonly transport: RecordingTransport,
  ) {}

  static async start(): Promise<TestGateway> {
    const db = await createTestDatabase('gw_test');
    const transport = new RecordingTransport(catalogue);
    const app = await createGateway({ databaseUrl: db.url, transport, secret: SECRET, logger: false });
    const port = await listenGateway(app, 0, '127.0.0.1');
    await transport.start();
    return new TestGateway(app, `http://127.0.0.1:${port}`, db, transport);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  get<T>(type: Type<T>): T {
    return this.app.get(type);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read as untyped JSON and checked with expect
  async gql<T = Record<string, any>>(
    token: string | null,
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLAnswer<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLAnswer<T>;
  }

  /** The data of an answer that must have succeeded. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read as untyped JSON and checked with expect
  async ok<T = Record<string, any>>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await this.gql<T>(token, query, variables);
    if (answer.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
    return answer.data!;
  }

  /** A new session's bearer token for an account made here (its password is PASSWORD). */
  async login(email: string): Promise<string> {
    return (
      await this.ok<{ login: { token: string } }>(null, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
        e: email,
        p: PASSWORD,
      })
    ).login.token;
  }

  /** A new organisation with its HR administrator and the test directory imported. */
  async organisation(name: string, csv = DIRECTORY_CSV): Promise<Organisation> {
    const slug = name.toLowerCase().replace(/\W+/g, '-');
    const hrEmail = `hr@${slug}.test`;
    const { organisationId } = await provisionOrganisation(this.dataSource, { name, hrEmail, hrPassword: PASSWORD });
    const hr = await this.login(hrEmail);
    const imported = await this.gql<{ importPeople?: { applied: boolean } }>(
      hr,
      `mutation($csv: String!) { importPeople(csv: $csv, dryRun: false) { applied errors { line column reason } } }`,
      { csv: csv.replace(/@org\.test/g, `@${slug}.test`) },
    );
    if (!imported.data?.importPeople?.applied) throw new Error(`import failed: ${JSON.stringify(imported)}`);
    const people = new Map<string, string>();
    const list = await this.ok<{ people: { id: string; employeeId: string }[] }>(hr, `{ people(limit: 5000) { id employeeId } }`);
    for (const p of list.people) people.set(p.employeeId, p.id);
    return {
      organisationId,
      hr,
      people,
      signIn: async (local: string) => {
        const email = `${local}@${slug}.test`;
        await addAccount(this.dataSource, { organisationId, personEmail: email, password: PASSWORD });
        return this.login(email);
      },
    };
  }

  /**
   * The events the gateway emitted, committed, oldest first: those its relay published (and deleted
   * from the outbox), then those its outbox still holds.
   */
  async emitted<P = Record<string, unknown>>(
    type: string,
    version?: number,
  ): Promise<{ id: string; version: number; correlationId: string; payload: P }[]> {
    type Envelope = { id: string; type: string; version: number; correlationId: string; payload: P };
    const waiting: { envelope: Envelope }[] = await this.dataSource.query(
      `SELECT "envelope"::json AS "envelope" FROM "gateway"."outbox_event" ORDER BY "position"`,
    );
    const published = this.transport.published.map((json) => JSON.parse(json) as Envelope);
    const seen = new Set(published.map((e) => e.id));
    return [...published, ...waiting.map((r) => r.envelope).filter((e) => !seen.has(e.id))].filter(
      (e) => e.type === type && (version === undefined || e.version === version),
    );
  }

  /**
   * The survey links of a launched cycle that still open a form (not submitted, not revoked), as the
   * raters receive them: by mail, the token opened with the server's cipher as the notifier does
   * (HR's `raterInvitations` lists only raters without an e-mail address; `listedLinks`).
   */
  async links(org: Organisation, cycleId: string): Promise<SurveyLink[]> {
    const cipher = new TokenCipher(SECRET);
    const rows: {
      id: string;
      subject: string;
      rater: string;
      raterGroup: string;
      status: string;
      tokenCipher: string;
    }[] = await this.dataSource.query(
      `SELECT a."id", s."employee_id" AS "subject", r."employee_id" AS "rater", a."rater_group" AS "raterGroup", a."status", a."token_cipher" AS "tokenCipher"
       FROM "gateway"."assignment" a
       JOIN "gateway"."person" s ON s."id" = a."subject_id" JOIN "gateway"."person" r ON r."id" = a."rater_person_id"
       WHERE a."cycle_id" = $1 AND a."organisation_id" = $2 AND a."revoked_at" IS NULL AND a."status" <> 'submitted'
       ORDER BY r."name", s."name"`,
      [cycleId, org.organisationId],
    );
    return rows.map((row) => {
      const token = cipher.decrypt(row.tokenCipher);
      return {
        assignmentId: row.id,
        subject: { employeeId: row.subject },
        rater: { employeeId: row.rater },
        group: row.raterGroup,
        status: row.status,
        token,
        path: `/survey/${token}`,
      };
    });
  }

  /** The survey links HR lists for a launched cycle (raters without an e-mail address only; audited). */
  async listedLinks(org: Organisation, cycleId: string): Promise<SurveyLink[]> {
    return (await this.ok<{ raterInvitations: SurveyLink[] }>(org.hr, INVITATIONS, { c: cycleId })).raterInvitations;
  }

  /** The `survey.submitted` events emitted for one assignment. */
  async submitted(assignmentId: string): Promise<{ id: string; payload: SurveySubmittedV1 }[]> {
    return (await this.emitted<SurveySubmittedV1>('survey.submitted')).filter((e) => e.payload.raterId === assignmentId);
  }

  /** The audit trail's entries with this action, oldest first. */
  audited(action: string): Promise<AuditEventEntity[]> {
    return this.dataSource.getRepository(AuditEventEntity).find({ where: { action }, order: { id: 'ASC' } });
  }

  /** A draft cycle with these subjects (by employee id); minimums of 0 unless `input` says otherwise. */
  async draftCycle(org: Organisation, subjects: string[], input: Record<string, unknown> = {}): Promise<string> {
    const none = ['self', 'manager', 'peer', 'direct_report'].map((group) => ({ group, count: 0 }));
    const id = (
      await this.ok<{ createCycle: { id: string } }>(org.hr, CREATE_CYCLE, { input: cycleInput('Review', { minRaters: none, ...input }) })
    ).createCycle.id;
    if (subjects.length) await this.ok(org.hr, ADD_SUBJECTS, { c: id, p: subjects.map((s) => org.people.get(s)) });
    return id;
  }

  /** A launched cycle whose subjects' proposed raters (from the reporting lines) were approved by HR. */
  async launchedCycle(org: Organisation, subjects: string[], input: Record<string, unknown> = {}): Promise<string> {
    const id = await this.draftCycle(org, subjects, input);
    await this.ok(org.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: id });
    for (const s of subjects)
      await this.ok(org.hr, `mutation($c: ID!, $s: ID!) { approveNominations(cycleId: $c, subjectId: $s) { changed } }`, {
        c: id,
        s: org.people.get(s),
      });
    await this.ok(org.hr, LAUNCH, { c: id });
    return id;
  }

  async stop(): Promise<void> {
    this.transport.release();
    await this.transport.stopConsumers();
    await this.app.close();
    await this.transport.close();
    await this.db.drop();
  }
}

/** The error code of the first error, for refusals. */
export function codeOf(answer: GraphQLAnswer): string | undefined {
  return answer.errors?.[0]?.extensions?.code;
}

export const ADD_SUBJECTS = `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id status subjects { employeeId } } }`;
export const LAUNCH = `mutation($c: ID!) { launchCycle(cycleId: $c) { id status launchedAt } }`;
export const CREATE_CYCLE = `mutation($input: CreateCycleInput!) { createCycle(input: $input) { id status } }`;

export function cycleInput(name = 'Spring review', extra: Record<string, unknown> = {}) {
  const now = Date.now();
  return { name, opensAt: new Date(now).toISOString(), closesAt: new Date(now + 14 * 86400_000).toISOString(), ...extra };
}

export const SUBMIT = `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { submissionId status acceptedAt reasons { field message } } }`;
export const INVITATIONS = `query($c: ID!) { raterInvitations(cycleId: $c) { assignmentId subject { employeeId } rater { employeeId } group status token path } }`;
/** One rater's side of the survey behind a token. */
export const SURVEY = `query($t: String!) { raterSurvey(token: $t) { cycleName subjectName relationship identifiable anonymityNote anonymityThreshold
  status submittedAt closedAt dimensions { id items { id } } answers { itemId value } comments { dimensionId text } } }`;

/** A complete set of answers for a rater group on the cycles' default instrument: every item it observes, `value` each. */
export function fullAnswers(group: RaterGroup, value: number | null = 4): { itemId: string; value: number | null }[] {
  return getInstrument('leader-of-leaders')
    .items.filter((i) => i.observers.includes(group))
    .map((i) => ({ itemId: i.id, value }));
}
