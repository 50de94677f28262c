import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';

/** Error codes clients can rely on (`extensions.code`). */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  RateLimited = 'RATE_LIMITED',
  Internal = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  /** Path of the offending field in the input, e.g. `input.answers[2].value`. */
  field: string;
  /** The reason in English, for API clients and logs: names the field's fault. */
  message: string;
  /**
   * The reason as a machine code (`notAfterOpens`, `tooFewRaters`, a class-validator constraint
   * such as `isLength`...) with the `values` its wording needs, so a client words it in its own
   * language instead of showing `message`. Absent where no code is given yet.
   */
  code?: string;
  values?: Record<string, string | number>;
}

/** Bad input: names every field at fault and why. Nothing was changed. */
export class InputError extends GraphQLError {
  constructor(readonly problems: FieldProblem[]) {
    super(`Invalid input: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, {
      extensions: { code: ErrorCode.BadUserInput, fields: problems },
    });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string) {
    super(`${what} was not found`, { extensions: { code: ErrorCode.NotFound } });
  }
}

export class ConflictError extends GraphQLError {
  /** `reason` (with its `values`): the state rule as a machine code, for clients that word it themselves. */
  constructor(message: string, reason?: { reason: string; values?: Record<string, string | number> }) {
    super(message, { extensions: { code: ErrorCode.Conflict, ...(reason ?? {}) } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Sign in first: this needs a valid bearer token') {
    super(message, { extensions: { code: ErrorCode.Unauthenticated } });
  }
}

/** Not allowed, or not there: the same answer, so other organisations' ids reveal nothing. */
export class ForbiddenError extends GraphQLError {
  constructor(message = 'You do not have access to this') {
    super(message, { extensions: { code: ErrorCode.Forbidden } });
  }
}

export class RateLimitedError extends GraphQLError {
  constructor(retryAfterSeconds: number) {
    super(`Too many attempts: try again in ${retryAfterSeconds} s`, {
      extensions: { code: ErrorCode.RateLimited, retryAfterSeconds },
    });
  }
}

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * What a client sees of an error: our own errors as they are; GraphQL's own validation errors as
 * they are; anything else as a generic internal error, never with a stack trace or an internal message.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const rawCode = formatted.extensions?.code;
  const code: string = typeof rawCode === 'string' ? rawCode : '';
  const { stacktrace: _stack, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  if (PUBLIC_CODES.has(code) && code !== (ErrorCode.Internal as string)) {
    return { ...formatted, extensions };
  }
  if (['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND'].includes(code)) {
    return { ...formatted, extensions };
  }
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const status = (original as { getStatus?: () => number })?.getStatus?.();
  if (status && status < 500) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.BadUserInput },
    };
  }
  new Logger('GraphQL').error(original instanceof Error ? original : String(original));
  return {
    message: 'Internal error: the request could not be completed. It has been logged.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.Internal },
  };
}
