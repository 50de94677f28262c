#!/usr/bin/env node
/*
 * Benchmark: the live disclosure decision (`decideSnapshot`) as the scoring service makes it, one
 * decision per incoming response. Not a test. Run on the built packages (dist), from the scoring
 * service's folder (it lives here because it takes the built-in instrument from @leaderscope/framework,
 * which itself depends on @leaderscope/scoring):
 *
 *   node bench/decide-snapshot.bench.js [histories]        (default 200, after 40 of warm-up)
 *
 * Each history is one subject of the built-in leader-of-leaders instrument with 15 raters (self 1,
 * manager 1, peer 4, direct_report 3, skip_level 6) whose answers arrive one rater at a time in a
 * random order; after each arrival the decision is made over every view disclosed so far, and a
 * snapshot taken joins them. Synthetic data come from a seeded PRNG, so every run makes the same
 * decisions. Two ways of handing the views in are timed:
 *
 *   fresh   new objects for every view and for the snapshot in force at every decision (what the
 *           service did when it rebuilt them from the database each time);
 *   shared  the same frozen view objects across decisions, the snapshot in force being the very
 *           responses array of its view (what the service's view cache hands back), a snapshot
 *           taken made into a new view (what the service did until session 29);
 *   kept    as shared, but a snapshot taken is the decision's own responses array, whose figures
 *           the decision computed (what the service does since session 29).
 *
 * Reported per way: CPU ms per decision (process.cpuUsage, user + system) and a digest of every
 * decision (take, raters, reasons), which must be the same for every way and across versions (the
 * raters sorted: `kept` lists a snapshot's raters in the decision's order).
 * SCORING_DIST overrides the package's dist directory (to time an older build); BENCH_WAYS=shared
 * times one way only.
 */
'use strict';
const path = require('path');
const { createHash } = require('crypto');
const { getInstrument, DEFAULT_INSTRUMENT_ID } = require('@leaderscope/framework');
const { decideSnapshot } = process.env.SCORING_DIST
  ? require(path.resolve(process.env.SCORING_DIST, 'index.js'))
  : require('@leaderscope/scoring');

const GROUPS = [
  ['self', 1],
  ['manager', 1],
  ['peer', 4],
  ['direct_report', 3],
  ['skip_level', 6],
];

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

/** One subject's raters in their order of arrival, each rater's answers to the items shown to their group. */
function makeHistory(instrument, h) {
  const rnd = mulberry32(7919 * (h + 1));
  const level = 2 + rnd() * 2.5;
  const raters = [];
  for (const [group, count] of GROUPS)
    for (let i = 0; i < count; i++) {
      const answers = {};
      const bias = (rnd() - 0.5) * 1.2;
      for (const it of instrument.items) {
        if (it.observers && !it.observers.includes(group)) continue;
        if (rnd() < 0.05) {
          answers[it.id] = null; // not able to rate
          continue;
        }
        const v = Math.min(5, Math.max(1, Math.round(level + bias + (rnd() - 0.5) * 2)));
        answers[it.id] = it.reverse ? 6 - v : v;
      }
      raters.push({ raterId: `h${h}-${group}-${i}`, group, answers });
    }
  for (let i = raters.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [raters[i], raters[j]] = [raters[j], raters[i]];
  }
  return raters;
}

const byRater = (a, b) => (a.raterId < b.raterId ? -1 : a.raterId > b.raterId ? 1 : 0);
const copyResponse = (r) => ({ raterId: r.raterId, group: r.group, answers: { ...r.answers } });
const copyBasis = (b) => ({ resultSet: b.resultSet, instrument: b.instrument, policy: { ...b.policy } });

/** Replays the histories; returns CPU µs spent in decideSnapshot, the number of decisions and their digest. */
function replay(instrument, histories, first, way) {
  const basis = { resultSet: 'live', instrument, policy: { minGroupSize: 3 } };
  const digest = createHash('sha256');
  let cpu = 0;
  let decisions = 0;
  let taken = 0;
  for (let h = first; h < first + histories; h++) {
    const arrivals = makeHistory(instrument, h);
    const received = [];
    const disclosed = []; // frozen views, raters sorted as the service reads them
    let current = null; // the view of the snapshot in force
    for (const r of arrivals) {
      received.push(r);
      received.sort(byRater);
      const input =
        way !== 'fresh'
          ? { basis, current: current ? current.responses : null, received: [...received], disclosed: [...disclosed] }
          : {
              basis: copyBasis(basis),
              current: current ? current.responses.map(copyResponse) : null,
              received: received.map(copyResponse),
              disclosed: disclosed.map((v) => ({ basis: copyBasis(v.basis), responses: v.responses.map(copyResponse) })),
            };
      const t0 = process.cpuUsage();
      const d = decideSnapshot(input);
      const t = process.cpuUsage(t0);
      cpu += t.user + t.system;
      decisions++;
      digest.update(JSON.stringify([d.take, d.responses.map((x) => x.raterId).sort(), d.reasons]));
      if (!d.take) continue;
      taken++;
      current = { basis, responses: way === 'kept' ? d.responses : [...d.responses].sort(byRater) };
      disclosed.push(current);
    }
  }
  return { cpu, decisions, taken, digest: digest.digest('hex').slice(0, 16) };
}

function main() {
  const instrument = getInstrument(DEFAULT_INSTRUMENT_ID);
  const histories = Number(process.argv[2] || 200);
  replay(instrument, 40, 1_000_000, 'fresh'); // warm-up (JIT), not reported
  replay(instrument, 40, 1_000_000, 'shared');
  replay(instrument, 40, 1_000_000, 'kept');
  console.log(
    `node ${process.version}, ${instrument.id} v${instrument.version} (${instrument.items.length} items), ${histories} histories of 15 raters`,
  );
  for (const way of (process.env.BENCH_WAYS || 'fresh,shared,kept').split(',')) {
    const r = replay(instrument, histories, 0, way);
    console.log(
      `${way.padEnd(6)} ${r.decisions} decisions, ${r.taken} snapshots taken: ${(r.cpu / 1000 / r.decisions).toFixed(3)} ms CPU per decision, digest ${r.digest}`,
    );
  }
}

main();
