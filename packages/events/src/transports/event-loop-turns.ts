import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Gives the event loop a turn once `sliceMs` of work has passed since the last turn. An `await`
 * on a settled promise runs only the microtask queue, so a loop of synchronous work with such
 * awaits holds every socket of the process until it ends: a consumer parsing a fetch of up to 500
 * `report.updated` events (about 50 kB each: JSON and the contract's validation, roughly a
 * millisecond apiece) kept the gateway from answering any request for hundreds of milliseconds
 * at a time while a rescore was delivered. Called once per unit of work; it yields (to timers and
 * I/O, then back) only when the slice is used up, so a short loop pays nothing.
 */
export function eventLoopTurns(sliceMs = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextTurn();
    since = performance.now();
  };
}
