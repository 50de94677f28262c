/**
 * Progress tells the truth: HR sees, per cycle and per subject and group, how many surveys the
 * gateway received, how many the survey service recorded and how many the scoring service counted
 * (`response.counted`), and the periodic consistency check shows a difference that is stuck, with
 * its age, on `/health` and on the cycle's progress. The whole platform in this process: real
 * PostgreSQL, the PostgreSQL-log transport, the real services.
 */
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { ConsistencyCheck, provisionOrganisation } from '@leaderscope/gateway';
import { DataSource } from 'typeorm';
import { Platform, startPlatform } from '../src';
import { answerSurvey, Api, launchCycleForAda, LaunchedCycle, PASSWORD } from './fixtures';
import { emittedEventsSql } from './pipeline-counts';

const PROGRESS = `query($c: ID!) { cycleProgress(cycleId: $c) {
  invited submitted recorded counted
  consistency { notRecorded notCounted oldestReceivedAt ageSeconds stuck staleAfterSeconds checkedAt }
}
cycleProgressSubjects(cycleId: $c) { nodes { groups { group invited submitted recorded counted } } } }`;

interface Progress {
  invited: number;
  submitted: number;
  recorded: number;
  counted: number;
  consistency: {
    notRecorded: number;
    notCounted: number;
    oldestReceivedAt: string | null;
    ageSeconds: number | null;
    stuck: boolean;
    staleAfterSeconds: number;
  };
  subjects: { groups: { group: string; invited: number; submitted: number; recorded: number; counted: number }[] }[];
}

interface Health {
  status: string;
  info: {
    consistency: {
      state: string;
      stuckCycles: number;
      differences: { cycleId: string; notRecorded: number; notCounted: number; ageSeconds: number; stuck: boolean }[];
    };
  };
}

