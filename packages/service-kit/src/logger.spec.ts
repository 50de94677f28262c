import { Writable } from 'node:stream';
import { createLogger, JsonLogger, withCorrelation } from './index';

describe('JSON logs', () => {
  it('write one JSON object a line with the service and the correlation id of the work in hand', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(...String(chunk).trim().split('\n'));
        done();
      },
    });
    const logger = new JsonLogger(createLogger('gateway', 'info', sink));
    await withCorrelation('req-1234567', async () => {
      await Promise.resolve();
      logger.log('report stored', 'ApplyReportUpdateUseCase');
    });
    logger.warn('outside any request');
    logger.debug('below the level');
    const [first, second] = lines.map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(first).toMatchObject({
      level: 'info',
      service: 'gateway',
      correlationId: 'req-1234567',
      context: 'ApplyReportUpdateUseCase',
      msg: 'report stored',
    });
    expect(second).toMatchObject({ level: 'warn', msg: 'outside any request' });
    expect(second).not.toHaveProperty('correlationId');
  });
});
