import type { LogLevel } from '@nestjs/common';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Nest log levels from LOG_LEVEL (`error`, `warn` (default), `log`, `debug`, `verbose`): that level
 * and every more severe one. `debug` shows, among others, each redelivered event a consumer skipped.
 */
export function logLevelsFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel[] {
  const wanted = (env.LOG_LEVEL ?? 'warn').toLowerCase() as LogLevel;
  const at = LEVELS.indexOf(wanted);
  return LEVELS.slice(0, at < 0 ? 3 : at + 1);
}
