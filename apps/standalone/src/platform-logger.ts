import { createLogger, JsonLogger, LogLevelName } from '@leaderscope/service-kit';

/**
 * The platform's JSON logs. The three apps share one process under `npm start`, each with its own
 * TypeORM data source named "default" in its own Nest container. @nestjs/typeorm warns about the
 * repeated name as if they could clash; here they cannot, so that one warning is left out.
 */
export class PlatformLogger extends JsonLogger {
  constructor(level: LogLevelName = 'warn') {
    super(createLogger('leaderscope', level));
  }

  override warn(message: unknown, ...rest: unknown[]): void {
    if (rest[rest.length - 1] === 'DataSourceNameRegistry') return;
    super.warn(message, ...rest);
  }
}
