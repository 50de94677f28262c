'use strict';
/**
 * Measure 3's replay in a process of its own, as an operator's rescore runs (the scoring service's
 * `rescore` CLI, or its consumer of rescore requests): the scoring service's RescoreCycleUseCase on a
 * fresh heap, with the service's own Node.js flags (the parent forks it with them). Until session
 * 26 the replay ran inside the bench's process, whose heap held the whole load (every submission
 * of the main cycle, the organisation, the invitations), so each full collection during the replay
 * cost in proportion to the bench, not to the replay (docs/benchmarks.md, "Twenty-third round").
 *
 * Protocol (child_process.fork IPC): the child starts the scoring service's application context
 * (no transport, no consumers) and sends `{ ready }`; the parent sends `{ run: { rescoreId,
 * cycleId, instrumentVersion, profile } }`; the child sends `{ progress }` as subjects are done,
 * then `{ done: { result, cpuMs, profile } }` (its own CPU, user + system, over the rescore only;
 * `profile`: the path of a V8 CPU profile when asked) or `{ failed }`; `{ close }` ends it.
 */
const { startOwnCpuProfile } = require('./own-profile');

const send = (message) => new Promise((resolve) => process.send(message, resolve));

async function main() {
  const { startScoringService, RescoreCycleUseCase } = require('@leaderscope/scoring-service');
  const app = await startScoringService({ databaseUrl: process.env.DATABASE_URL, transport: null, consume: false, logger: ['error'] });
  const useCase = app.get(RescoreCycleUseCase);
  process.on('message', (message) => {
    if (message.close) {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
      return;
    }
    if (message.run) run(message.run).catch((error) => send({ failed: String(error?.stack ?? error) }));
  });
  await send({ ready: true });

  async function run({ rescoreId, cycleId, instrumentVersion, profile }) {
    const stopProfile = profile ? await startOwnCpuProfile('replay') : async () => null;
    let sent = 0;
    const c0 = process.cpuUsage();
    const result = await useCase.execute({ rescoreId, cycleId, instrumentVersion }, (p) => {
      if (p.done - sent >= 100 || p.done === p.total) {
        sent = p.done;
        process.send({ progress: p.done });
      }
    });
    const c1 = process.cpuUsage(c0);
    const file = await stopProfile('whole-cycle');
    await send({ done: { result, cpuMs: Math.round((c1.user + c1.system) / 1000), profile: file } });
  }
}

main().catch((error) => {
  process.send?.({ failed: String(error?.stack ?? error) });
  process.exitCode = 1;
});
