#!/usr/bin/env node
/*
 * Benchmark: N subjects × 15 raters × 50 items, scored single-threaded on the built package (dist).
 * Not a test. Run with `npm run bench` (after `npm run build`); BENCH_SIZE overrides the largest N.
 * Synthetic data come from a seeded PRNG, so every run scores the same numbers.
 *
 * Reported per N:
 *   scoreSubject        time of the scoreSubject calls only (data generation excluded)
 *   buildSubjectReport  time of the full report (profiles, risks, 3 comments) per subject
 *   scoreCycle          one streaming pass (norms + reliability) over a generator, generation included
 *   heap / rss          after the run (and the peak heap sampled every 500 subjects)
 *
 * Then, at the largest N: the organisation norms of a cycle (each subject's score on each of 10
 * dimensions placed in a norm group of N scores), by `normPercentile` per subject and by one
 * `normGroupOf` per dimension, with a check that both give the same percentiles.
 */
'use strict';
const { scoreSubject, buildSubjectReport, scoreCycle, normPercentile, normGroupOf } = require('../dist/index.js');

const GROUPS = [
  ['self', 1],
  ['manager', 1],
  ['peer', 4],
  ['direct_report', 5],
  ['skip_level', 3],
  ['other', 1],
]; // 15 raters
const N_DIMS = 10;
const ITEMS_PER_DIM = 5; // 50 items

function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeInstrument() {
  const rnd = mulberry32(7);
  const dimensions = [];
  const items = [];
  for (let d = 0; d < N_DIMS; d++) {
    dimensions.push({ id: `dim-${d}` });
    for (let k = 0; k < ITEMS_PER_DIM; k++) {
      const observers = GROUPS.map(([g]) => g).filter((g) => g === 'self' || rnd() < 0.8);
      items.push({ id: `dim-${d}-item-${k}`, dimensionId: `dim-${d}`, reverse: k === 4, observers });
    }
  }
  const targets = Object.fromEntries(dimensions.map((d) => [d.id, 3.75]));
  return {
    scale: { min: 1, max: 5 },
    dimensions,
    items,
    roleProfiles: [
      { id: 'leader-of-leaders', name: 'Leader of leaders', targets },
      { id: 'leader-of-others', name: 'Leader of others', targets: Object.fromEntries(dimensions.map((d) => [d.id, 3])) },
    ],
    transitionRisks: [0, 1, 2, 3, 4].map((r) => ({
      id: `risk-${r}`,
      name: `risk ${r}`,
      signals: [0, 1, 2].map((k) => ({ itemId: `dim-${r}-item-${k}`, groups: ['direct_report', 'skip_level', 'peer'] })),
      rule: { atOrBelow: 3, minSignals: 2 },
    })),
  };
}

function makeSubject(instrument, s) {
  const rnd = mulberry32(1000003 * (s + 1));
  const level = 2 + rnd() * 2.5; // subject's true level
  const responses = [];
  for (const [group, count] of GROUPS) {
    for (let i = 0; i < count; i++) {
      const answers = {};
      const bias = (rnd() - 0.5) * 1.2;
      for (const it of instrument.items) {
        if (rnd() < 0.05) {
          answers[it.id] = null;
          continue;
        }
        let v = Math.round(level + bias + (rnd() - 0.5) * 2);
        v = v < 1 ? 1 : v > 5 ? 5 : v;
        answers[it.id] = it.reverse ? 6 - v : v;
      }
      responses.push({ raterId: `s${s}-${group}-${i}`, group, answers });
    }
  }
  const comments = [
    { raterId: `s${s}-direct_report-0`, group: 'direct_report', text: 'Clear about priorities.' },
    { raterId: `s${s}-peer-1`, group: 'peer', text: 'Easy to work with across teams.' },
    { raterId: `s${s}-other-0`, group: 'other', text: 'Responsive.' },
  ];
  return { subjectId: `subject-${s}`, responses, comments };
}

const mb = (b) => (b / 1048576).toFixed(1);
const gc = typeof global.gc === 'function' ? global.gc : () => {};

