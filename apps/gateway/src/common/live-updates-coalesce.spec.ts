/**
 * Progress announcements are coalesced per cycle (the submitSurvey hot path announces every
 * accepted submission): the first change is announced at once, the changes inside the window by
 * one announcement at its end, and none is lost.
 */
import { eventually } from '@leaderscope/testing';
import { randomUUID } from 'node:crypto';
import { TestGateway } from '../test-support/test-gateway';
import { LiveUpdates, PROGRESS_CHANGED } from './live-updates';

describe('live updates: progress announcements coalesced per cycle', () => {
  let gw: TestGateway;
  let live: LiveUpdates;
  const heard: { cycleId: string; at: number }[] = [];

  beforeAll(async () => {
    gw = await TestGateway.start();
    live = gw.get(LiveUpdates);
    await live.pubsub.subscribe(PROGRESS_CHANGED, (m: { cycleId: string }) => void heard.push({ cycleId: m.cycleId, at: Date.now() }));
  }, 120000);

  afterAll(async () => {
    await gw?.stop();
  });

  // A NOTIFY comes back through PostgreSQL: on a busy machine that can take longer than a window, so
  // the announcements are awaited, then four windows more show that no further one follows.
  const settle = () => new Promise((r) => setTimeout(r, LiveUpdates.progressCoalesceMs * 4));
  const heardOf = (cycleId: string) => heard.filter((h) => h.cycleId === cycleId);
  const awaitHeard = (cycleId: string, count: number) =>
    eventually(`${count} announcement(s) of ${cycleId}`, async () => heardOf(cycleId).length >= count, 20000);

  it('announces 50 changes of one cycle twice (at once, then once more at the end of the window), each cycle on its own', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const started = Date.now();
    for (let i = 0; i < 50; i++) live.changed(a);
    live.changed(b);
    await awaitHeard(a, 2);
    await awaitHeard(b, 1);
    await settle();
    const ofA = heardOf(a);
    expect(ofA).toHaveLength(2);
    expect(ofA[1].at - started).toBeGreaterThanOrEqual(LiveUpdates.progressCoalesceMs - 5); // the trailing one, after the window
    expect(heard.filter((h) => h.cycleId === b)).toHaveLength(1); // alone in its window: announced once, at once
  });

  it('announces a lone change once, and a later one again', async () => {
    const c = randomUUID();
    live.changed(c);
    await awaitHeard(c, 1);
    await settle();
    expect(heardOf(c)).toHaveLength(1);
    live.changed(c);
    await awaitHeard(c, 2);
    await settle();
    expect(heardOf(c)).toHaveLength(2);
  });
});
