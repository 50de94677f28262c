import { ConsoleLogger } from '@nestjs/common';

/**
 * The three apps share one process under `npm start`, each with its own TypeORM data source named
 * "default" in its own Nest container. @nestjs/typeorm warns about the repeated name as if they
 * could clash; here they cannot, so that one warning is left out.
 */
export class PlatformLogger extends ConsoleLogger {
  constructor() {
    super('Leaderscope', { logLevels: ['error', 'warn'] });
  }

  override warn(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (context === 'DataSourceNameRegistry') return;
    super.warn(message, ...(rest as [string]));
  }
}
