/**
 * kafkajs on Node.js 24 against the run's real broker. Node warns about a negative timeout once per
 * process, and jest's sandbox has its own `process`, so each case runs in a real child process.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { kafkaBrokers, uniqueName } from '@leaderscope/testing';

const eventsDist = join(__dirname, '..', '..', 'dist', 'index.js');

function warningsOf(script: string): string[] {
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      `
    const events = require(${JSON.stringify(eventsDist)});
    const seen = [];
    process.on('warning', (w) => seen.push(w.name));
    (async () => { ${script} })().then(
      () => setTimeout(() => console.log(JSON.stringify(seen)), 50),
      (e) => { console.error(e); process.exit(1); });
  `,
    ],
    { encoding: 'utf8', timeout: 60000 },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '[]') as string[];
}

describe('kafkajs on Node.js 24', () => {
  it('runs on the supported runtime', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('connects and creates topics without the negative-timeout warning of kafkajs 2.2.4', () => {
    const seen = warningsOf(`
      const t = new events.KafkaTransport({ brokers: ${JSON.stringify(kafkaBrokers())}, clientId: 'node24-spec',
        registry: events.catalogue, partitions: 1, namespace: ${JSON.stringify(`${uniqueName('node24')}.`)} });
      await t.start();
      await new Promise((r) => setTimeout(r, 300));
      await t.close();`);
    expect(seen).not.toContain('TimeoutNegativeWarning');
  }, 90000);

  it('still reports a negative timeout of our own code', () => {
    const seen = warningsOf(`
      events.silenceKafkajsNegativeTimeoutWarning();
      setTimeout(() => undefined, -5);`);
    expect(seen).toContain('TimeoutNegativeWarning');
  });
});