function run(n, instrument) {
  gc();
  let peakHeap = 0;
  const sample = () => {
    const h = process.memoryUsage().heapUsed;
    if (h > peakHeap) peakHeap = h;
  };
  // 1. scoreSubject only
  let scoreNs = 0n;
  let genNs = 0n;
  let checksum = 0;
  for (let s = 0; s < n; s++) {
    const g0 = process.hrtime.bigint();
    const subj = makeSubject(instrument, s);
    const t0 = process.hrtime.bigint();
    const scores = scoreSubject({ instrument, responses: subj.responses });
    const t1 = process.hrtime.bigint();
    genNs += t0 - g0;
    scoreNs += t1 - t0;
    const o = scores.dimensions[0].others;
    if (!o.suppressed) checksum += o.mean;
    if (s % 500 === 0) sample();
  }
  // 2. full report
  let reportNs = 0n;
  for (let s = 0; s < n; s++) {
    const subj = makeSubject(instrument, s);
    const t0 = process.hrtime.bigint();
    buildSubjectReport({ instrument, responses: subj.responses, comments: subj.comments, seed: subj.subjectId });
    reportNs += process.hrtime.bigint() - t0;
    if (s % 500 === 0) sample();
  }
  // 3. one streaming cycle pass (generation included; generation alone is `gen` above)
  const c0 = process.hrtime.bigint();
  const cycle = scoreCycle({
    instrument,
    subjects: (function* () {
      for (let s = 0; s < n; s++) {
        if (s % 500 === 0) sample();
        yield makeSubject(instrument, s);
      }
    })(),
  });
  const cycleNs = process.hrtime.bigint() - c0;
  sample();
  const mem = process.memoryUsage();
  const ms = (ns) => Number(ns) / 1e6;
  return {
    n,
    scoreSubjectMs: ms(scoreNs),
    perSubjectUs: (ms(scoreNs) * 1000) / n,
    reportMs: ms(reportNs),
    cycleMs: ms(cycleNs),
    generationMs: ms(genNs),
    peakHeapMb: mb(peakHeap),
    heapMb: mb(mem.heapUsed),
    rssMb: mb(mem.rss),
    alpha0: cycle.reliability.alpha[0].alpha,
    checksum,
  };
}

function main() {
  const instrument = makeInstrument();
  const max = Number(process.env.BENCH_SIZE || 10000);
  const sizes = [...new Set([1000, 2500, 5000, max].filter((x) => x <= max))];
  // warm-up (JIT), not reported
  run(200, instrument);
  console.log(
    `node ${process.version}, ${GROUPS.reduce((a, [, c]) => a + c, 0)} raters × ${instrument.items.length} items per subject, single thread`,
  );
  console.log(
    'subjects | scoreSubject total | per subject | buildSubjectReport total | scoreCycle (incl. generation) | data generation | peak heap | heap after | rss',
  );
  const rows = [];
  for (const n of sizes) {
    const r = run(n, instrument);
    rows.push(r);
    console.log(
      `${String(n).padStart(8)} | ${r.scoreSubjectMs.toFixed(0).padStart(15)} ms | ${r.perSubjectUs.toFixed(1).padStart(8)} µs | ${r.reportMs
        .toFixed(0)
        .padStart(
          21,
        )} ms | ${r.cycleMs.toFixed(0).padStart(26)} ms | ${r.generationMs.toFixed(0).padStart(12)} ms | ${r.peakHeapMb.padStart(6)} MB | ${r.heapMb.padStart(
        7,
      )} MB | ${r.rssMb} MB`,
    );
  }
  const last = rows[rows.length - 1];
  organisationNorms(last.n);
  const verdict = last.scoreSubjectMs < 5000 ? 'PASS' : 'OVER TARGET';
  console.log(`\n${last.n} subjects scored in ${(last.scoreSubjectMs / 1000).toFixed(2)} s (target < 5 s): ${verdict}`);
}

/** N subjects × 10 dimensions placed in norm groups of N scores (0.25 steps, so with ties): both ways, timed. */
function organisationNorms(n) {
  const rnd = mulberry32(99);
  const dims = Array.from({ length: N_DIMS }, () => Array.from({ length: n }, () => 1 + Math.round(rnd() * 16) / 4));
  const t0 = process.hrtime.bigint();
  let a = 0;
  for (let s = 0; s < n; s++) for (const group of dims) a += normPercentile(group[s], group).percentile;
  const t1 = process.hrtime.bigint();
  let b = 0;
  const groups = dims.map((group) => normGroupOf(group));
  for (let s = 0; s < n; s++) groups.forEach((norms, d) => (b += norms.percentileOf(dims[d][s]).percentile));
  const t2 = process.hrtime.bigint();
  console.log(
    `organisation norms, ${n} subjects × ${N_DIMS} dimensions in groups of ${n}: normPercentile per subject ${(Number(t1 - t0) / 1e6).toFixed(0)} ms, ` +
      `normGroupOf per dimension ${(Number(t2 - t1) / 1e6).toFixed(1)} ms (${a === b ? 'same percentiles' : 'DIFFERENT PERCENTILES'})`,
  );
}

main();
