/**
 * Readiness and liveness on a real PostgreSQL gateway over HTTP: what `/health` reports when all is
 * well and with a submission in flight, and that it says nothing beyond its details. (The database
 * going away is in common/live-updates.spec.ts.)
 */
import { randomUUID } from 'node:crypto';
import { ConsistencyCheck } from '../progress/consistency-check';
import { fullAnswers, Organisation, SUBMIT, TestGateway } from '../test-support/test-gateway';

interface Health {
  status: string;
  info?: Record<string, Record<string, unknown>>;
  error?: Record<string, Record<string, unknown>>;
  details: Record<string, Record<string, unknown>>;
}

describe('health', () => {
  let gw: TestGateway;
  let acme: Organisation;

  const health = async () => {
    const response = await fetch(`${gw.url}/health`);
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
  });

  afterAll(() => gw?.stop());

  it('is ready (200) with the database, the event transport, live updates and the consistency check all up', async () => {
    const check = gw.get(ConsistencyCheck);
    await check.run();
    const { status, type, text } = await health();
    expect(status).toBe(200);
    expect(type).toContain('application/json');
    const body = JSON.parse(text) as Health;
    expect(body.status).toBe('ok');
    expect(body.error).toEqual({});
    expect(Object.keys(body.details).sort()).toEqual(['consistency', 'database', 'events', 'liveUpdates']);
    expect(body.details.database).toEqual({ status: 'up' });
    expect(body.details.events).toEqual({ status: 'up', transport: 'in-process', detail: 'in-process' });
    expect(body.details.liveUpdates).toEqual({ status: 'up' });
    expect(body.details.consistency).toEqual({
      status: 'up',
      state: 'ok',
      checkedAt: check.latest!.checkedAt.toISOString(),
      intervalSeconds: Math.round(check.intervalMs / 1000),
      staleAfterSeconds: check.latest!.staleAfterSeconds,
      cyclesWithDifferences: 0,
      stuckCycles: 0,
      differences: [],
    });
  });

  it('says a submission received but not yet recorded is in flight, by counts and ages only, and stays ready', async () => {
    const cycleId = await gw.launchedCycle(acme, ['l1']);
    const link = (await gw.links(acme, cycleId)).find((l) => l.rater.employeeId === 'm1')!;
    await gw.ok(null, SUBMIT, { input: { token: link.token, idempotencyKey: randomUUID(), answers: fullAnswers('direct_report') } });
    await gw.get(ConsistencyCheck).run();
    const { status, text } = await health();
    expect(status).toBe(200);
    const consistency = (JSON.parse(text) as Health).details.consistency;
    expect(consistency).toMatchObject({ status: 'up', state: 'in-flight', cyclesWithDifferences: 1, stuckCycles: 0 });
    expect(consistency.differences).toEqual([
      {
        cycleId,
        notRecorded: 1,
        notCounted: 1,
        oldestReceivedAt: expect.any(String) as string,
        ageSeconds: expect.any(Number) as number,
        stuck: false,
      },
    ]);
    // Nothing about who rated whom or what they answered.
    expect(text).not.toContain(link.token);
    expect(text).not.toContain(link.assignmentId);
    expect(text).not.toContain(acme.people.get('m1')!);
    expect(text).not.toContain(acme.people.get('l1')!);
  });

  it('reports no stack trace, connection string or secret', async () => {
    const { text } = await health();
    expect(text).not.toMatch(/at \w+ \(|Error:|\.ts:\d+/);
    expect(text).not.toContain(gw.db.url);
    expect(text).not.toContain('postgres://');
    expect(text).not.toContain('gateway-test-secret');
  });

  it('is live (200, {status: ok}) without a sign-in', async () => {
    const response = await fetch(`${gw.url}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
