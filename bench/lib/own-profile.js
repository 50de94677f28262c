'use strict';
/**
 * Samples the calling process with the V8 CPU profiler (every BENCH_CPU_PROF_INTERVAL_US, default
 * 500 µs) until the returned `stop(label)`, which writes
 * bench/results/profiles/<name>-<label>-<time>.cpuprofile and resolves its path.
 */
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

async function startOwnCpuProfile(name) {
  const { Session } = require('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_CPU_PROF_INTERVAL_US ?? 500) });
  await session.post('Profiler.start');
  return async (label) => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    const dir = join(__dirname, '..', 'results', 'profiles');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}-${label}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return file;
  };
}

module.exports = { startOwnCpuProfile };
