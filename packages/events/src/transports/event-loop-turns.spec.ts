import { eventLoopTurns } from './event-loop-turns';

/** About `ms` of synchronous work (what parsing a large event costs). */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('eventLoopTurns', () => {
  it('lets a timer run during a long loop of synchronous work, once the slice is used up', async () => {
    const turn = eventLoopTurns(5);
    let timerFired = false;
    let firedBeforeStep = -1;
    setTimeout(() => (timerFired = true), 0);
    for (let step = 0; step < 20; step++) {
      if (timerFired && firedBeforeStep < 0) firedBeforeStep = step;
      busy(2);
      await turn();
    }
    // 2 ms a step, a turn every 5 ms: the timer runs within the first few steps, not after the loop.
    expect(firedBeforeStep).toBeGreaterThan(0);
    expect(firedBeforeStep).toBeLessThan(10);
  });

  it('does not yield while the slice lasts (an await of a settled promise alone lets nothing else run)', async () => {
    const turn = eventLoopTurns(60_000);
    let timerFired = false;
    setTimeout(() => (timerFired = true), 0);
    for (let step = 0; step < 10; step++) {
      busy(2);
      await turn();
    }
    expect(timerFired).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(timerFired).toBe(true);
  });
});
