/**
 * Rescore one cycle, or every cycle, from the stored responses under another instrument version,
 * role profile or anonymity threshold, with no new survey. Writes a new, versioned result set (the
 * live one and earlier rescores are kept) and announces each subject's report with `report.updated`
 * (resultSet = the rescore id) through the scoring service's outbox.
 *
 *   DATABASE_URL=… [KAFKA_BROKERS=… KAFKA_TOPIC_PREFIX=…] node apps/scoring-service/dist/cli/rescore.js \
 *     (--cycle <id> | --all) --instrument-version <n> [--instrument <id>] [--role-profile <id>|none]
 *     [--min-group-size <n>] [--rescore-id <uuid>]
 *
 * Without KAFKA_BROKERS the events wait in the outbox and the scoring service's relay publishes them
 * when it runs. Running the same --rescore-id again resumes an interrupted rescore.
 */
import 'reflect-metadata';
import { EventTransport } from '@leaderscope/events';
import { commandConfig, ConfigError, loadConfig, OutboxService, transportFromConfig } from '@leaderscope/service-kit';
import { Presets, SingleBar } from 'cli-progress';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { startScoringService } from '../index';
import { RescoreCycleResult, RescoreCycleUseCase } from '../reports/rescore-cycle.use-case';

const USAGE = `usage: rescore (--cycle <id> | --all) --instrument-version <n> [--instrument <id>] [--role-profile <id>|none]
               [--min-group-size <n>] [--rescore-id <uuid>]
env: DATABASE_URL (required); KAFKA_BROKERS, KAFKA_TOPIC_PREFIX (optional: publish report.updated now)`;

export interface RescoreCliOptions {
  cycles: string[] | 'all';
  instrumentId?: string;
  instrumentVersion: number;
  roleProfileId?: string | null;
  minGroupSize?: number;
  rescoreId: string;
}

export function parseRescoreArgs(argv: string[]): RescoreCliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      cycle: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      instrument: { type: 'string' },
      'instrument-version': { type: 'string' },
      'role-profile': { type: 'string' },
      'min-group-size': { type: 'string' },
      'rescore-id': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) throw new UsageError('');
  if (!values.all === !values.cycle) throw new UsageError('give either --cycle <id> or --all');
  const version = Number(values['instrument-version']);
  if (!Number.isInteger(version) || version < 1) throw new UsageError('--instrument-version must be a positive integer');
  const minGroupSize = values['min-group-size'] === undefined ? undefined : Number(values['min-group-size']);
  if (minGroupSize !== undefined && (!Number.isInteger(minGroupSize) || minGroupSize < 1))
    throw new UsageError('--min-group-size must be a positive integer');
  const profile = values['role-profile'];
  return {
    cycles: values.all ? 'all' : values.cycle!,
    instrumentId: values.instrument,
    instrumentVersion: version,
    roleProfileId: profile === undefined ? undefined : profile === 'none' ? null : profile,
    minGroupSize,
    rescoreId: values['rescore-id'] ?? randomUUID(),
  };
}

class UsageError extends Error {}

/** Runs the rescore with a progress bar on stderr; returns one result per cycle. */
export async function runRescore(
  options: RescoreCliOptions,
  env?: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream = process.stderr,
): Promise<RescoreCycleResult[]> {
  const config = loadConfig(commandConfig, env); // a wrong or missing variable: ConfigError naming it
  let transport: EventTransport | null = null;
  if (config.KAFKA_BROKERS) {
    transport = transportFromConfig('scoring-rescore-cli', config);
    await transport.start();
  }
  const app = await startScoringService({ databaseUrl: config.DATABASE_URL, transport, consume: false, logger: ['error'] });
  try {
    const useCase = app.get(RescoreCycleUseCase);
    const cycles = options.cycles === 'all' ? await useCase.cycles() : options.cycles;
    const counts: { cycle_id: string; subjects: string }[] = await app
      .get(DataSource)
      .query(
        `SELECT "cycle_id", count(DISTINCT "subject_id") AS subjects FROM "scoring"."rater_response" WHERE "cycle_id" = ANY($1) GROUP BY "cycle_id"`,
        [cycles],
      );
    const total = counts.reduce((sum, c) => sum + Number(c.subjects), 0);
    const bar = new SingleBar(
      {
        format: 'rescore {bar} {percentage}% | {value}/{total} subjects | {cycle} | ETA {eta}s',
        noTTYOutput: !(out as NodeJS.WriteStream).isTTY,
        notTTYSchedule: 1000,
        hideCursor: true,
        stream: out,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0, { cycle: '' });
    const results: RescoreCycleResult[] = [];
    let before = 0;
    try {
      for (const cycleId of cycles) {
        const result = await useCase.execute(
          {
            rescoreId: options.rescoreId,
            cycleId,
            instrumentId: options.instrumentId,
            instrumentVersion: options.instrumentVersion,
            roleProfileId: options.roleProfileId,
            minGroupSize: options.minGroupSize,
          },
          (p) => bar.update(before + p.done, { cycle: cycleId }),
        );
        before += result.subjects;
        results.push(result);
      }
    } finally {
      bar.stop();
    }
    const outbox = app.get(OutboxService);
    await outbox.flush();
    const waiting = await outbox.pending();
    for (const r of results) {
      out.write(
        `${r.cycleId}: result set ${r.rescoreId}: ${r.subjects} subject(s), ${r.scored} scored now, ${r.skipped} already done` +
          (r.ignoredAnswers ? `, ${r.ignoredAnswers} answer(s) to items not in this version ignored` : '') +
          '\n',
      );
      const compared = await summarise(useCase, r);
      if (compared) out.write(`  ${compared}\n`);
    }
    out.write(
      transport
        ? `report.updated published${waiting ? ` (${waiting} still waiting in the outbox)` : ''}\n`
        : `no KAFKA_BROKERS: ${waiting} event(s) wait in the outbox; the scoring service publishes them when it runs\n`,
    );
    return results;
  } finally {
    await app.close();
    await transport?.close();
  }
}

/** One line comparing the live result set with the new one, over the cycle's subjects. */
async function summarise(useCase: RescoreCycleUseCase, result: RescoreCycleResult): Promise<string | null> {
  const deltas: number[] = [];
  for (const subject_id of await useCase.reportedSubjects(result.cycleId, result.rescoreId)) {
    const c = await useCase.compare(result.cycleId, subject_id, 'live', result.rescoreId);
    if (c && c.a.fit !== null && c.b.fit !== null) deltas.push(c.b.fit - c.a.fit);
  }
  if (deltas.length === 0) return null;
  const mean = deltas.reduce((a, b) => a + b, 0) / deltas.length;
  return `vs live: overall fit changed by ${mean >= 0 ? '+' : ''}${mean.toFixed(3)} on average over ${deltas.length} subject(s)`;
}

if (require.main === module) {
  void (async () => {
    try {
      const options = parseRescoreArgs(process.argv.slice(2));
      await runRescore(options);
    } catch (error) {
      if (error instanceof UsageError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        if ((error as Error).message) console.error((error as Error).message);
        console.error(USAGE);
        process.exit(2);
      }
      console.error(`rescore failed: ${(error as Error).message ?? String(error)}`);
      process.exit(1);
    }
  })();
}
