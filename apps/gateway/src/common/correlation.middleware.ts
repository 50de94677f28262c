import { withCorrelation } from '@leaderscope/service-kit';
import { Injectable, NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Gives every HTTP request a correlation id — the caller's `X-Correlation-Id` when it is a sensible
 * one, a new UUID otherwise — answers it in the same header, and runs the request under it: every
 * log line and every event the request causes carries it (the services pass it on to the report).
 */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: { headers: Record<string, unknown> }, res: { setHeader(name: string, value: string): void }, next: () => void): void {
    const given = req.headers[CORRELATION_HEADER];
    const correlationId = typeof given === 'string' && /^[\w.:-]{8,100}$/.test(given) ? given : randomUUID();
    res.setHeader(CORRELATION_HEADER, correlationId);
    withCorrelation(correlationId, next);
  }
}
