'use strict';
/**
 * The machine's speed at the start of a run, measured the same way every time, so that figures of
 * runs on different machines (or on one machine at a slower moment) can be read side by side. Two
 * single-threaded timings, each the fastest of its rounds in ms (the other rounds include whatever
 * else ran on the core meanwhile); lower is faster:
 *
 * - `kernelMs`: a fixed integer loop in JavaScript and SHA-256 over 32 MiB (native): the core's own
 *   speed, steady from round to round (within about a tenth on this kind of machine);
 * - `ms`: a fixed piece of the platform's own kind of work — the engine scoring a subject of 16
 *   raters on the built-in instrument, its scores written as JSON, compressed with zstd and read
 *   back, 300 times — which allocates as the services do, so it also shows memory and the garbage
 *   collector, and moves more between rounds.
 *
 * Taken before the broker, PostgreSQL and the services start, so it shows the machine, not the run's
 * own load. Not a target and not part of any ratio: the judged figures moved 1.5–3× between
 * machines with the same code (docs/benchmarks.md, "Sixth round", "Twenty-sixth round"); these are
 * the numbers to look at before reading a change into them.
 */
const { createHash } = require('node:crypto');
const { constants, zstdCompressSync, zstdDecompressSync } = require('node:zlib');
const { scoreSubject } = require('@leaderscope/scoring');
const { getInstrument, DEFAULT_INSTRUMENT_ID } = require('@leaderscope/framework');
const { rng } = require('./org');

/** The fixed subject's 16 raters by group (6 peers, 5 direct reports, 3 skip-levels), in the order their seeded answers are drawn. */
// prettier-ignore
const GROUPS_OF_16 = [
  'self', 'manager', 'peer', 'peer', 'peer', 'peer', 'peer', 'direct_report',
  'direct_report', 'direct_report', 'direct_report', 'direct_report', 'skip_level', 'skip_level', 'skip_level', 'peer',
];
const ITERATIONS = 300;
const ROUNDS = 7;

/** The fixed subject: 16 raters' answers (seeded), every item their group sees. */
function fixedSubject() {
  const instrument = getInstrument(DEFAULT_INSTRUMENT_ID);
  const random = rng(20261202);
  const responses = GROUPS_OF_16.map((group, r) => {
    const answers = {};
    for (const item of instrument.items)
      if (item.observers.includes(group)) answers[item.id] = random() < 0.03 ? null : 1 + Math.floor(random() * 5);
    return { raterId: `rater-${r}`, group, answers };
  });
  return { instrument, responses };
}

/** One round: ITERATIONS times score, serialise, compress, decompress, parse. Returns ms and a checksum. */
function round(subject) {
  let check = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) {
    const scores = scoreSubject(subject);
    const text = JSON.stringify(scores);
    const packed = zstdCompressSync(Buffer.from(text), { params: { [constants.ZSTD_c_compressionLevel]: 3 } });
    check += JSON.parse(zstdDecompressSync(packed).toString('utf8')).dimensions.length;
  }
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, check };
}

/** The core's own speed: an integer loop and SHA-256 over 32 MiB; ms and a checksum. */
function kernelRound(block) {
  const t0 = process.hrtime.bigint();
  let x = 1;
  for (let i = 0; i < 1e7; i++) x = (x * 48271) % 2147483647;
  const digest = createHash('sha256').update(block).update(block).digest();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, check: x + digest[0] };
}

const fastest = (rounds) => Math.min(...rounds);
const tenths = (ms) => Math.round(ms * 10) / 10;

/** The calibration: each timing's fastest round (ms, one decimal) and its rounds. */
function calibrate() {
  const block = Buffer.alloc(16 << 20, 7);
  const kernelRounds = [];
  for (let k = 0; k < ROUNDS; k++) kernelRounds.push(tenths(kernelRound(block).ms));
  const subject = fixedSubject();
  round(subject); // warm-up: the engine's functions compiled
  const rounds = [];
  let check = 0;
  for (let k = 0; k < ROUNDS; k++) {
    const r = round(subject);
    rounds.push(tenths(r.ms));
    check += r.check;
  }
  if (check === 0) throw new Error('calibration: the engine scored no dimension');
  return {
    kernelMs: fastest(kernelRounds),
    kernelRounds,
    ms: fastest(rounds),
    rounds,
    work: `${ITERATIONS} × (score 16 raters, JSON, zstd both ways)`,
  };
}

module.exports = { calibrate };
