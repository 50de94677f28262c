import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { createIntl, type IntlShape, type MessageDescriptor } from 'react-intl';
import { errorMessages } from './messages';

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

const m = errorMessages;

/** English when no intl is at hand (tests, code-only callers such as `errorCode`). */
const english = createIntl({ locale: 'en', defaultLocale: 'en' });

const TITLES: Record<string, MessageDescriptor> = {
  BAD_USER_INPUT: m.titleBadUserInput,
  FORBIDDEN: m.titleForbidden,
  UNAUTHENTICATED: m.titleUnauthenticated,
  CONFLICT: m.titleConflict,
  RATE_LIMITED: m.titleRateLimited,
  NOT_FOUND: m.titleNotFound,
  NETWORK: m.titleNetwork,
  INTERNAL_SERVER_ERROR: m.titleInternal,
};

const ADVICE: Record<string, MessageDescriptor> = {
  BAD_USER_INPUT: m.adviceBadUserInput,
  FORBIDDEN: m.adviceForbidden,
  UNAUTHENTICATED: m.adviceUnauthenticated,
  RATE_LIMITED: m.adviceRateLimited,
  NOT_FOUND: m.adviceNotFound,
  NETWORK: m.adviceNetwork,
  INTERNAL_SERVER_ERROR: m.adviceInternal,
};

const GROUP_WORDS: Record<string, MessageDescriptor> = {
  self: m.groupSelf,
  manager: m.groupManager,
  peer: m.groupPeer,
  direct_report: m.groupDirectReport,
  skip_level: m.groupSkipLevel,
  other: m.groupOther,
};

const STATUS_WORDS: Record<string, MessageDescriptor> = {
  draft: m.statusDraft,
  launched: m.statusLaunched,
  closed: m.statusClosed,
  released: m.statusReleased,
};

const FIELD_LABELS: Record<string, MessageDescriptor> = {
  name: m.fieldName,
  opensAt: m.fieldOpensAt,
  closesAt: m.fieldClosesAt,
  anonymityThreshold: m.fieldAnonymityThreshold,
  commentThreshold: m.fieldCommentThreshold,
  maxRatersPerGroup: m.fieldMaxRatersPerGroup,
  minRaters: m.fieldMinRaters,
  instrumentVersion: m.fieldInstrumentVersion,
  roleProfileId: m.fieldRoleProfileId,
  email: m.fieldEmail,
  password: m.fieldPassword,
  csv: m.fieldCsv,
  cycleId: m.fieldCycleId,
  personIds: m.fieldPersonIds,
  comments: m.fieldComments,
  answers: m.fieldAnswers,
};

/** A field problem from the API in the user's words: no dotted keys, no snake_case groups. */
export function plainField(problem: FieldProblem, intl: IntlShape = english): FieldProblem {
  const short = /^(.*) has (\d+) approved (\w+) rater\(s\); at least (\d+) needed$/.exec(problem.message);
  if (short) {
    const [, name, count, group, min] = short;
    const words = (n: number) => (GROUP_WORDS[group] ? intl.formatMessage(GROUP_WORDS[group], { count: n }) : group);
    return {
      field: '',
      message: intl.formatMessage(m.tooFewRaters, {
        name,
        count: Number(count),
        group: words(Number(count)),
        min: Number(min),
        groups: words(2),
      }),
    };
  }
  const key = problem.field.split('.').pop() ?? problem.field;
  const known = FIELD_LABELS[key] ?? FIELD_LABELS[problem.field];
  const label = known ? intl.formatMessage(known) : problem.field.includes('.') || /[A-Z_]/.test(problem.field) ? '' : problem.field;
  const message = problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
  return { field: label, message: /[.!?]$/.test(message) ? message : `${message}.` };
}

/** A state rule from the API ("Cannot launch: the cycle is released (needs draft)") in plain words. */
function plainConflict(message: string, intl: IntlShape): string {
  const rule = /^Cannot ([^:]+): the cycle is (\w+)/.exec(message);
  if (rule)
    return intl.formatMessage(m.cannotNow, {
      action: rule[1].replace(/^list /, 'show '),
      status: STATUS_WORDS[rule[2]] ? intl.formatMessage(STATUS_WORDS[rule[2]]) : rule[2],
    });
  return intl.formatMessage(m.conflictOther, { message: message.replace(/\.$/, '') });
}

/** Turns whatever Apollo threw into something a person can act on, in the words of `intl` (English without one). */
export function describeError(error: unknown, intl: IntlShape = english): Problem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const reported = first?.extensions?.code;
    const code = typeof reported === 'string' ? reported : 'INTERNAL_SERVER_ERROR';
    const raw = error.errors.flatMap((e) => (Array.isArray(e.extensions?.fields) ? (e.extensions.fields as FieldProblem[]) : []));
    const fields = [...new Map(raw.map((f) => plainField(f, intl)).map((f) => [`${f.field}:${f.message}`, f])).values()];
    let message: string;
    if (code === 'CONFLICT') message = plainConflict(first?.message ?? '', intl);
    else if (code === 'BAD_USER_INPUT' && fields.length === 0)
      message = intl.formatMessage(m.badInput, { message: (first?.message ?? '').replace(/^Invalid input:\s*/, '') });
    else if (code === 'RATE_LIMITED' && first?.message) message = first.message;
    else message = intl.formatMessage(ADVICE[code] ?? ADVICE.INTERNAL_SERVER_ERROR);
    return { code, title: intl.formatMessage(TITLES[code] ?? m.titleRefused), message, fields };
  }
  if (ServerError.is(error) || ServerParseError.is(error) || (error instanceof Error && /fetch|network/i.test(error.message))) {
    return { code: 'NETWORK', title: intl.formatMessage(TITLES.NETWORK), message: intl.formatMessage(ADVICE.NETWORK), fields: [] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'UNKNOWN', title: intl.formatMessage(m.titleUnknown), message, fields: [] };
}

export function errorCode(error: unknown): string | undefined {
  return error ? describeError(error).code : undefined;
}
