import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  code: string;
  title: string;
  message: string;
  fields: FieldProblem[];
}

const TITLES: Record<string, string> = {
  BAD_USER_INPUT: 'Some details need fixing',
  FORBIDDEN: 'You do not have access to this',
  UNAUTHENTICATED: 'Please sign in again',
  CONFLICT: 'This changed in the meantime',
  RATE_LIMITED: 'Too many attempts',
  NOT_FOUND: 'Not found',
  NETWORK: 'Leaderscope could not be reached',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side',
};

/** Turns whatever Apollo threw into something a person can act on. */
export function describeError(error: unknown): Problem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const reported = first?.extensions?.code;
    const code = typeof reported === 'string' ? reported : 'INTERNAL_SERVER_ERROR';
    const fields = error.errors.flatMap((e) => (Array.isArray(e.extensions?.fields) ? (e.extensions.fields as FieldProblem[]) : []));
    const message = error.errors.map((e) => e.message).join(' ');
    return { code, title: TITLES[code] ?? 'The request was refused', message, fields };
  }
  if (ServerError.is(error) || ServerParseError.is(error) || (error instanceof Error && /fetch|network/i.test(error.message))) {
    return { code: 'NETWORK', title: TITLES.NETWORK, message: 'Check your connection and try again. Nothing was changed.', fields: [] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'UNKNOWN', title: 'Something went wrong', message, fields: [] };
}

export function errorCode(error: unknown): string | undefined {
  return error ? describeError(error).code : undefined;
}
