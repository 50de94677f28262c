/**
 * The one-machine default behind `npm start`: one process, the in-process event transport, the
 * dashboard and the API on one port. (PostgreSQL is the test run's real one.)
 */
import { InProcessTransport } from '@leaderscope/events';
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { Platform, startPlatform } from '../src';
import { graphql, SUBJECT_REPORT, SUBMIT_SURVEY } from './graphql-client';
import { submissionAt } from './survey-answers';

describe('npm start: the whole platform in one process', () => {
  let db: TestDatabase;
  let platform: Platform;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({ databaseUrl: db.url, port: 0, log: () => {} });
  }, 60000);

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('answers /health with the database and the in-process transport up', async () => {
    const response = await fetch(`${platform.url}/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe('ok');
    expect(body.details.database.status).toBe('up');
    expect(body.details.events).toMatchObject({ status: 'up', transport: 'in-process' });
  });

  it('serves the dashboard page at /', async () => {
    const response = await fetch(`${platform.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toMatch(/<script type="module"[^>]+src="\/assets\/index-[^"]+\.js"/);
  });

  it('carries a submission through both services in-process and reports the score', async () => {
    expect(platform.transport).toBeInstanceOf(InProcessTransport);
    const cycleId = 'cycle-local';
    const subjectId = 'subject-local';
    for (const [i, level] of [2, 3, 4].entries()) {
      const input = submissionAt(level, { cycleId, subjectId, raterId: `peer-${i}`, raterGroup: 'peer' });
      const result = await graphql(platform.url, SUBMIT_SURVEY, { input });
      expect(result.errors).toBeUndefined();
    }
    const report = await eventually('three responses to be scored', async () => {
      const result = await graphql(platform.url, SUBJECT_REPORT, { cycleId, subjectId });
      return result.data?.subjectReport?.responseCount === 3 ? result.data.subjectReport : undefined;
    });
    const peers = report.dimensions[0].groups.find((g: { group: string }) => g.group === 'peer');
    expect(peers).toMatchObject({ n: 3, mean: 3, suppressed: false });
    expect((platform.transport as InProcessTransport).deadLetters).toEqual([]);
  });
});
