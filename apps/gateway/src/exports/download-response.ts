import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../common/errors';

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.BadUserInput]: 400,
};

/**
 * A download refused or failed, answered as JSON with an HTTP status: our own errors keep their code
 * and plain message; anything else is a 500 whose detail goes to the log, never to the client.
 */
export function refuseDownload(res: Response, error: unknown, logger: Logger, failed: string): void {
  const code = error instanceof GraphQLError ? String(error.extensions.code) : ErrorCode.Internal;
  const status = STATUS[code];
  if (status) {
    res.status(status).json({ error: code, message: (error as Error).message });
    return;
  }
  logger.error(error instanceof Error ? error : String(error));
  res.status(500).json({ error: ErrorCode.Internal, message: failed });
}
