/**
 * Progress announcements are coalesced per cycle (the submitSurvey hot path announces every
 * accepted submission): the first change is announced at once, the changes inside the window by
 * one announcement at its end, and none is lost.
 */
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

  const settle = () => new Promise((r) => setTimeout(r, LiveUpdates.progressCoalesceMs * 4));

  it('announces 50 changes of one cycle twice (at once, then once more at the end of the window), each cycle on its own', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const started = Date.now();
    for (let i = 0; i < 50; i++) live.changed(a);
    live.changed(b);
    await settle();
    const ofA = heard.filter((h) => h.cycleId === a);
    expect(ofA).toHaveLength(2);
    expect(ofA[1].at - started).toBeGreaterThanOrEqual(LiveUpdates.progressCoalesceMs - 5); // the trailing one, after the window
    expect(heard.filter((h) => h.cycleId === b)).toHaveLength(1); // alone in its window: announced once, at once
  });

  it('announces a lone change once, and a later one again', async () => {
    const c = randomUUID();
    live.changed(c);
    await settle();
    live.changed(c);
    await settle();
    expect(heard.filter((h) => h.cycleId === c)).toHaveLength(2);
  });
});