describe('progress: received, recorded, counted, and the consistency check', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;
  let hr: string;
  let cycle: LaunchedCycle;
  let dataSource: DataSource;

  const progress = async (): Promise<Progress> => {
    const { cycleProgress, cycleProgressSubjects } = await api.ok<{
      cycleProgress: Omit<Progress, 'subjects'>;
      cycleProgressSubjects: { nodes: Progress['subjects'] };
    }>(PROGRESS, { c: cycle.cycleId }, hr);
    return { ...cycleProgress, subjects: cycleProgressSubjects.nodes };
  };
  const health = async () => {
    const res = await fetch(`${platform.url}/health`);
    return { status: res.status, body: (await res.json()) as Health };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({
      databaseUrl: db.url,
      port: 0,
      seedDemo: false,
      secret: 'progress-truth-secret-0123456789',
      // Quick for the test: a check every 500 ms, a difference older than 60 s is stuck.
      consistency: { intervalMs: 500, staleAfterMs: 60_000 },
      log: () => {},
    });
    api = new Api(platform.url);
    dataSource = platform.gateway.get(DataSource);
    await provisionOrganisation(dataSource, { name: 'Org', hrEmail: 'hr@org.test', hrPassword: PASSWORD });
    hr = await api.login('hr@org.test', PASSWORD);
    cycle = await launchCycleForAda(api, hr);
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('counts received, recorded and counted per cycle and per group, through the real services', async () => {
    const before = await progress();
    expect([before.submitted, before.recorded, before.counted]).toEqual([0, 0, 0]);
    expect(before.consistency).toMatchObject({
      notRecorded: 0,
      notCounted: 0,
      oldestReceivedAt: null,
      stuck: false,
      staleAfterSeconds: 60,
    });

    const raters = cycle.invitations.filter((i) => i.group === 'peer' || i.group === 'direct_report' || i.group === 'self');
    for (const [i, rater] of raters.entries()) {
      const { result } = await answerSurvey(api, rater.token, 2 + (i % 3));
      expect(result.errors).toBeUndefined();
    }
    const received = await progress();
    expect(received.submitted).toBe(raters.length);
    expect(received.counted).toBeLessThanOrEqual(received.recorded);
    expect(received.recorded).toBeLessThanOrEqual(received.submitted);

    await eventually('every submission counted by the scoring service', async () => (await progress()).counted === raters.length, 60000);
    const done = await progress();
    console.log(`progress: invited ${done.invited}, received ${done.submitted}, recorded ${done.recorded}, counted ${done.counted}`);
    expect([done.submitted, done.recorded, done.counted]).toEqual([raters.length, raters.length, raters.length]);
    expect(done.consistency).toMatchObject({ notRecorded: 0, notCounted: 0, stuck: false, ageSeconds: null });
    const groups = Object.fromEntries(done.subjects[0].groups.map((g) => [g.group, g]));
    for (const group of ['peer', 'direct_report', 'self']) {
      const expected = raters.filter((r) => r.group === group).length;
      expect(groups[group]).toMatchObject({ submitted: expected, recorded: expected, counted: expected });
    }
    expect(groups.manager).toMatchObject({ submitted: 0, recorded: 0, counted: 0 });

    // Counted is what the scoring service stored, exactly: one stored response per counted survey.
    const [stored] = await dataSource.query<{ n: number }[]>(
      `SELECT count(DISTINCT "rater_id")::int AS n FROM "scoring"."rater_response" WHERE "cycle_id" = $1`,
      [cycle.cycleId],
    );
    expect(stored.n).toBe(done.counted);
    // one response.counted per rater, published (the one-machine event log) or waiting
    const [events] = await dataSource.query<{ n: number }[]>(emittedEventsSql('scoring', 'response.counted'));
    expect(events.n).toBe(raters.length);

    await eventually('the periodic check finds nothing', async () => (await health()).body.info.consistency.state === 'ok');
    const ok = await health();
    expect(ok.status).toBe(200);
    expect(ok.body.info.consistency).toMatchObject({ state: 'ok', stuckCycles: 0, differences: [] });
  }, 120000);

  it('shows a stuck difference, with its age, on /health and on the progress, without failing readiness', async () => {
    // Stop the scoring service's consumer from ever counting: a received submission whose
    // response.counted never arrives, and another the survey service never recorded, both
    // received ten minutes ago (longer than the 60 s after which a difference is stuck).
    const manager = cycle.invitations.find((i) => i.group === 'manager')!;
    const skip = cycle.invitations.find((i) => i.group === 'skip_level')!;
    await platform.transport.stopConsumers();
    for (const rater of [manager, skip]) expect((await answerSurvey(api, rater.token, 4)).result.errors).toBeUndefined();
    await dataSource.query(
      `UPDATE "gateway"."submission" SET "accepted_at" = now() - interval '10 minutes' WHERE "status" = 'accepted' AND "counted_at" IS NULL`,
    );
    // One of the two is recorded (the survey service did its part), the other is not.
    const [recordedOne] = await dataSource.query<{ id: string }[]>(
      `UPDATE "gateway"."submission" SET "status" = 'recorded'
        WHERE "id" = (SELECT s."id" FROM "gateway"."submission" s JOIN "gateway"."assignment" a ON a."id" = s."assignment_id"
                       WHERE a."rater_group" = 'manager' AND a."cycle_id" = $1) RETURNING "id"`,
      [cycle.cycleId],
    );
    expect(recordedOne).toBeDefined();

    const stuck = await progress();
    console.log(
      `stuck: received ${stuck.submitted}, recorded ${stuck.recorded}, counted ${stuck.counted}, consistency ${JSON.stringify(stuck.consistency)}`,
    );
    expect(stuck.submitted - stuck.counted).toBe(2);
    expect(stuck.submitted - stuck.recorded).toBe(1);
    expect(stuck.consistency).toMatchObject({ notRecorded: 1, notCounted: 2, stuck: true });
    expect(stuck.consistency.ageSeconds).toBeGreaterThanOrEqual(600);
    expect(stuck.consistency.ageSeconds).toBeLessThan(700);

    await platform.gateway.get(ConsistencyCheck).run();
    const { status, body } = await health();
    expect(status).toBe(200); // a detail, not a failure: the gateway keeps taking submissions
    expect(body.status).toBe('ok');
    expect(body.info.consistency.state).toBe('degraded');
    expect(body.info.consistency.stuckCycles).toBe(1);
    expect(body.info.consistency.differences).toEqual([
      expect.objectContaining({ cycleId: cycle.cycleId, notRecorded: 1, notCounted: 2, stuck: true }),
    ]);
    expect(body.info.consistency.differences[0].ageSeconds).toBeGreaterThanOrEqual(600);
    // Counts and ages only: nobody's name, no answers.
    expect(JSON.stringify(body)).not.toMatch(/Lovelace|Hopper|answers|value/);

    // Once the difference is resolved (here: the receipts say counted), the next check is clear again.
    await dataSource.query(
      `UPDATE "gateway"."submission" SET "status" = 'recorded', "counted_at" = now() WHERE "counted_at" IS NULL AND "status" <> 'rejected'`,
    );
    await platform.gateway.get(ConsistencyCheck).run();
    expect((await health()).body.info.consistency.state).toBe('ok');
    expect((await progress()).consistency).toMatchObject({ notRecorded: 0, notCounted: 0, stuck: false });
  }, 120000);
});
