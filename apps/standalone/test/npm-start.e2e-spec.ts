/**
 * The one-machine default behind `npm start`: one process, the in-process event transport, the
 * dashboard and the API on one port, and the demo organisation seeded through the API.
 * (PostgreSQL is the test run's real one.)
 */
import { DataSource } from 'typeorm';
import { PostgresLogTransport } from '@leaderscope/database';
import { createTestDatabase, TestDatabase } from '@leaderscope/testing';
import { Platform, startPlatform } from '../src';
import { DEMO } from '../src/demo-seed';
import { Api, SUBJECT_REPORT } from './fixtures';

describe('npm start: the whole platform in one process', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({ databaseUrl: db.url, port: 0, secret: 'npm-start-test-secret-0123', log: () => {} });
    api = new Api(platform.url);
  }, 360000); // seeds two cycles through the API: about a minute on a quiet machine

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('answers /health with the database and the in-process transport up', async () => {
    const response = await fetch(`${platform.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; details: Record<string, Record<string, unknown>> };
    expect(body.status).toBe('ok');
    expect(body.details.database.status).toBe('up');
    expect(body.details.events).toMatchObject({ status: 'up', transport: 'in-process' });
    expect(platform.transport).toBeInstanceOf(PostgresLogTransport);
  });

  it('serves the dashboard page at / and at client-side routes', async () => {
    for (const path of ['/', '/cycles']) {
      const response = await fetch(`${platform.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<div id="root"></div>');
      expect(response.headers.get('cache-control')).toBe('no-cache'); // a new release is picked up at once
    }
    // The survey link opens the survey's own small page, which starts its request before the scripts
    // arrive; a link that opens no survey gets it without a survey rendered in. Never stored, and
    // never sent on as a referrer (the token is in the address).
    const survey = await fetch(`${platform.url}/survey/some-token`, { headers: { 'accept-encoding': 'br' } });
    expect(survey.status).toBe(200);
    expect(survey.headers.get('content-type')).toContain('text/html');
    expect(survey.headers.get('content-encoding')).toBe('br');
    expect(survey.headers.get('cache-control')).toBe('no-store');
    expect(survey.headers.get('referrer-policy')).toBe('no-referrer');
    const page = await survey.text();
    expect(page).toContain('__surveyPrefetch');
    expect(page).toContain('<div id="root"><!--survey-ssr--></div>');
    expect(page).not.toContain('survey-data');
    // The survey's server renderer is not served.
    expect((await fetch(`${platform.url}/ssr/survey-server.cjs`)).status).toBe(404);
  });

  it('serves hashed assets compressed and cached immutably, and never a source map', async () => {
    const html = await (await fetch(`${platform.url}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const response = await fetch(`${platform.url}${script}`, { headers: { 'accept-encoding': accept } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-type')).toContain('javascript');
      expect((await response.text()).length).toBeGreaterThan(1000); // fetch decodes it
    }
    const raw = await fetch(`${platform.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(raw.headers.get('content-encoding')).toBeNull();
    expect(await raw.text()).not.toContain('sourceMappingURL');
    expect((await fetch(`${platform.url}${script}.map`)).status).toBe(404);
    expect((await fetch(`${platform.url}/route-sizes.json`)).status).toBe(404); // the build's size report is not the site's
  });

  it('seeds the demo organisation with two released cycles the leader can read', async () => {
    const hr = await api.login(DEMO.hr, DEMO.password);
    const { cycles } = await api.ok(`{ cycles { id name status opensAt subjects { id email } } }`, {}, hr);
    expect(cycles).toHaveLength(2); // two cycles, so reports show the change since the previous one
    for (const cycle of cycles) {
      expect(cycle.status).toBe('RELEASED');
      // named after the month it opened
      expect(cycle.name).toBe(
        `Leadership 360 — ${new Date(cycle.opensAt).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })}`,
      );
    }
    const latest = [...cycles].sort((a, b) => +new Date(b.opensAt) - +new Date(a.opensAt))[0];
    const ada = latest.subjects.find((s: { email: string }) => s.email === DEMO.leader);
    expect(ada).toBeDefined();
    const { people } = await api.ok(`{ people { name } }`, {}, hr);
    expect(people.every((p: { name: string }) => !/\d/.test(p.name))).toBe(true); // names, not "Claude Ritchie 1"
    expect(new Set(people.map((p: { name: string }) => p.name)).size).toBe(people.length);

    const leader = await api.login(DEMO.leader, DEMO.password);
    const { subjectReport } = await api.ok(SUBJECT_REPORT, { cycleId: latest.id, subjectId: ada.id }, leader);
    expect(subjectReport.visibility).toBe('published');
    expect(subjectReport.responseCount).toBeGreaterThanOrEqual(10);
    for (const d of subjectReport.dimensions) {
      if (!d.others.suppressed) {
        expect(d.others.mean).toBeGreaterThanOrEqual(1);
        expect(d.others.mean).toBeLessThanOrEqual(5);
      }
    }
    // Comments read as written about her, none twice in one report, none about another department's work.
    const texts: string[] = subjectReport.comments.map((c: { text: string }) => c.text);
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts).size).toBe(texts.length);
    for (const text of texts) {
      expect(text).not.toMatch(/\b(he|his|him|himself)\b/i);
      expect(text).not.toMatch(/\{|\}|flooded|Halden|ledger/);
    }
    // Her items are shown by group where the group's raters could all observe them.
    const { subjectReport: withItems } = await api.ok(
      `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { items { itemId others { suppressed n } } } }`,
      { c: latest.id, s: ada.id },
      leader,
    );
    const shownItems = withItems.items.filter((i: { others: { suppressed: boolean } }) => !i.others.suppressed);
    expect(shownItems.length).toBeGreaterThan(withItems.items.length / 2);
    // The earlier cycle ran and closed months before the latest one opened.
    const { cycles: dated } = await api.ok(`{ cycles { id opensAt closesAt } }`, {}, hr);
    const [earlier, later] = [...dated].sort((a, b) => +new Date(a.opensAt) - +new Date(b.opensAt));
    expect(+new Date(earlier.closesAt)).toBeLessThan(+new Date(later.opensAt));
    // Her development plan from that report, with her manager's comment; HR sees only that it exists.
    const { developmentPlan } = await api.ok(
      `query($c: ID!, $s: ID!) { developmentPlan(cycleId: $c, subjectId: $s) { version focusAreas { id } comments { authorName } } }`,
      { c: latest.id, s: ada.id },
      leader,
    );
    expect(developmentPlan.version).toBe(1);
    expect(developmentPlan.focusAreas.length).toBeGreaterThanOrEqual(1);
    expect(developmentPlan.comments).toHaveLength(1);
    const { developmentPlanCoverage } = await api.ok(
      `query($c: ID!) { developmentPlanCoverage(cycleId: $c) { withPlan } }`,
      { c: latest.id },
      hr,
    );
    expect(developmentPlanCoverage.withPlan).toBe(1);
    expect(await (platform.transport as PostgresLogTransport).deadLetters()).toEqual([]);
  });

  it('does not seed twice', async () => {
    const [{ count }] = await platform.gateway
      .get(DataSource)
      .query<{ count: number }[]>(`SELECT count(*)::int AS count FROM gateway.organisation`);
    expect(count).toBe(1);
  });
});
