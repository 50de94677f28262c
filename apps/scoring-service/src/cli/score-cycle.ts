/**
 * Scores a whole cycle (one result set): norms per dimension, alpha, ICC(1)/ICC(1,k) per rater group,
 * and each subject's comparisons (percentiles, like-for-like trend). Same use-case as the
 * `cycle.score-requested` consumer; `cycle.scored` and `report.comparisons-updated` go through the
 * scoring service's outbox.
 *
 *   DATABASE_URL=… [KAFKA_BROKERS=… KAFKA_TOPIC_PREFIX=…] node apps/scoring-service/dist/cli/score-cycle.js \
 *     --cycle <id> [--result-set <live|rescore id>] [--closed]
 */
import 'reflect-metadata';
import { EventTransport } from '@leaderscope/events';
import { commandConfig, ConfigError, loadConfig, OutboxService, transportFromConfig } from '@leaderscope/service-kit';
import { parseArgs } from 'node:util';
import { ScoreCycleSummary, ScoreCycleUseCase } from '../cycle-results/score-cycle.use-case';
import { startScoringService } from '../index';

const USAGE = `usage: score-cycle --cycle <id> [--result-set <live|rescore id>] [--closed]
env: DATABASE_URL (required); KAFKA_BROKERS, KAFKA_TOPIC_PREFIX (optional: publish the events now)`;

class UsageError extends Error {}

export function parseScoreCycleArgs(argv: string[]): { cycleId: string; resultSet: string; closed: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: { cycle: { type: 'string' }, 'result-set': { type: 'string' }, closed: { type: 'boolean' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) throw new UsageError('');
  if (!values.cycle) throw new UsageError('--cycle <id> is required');
  return { cycleId: values.cycle, resultSet: values['result-set'] ?? 'live', closed: values.closed ?? false };
}

export async function runScoreCycle(
  options: { cycleId: string; resultSet: string; closed: boolean },
  env?: NodeJS.ProcessEnv,
): Promise<ScoreCycleSummary | null> {
  const config = loadConfig(commandConfig, env); // a wrong or missing variable: ConfigError naming it
  let transport: EventTransport | null = null;
  if (config.KAFKA_BROKERS) {
    transport = transportFromConfig('scoring-score-cycle-cli', config);
    await transport.start();
  }
  const app = await startScoringService({ databaseUrl: config.DATABASE_URL, transport, consume: false, logger: ['error'] });
  try {
    const summary = await app.get(ScoreCycleUseCase).execute(options);
    await app.get(OutboxService).flush();
    return summary;
  } finally {
    await app.close();
    await transport?.close();
  }
}

if (require.main === module) {
  void (async () => {
    try {
      const s = await runScoreCycle(parseScoreCycleArgs(process.argv.slice(2)));
      if (!s) return console.error('the cycle has no responses yet: nothing to score');
      console.error(
        `${s.cycleId} (${s.resultSet}) scored, version ${s.resultVersion}: ${s.subjectCount} subject(s), ${s.withTrend} with a trend, norm group from ${s.normCycles} cycle(s)`,
      );
    } catch (error) {
      if (error instanceof UsageError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        if ((error as Error).message) console.error((error as Error).message);
        console.error(USAGE);
        process.exit(2);
      }
      console.error(`score-cycle failed: ${(error as Error).message ?? String(error)}`);
      process.exit(1);
    }
  })();
}
