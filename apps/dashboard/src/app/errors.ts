import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  code: string;
  /** What happened, in a few words. */
  title: string;
  /** What it means and what to do, in plain words. Never a field key, never a stack. */
  message: string;
  /** One line per thing to fix: `field` is a label in the user's words ('' when the message names it). */
  fields: FieldProblem[];
}

const TITLES: Record<string, string> = {
  BAD_USER_INPUT: 'Some details need fixing',
  FORBIDDEN: 'You do not have access to this',
  UNAUTHENTICATED: 'Please sign in again',
  CONFLICT: 'Not possible at this stage',
  RATE_LIMITED: 'Too many attempts',
  NOT_FOUND: 'Not found',
  NETWORK: 'Leaderscope could not be reached',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side',
};

const ADVICE: Record<string, string> = {
  BAD_USER_INPUT: 'Nothing was changed. Fix the points below and try again.',
  FORBIDDEN:
    'It belongs to another role or organisation, or it has not been released to you yet. Ask your HR team if you think you should see it.',
  UNAUTHENTICATED: 'Your session has ended. Sign in again to carry on.',
  RATE_LIMITED: 'Wait a minute before trying again.',
  NOT_FOUND: 'It may have been removed, or the link is incomplete. Check the link or go back and choose it again.',
  NETWORK: 'Check your connection and try again. Nothing was changed.',
  INTERNAL_SERVER_ERROR: 'Nothing was changed. Try again in a moment; if it keeps happening, tell your Leaderscope administrator.',
};

const GROUP_WORDS: Record<string, [string, string]> = {
  self: ['self-assessment', 'self-assessments'],
  manager: ['manager', 'managers'],
  peer: ['peer', 'peers'],
  direct_report: ['direct report', 'direct reports'],
  skip_level: ['skip-level rater', 'skip-level raters'],
  other: ['partner', 'partners'],
};

const STATUS_WORDS: Record<string, string> = {
  draft: 'not launched yet',
  launched: 'collecting feedback',
  closed: 'closed',
  released: 'released',
};

const FIELD_LABELS: Record<string, string> = {
  name: 'Cycle name',
  opensAt: 'Opens',
  closesAt: 'Closes',
  anonymityThreshold: 'Anonymity threshold',
  commentThreshold: 'Comment threshold',
  maxRatersPerGroup: 'Most raters per group',
  minRaters: 'Fewest raters per group',
  instrumentVersion: 'Instrument version',
  roleProfileId: 'Role profile',
  email: 'E-mail',
  password: 'Password',
  csv: 'The file',
  cycleId: 'Cycle',
  personIds: 'Leaders',
  comments: 'Comments',
  answers: 'Answers',
};

/** A field problem from the API in the user's words: no dotted keys, no snake_case groups. */
export function plainField(problem: FieldProblem): FieldProblem {
  const short = /^(.*) has (\d+) approved (\w+) rater\(s\); at least (\d+) needed$/.exec(problem.message);
  if (short) {
    const [, name, count, group, min] = short;
    const [one, many] = GROUP_WORDS[group] ?? [group, group];
    return {
      field: '',
      message: `${name} has ${count === '0' ? 'no' : count} approved ${count === '1' ? one : many}; at least ${min} ${min === '1' ? 'is' : 'are'} needed. Add ${many} on the “Leaders and raters” tab and approve the list.`,
    };
  }
  const key = problem.field.split('.').pop() ?? problem.field;
  const label =
    FIELD_LABELS[key] ?? FIELD_LABELS[problem.field] ?? (problem.field.includes('.') || /[A-Z_]/.test(problem.field) ? '' : problem.field);
  const message = problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
  return { field: label, message: /[.!?]$/.test(message) ? message : `${message}.` };
}

/** A state rule from the API ("Cannot launch: the cycle is released (needs draft)") in plain words. */
function plainConflict(message: string): string {
  const rule = /^Cannot ([^:]+): the cycle is (\w+)/.exec(message);
  if (rule)
    return `You cannot ${rule[1].replace(/^list /, 'show ')} now: this cycle is ${STATUS_WORDS[rule[2]] ?? rule[2]}. Nothing was changed.`;
  return `${message.replace(/\.$/, '')}. Nothing was changed.`;
}

/** Turns whatever Apollo threw into something a person can act on. */
export function describeError(error: unknown): Problem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const reported = first?.extensions?.code;
    const code = typeof reported === 'string' ? reported : 'INTERNAL_SERVER_ERROR';
    const raw = error.errors.flatMap((e) => (Array.isArray(e.extensions?.fields) ? (e.extensions.fields as FieldProblem[]) : []));
    const fields = [...new Map(raw.map(plainField).map((f) => [`${f.field}:${f.message}`, f])).values()];
    let message: string;
    if (code === 'CONFLICT') message = plainConflict(first?.message ?? '');
    else if (code === 'BAD_USER_INPUT' && fields.length === 0)
      message = `${(first?.message ?? '').replace(/^Invalid input:\s*/, '')} Nothing was changed.`;
    else if (code === 'RATE_LIMITED' && first?.message) message = first.message;
    else message = ADVICE[code] ?? ADVICE.INTERNAL_SERVER_ERROR;
    return { code, title: TITLES[code] ?? 'The request was refused', message, fields };
  }
  if (ServerError.is(error) || ServerParseError.is(error) || (error instanceof Error && /fetch|network/i.test(error.message))) {
    return { code: 'NETWORK', title: TITLES.NETWORK, message: ADVICE.NETWORK, fields: [] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'UNKNOWN', title: 'Something went wrong', message, fields: [] };
}

export function errorCode(error: unknown): string | undefined {
  return error ? describeError(error).code : undefined;
}
