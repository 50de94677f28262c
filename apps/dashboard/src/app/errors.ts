import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { createIntl, type IntlShape, type MessageDescriptor } from 'react-intl';
import { errorMessages } from './messages';
import { DownloadError } from './download';

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
  launching: m.statusLaunching,
  launched: m.statusLaunched,
  closed: m.statusClosed,
  released: m.statusReleased,
};

/** The gateway's state rules (`extensions.reason` 'wrongStatus', `values.action`) in the user's words. */
const ACTIONS: Record<string, MessageDescriptor> = {
  launch: m.actionLaunch,
  close: m.actionClose,
  rescore: m.actionRescore,
  'add subjects': m.actionAddSubjects,
  'approve nominations': m.actionApproveNominations,
  'change nominations': m.actionChangeNominations,
  'propose raters': m.actionProposeRaters,
  'change the comment threshold': m.actionCommentThreshold,
  'list invitation links': m.actionListLinks,
  'export survey links': m.actionExportLinks,
  'send reminders': m.actionSendReminders,
  'ask for nominations': m.actionAskNominations,
  'ask for approval': m.actionAskApproval,
  'resend an invitation': m.actionResend,
  'release results': m.actionRelease,
};

const FIELD_LABELS: Record<string, MessageDescriptor> = {
  name: m.fieldName,
  opensAt: m.fieldOpensAt,
  closesAt: m.fieldClosesAt,
  anonymityThreshold: m.fieldAnonymityThreshold,
  commentThreshold: m.fieldCommentThreshold,
  maxRatersPerGroup: m.fieldMaxRatersPerGroup,
  minRaters: m.fieldMinRaters,
  instrumentId: m.fieldInstrumentVersion,
  instrumentVersion: m.fieldInstrumentVersion,
  roleProfileId: m.fieldRoleProfileId,
  email: m.fieldEmail,
  password: m.fieldPassword,
  csv: m.fieldCsv,
  cycleId: m.fieldCycleId,
  personIds: m.fieldPersonIds,
  subjectIds: m.fieldPersonIds,
  subjectId: m.fieldSubjectId,
  raterId: m.fieldRaterId,
  personId: m.fieldPersonId,
  coachId: m.fieldCoachId,
  group: m.fieldGroup,
  comments: m.fieldComments,
  answers: m.fieldAnswers,
  body: m.fieldComment,
  months: m.fieldMonths,
  reminderDaysBeforeClose: m.fieldReminders,
};

/**
 * The gateway's machine codes for a field's fault (`extensions.fields[].code`, with `values`) in
 * the user's words; class-validator's constraint names are codes too.
 */
const REASONS: Record<string, MessageDescriptor> = {
  notAfterOpens: m.reasonNotAfterOpens,
  inThePast: m.reasonInThePast,
  listedTwice: m.reasonListedTwice,
  minAboveMax: m.reasonMinAboveMax,
  unknownInstrument: m.reasonUnknownInstrument,
  unknownRoleProfile: m.reasonUnknownRoleProfile,
  commentThresholdRange: m.reasonCommentThresholdRange,
  noSubjects: m.reasonNoSubjects,
  notASubject: m.reasonNotASubject,
  unknownPerson: m.reasonUnknownPerson,
  notAnId: m.reasonNotAnId,
  nulByte: m.reasonNulByte,
  staleCursor: m.reasonStaleCursor,
  pageSize: m.reasonPageSize,
  isEmail: m.reasonIsEmail,
  isNotEmpty: m.reasonIsNotEmpty,
  isDefined: m.reasonIsNotEmpty,
  isLength: m.reasonIsLength,
  maxLength: m.reasonMaxLength,
  minLength: m.reasonMinLength,
  arrayMinSize: m.reasonArrayMinSize,
  arrayNotEmpty: m.reasonArrayMinSize,
  arrayMaxSize: m.reasonArrayMaxSize,
  isInt: m.reasonIsInt,
  min: m.reasonOutOfRange,
  max: m.reasonOutOfRange,
  isDate: m.reasonIsDate,
  isUuid: m.reasonIsUuid,
};

/** A field problem as the gateway sends it: the English `message` for API clients, and a `code` to word. */
export interface ServerFieldProblem {
  field: string;
  message: string;
  code?: string;
  values?: Record<string, string | number>;
}

/** The field's label in the user's words, from its input path (`input.minRaters[1].group` → "Rater group"); '' when unknown. */
function fieldLabel(path: string, intl: IntlShape): string {
  const key = (path.split('.').pop() ?? path).replace(/\[\d+\]$/, '');
  const known = FIELD_LABELS[key];
  return known ? intl.formatMessage(known) : '';
}

/**
 * A field problem from the API in the user's words: its code worded by a message of ours, never the
 * server's English sentence; an unknown code still says which field and what to do.
 */
export function plainField(problem: ServerFieldProblem, intl: IntlShape = english): FieldProblem {
  const values = problem.values ?? {};
  const groupWords = (group: unknown, count: number) =>
    typeof group === 'string' && GROUP_WORDS[group]
      ? intl.formatMessage(GROUP_WORDS[group], { count })
      : intl.formatMessage(m.groupUnknown, { count });
  if (problem.code === 'tooFewRaters') {
    const count = Number(values.count ?? 0);
    return {
      field: '',
      message: intl.formatMessage(m.tooFewRaters, {
        name: String(values.name ?? ''),
        count,
        group: groupWords(values.group, count),
        min: Number(values.min ?? 0),
        groups: groupWords(values.group, 2),
      }),
    };
  }
  const field = fieldLabel(problem.field, intl);
  const reason = problem.code ? REASONS[problem.code] : undefined;
  if (reason)
    return {
      field,
      message: intl.formatMessage(reason, {
        ...values,
        group: groupWords(values.group, 1),
        groups: groupWords(values.group, 2),
        profile: String(values.profile ?? ''),
      }),
    };
  return { field: '', message: field ? intl.formatMessage(m.fieldInvalid, { field }) : intl.formatMessage(m.someFieldInvalid) };
}

/** One line for a field problem: "Closes: Must be after the opening date." */
export function fieldLine(problem: FieldProblem, intl: IntlShape = english): string {
  return problem.field ? intl.formatMessage(m.fieldLine, { field: problem.field, message: problem.message }) : problem.message;
}

/** The gateway's other state rules (`extensions.reason`), each in plain words with what to do. */
const CONFLICTS: Record<string, MessageDescriptor> = {
  nominationsSettled: m.conflictNominationsSettled,
  notReleased: m.conflictNotReleased,
  afterDebrief: m.conflictAfterDebrief,
  notCoached: m.conflictNotCoached,
  releasedAlready: m.conflictReleasedAlready,
  pulseNotReleased: m.conflictPulseNotReleased,
  invitationRevoked: m.conflictInvitationRevoked,
  submittedAlready: m.conflictSubmittedAlready,
  noPlan: m.conflictNoPlan,
  planChanged: m.conflictPlanChanged,
  erasedAlready: m.conflictErasedAlready,
  eraseSelf: m.conflictEraseSelf,
  pulseOpen: m.conflictPulseOpen,
  noRaters: m.conflictNoRaters,
  accountExists: m.conflictAccountExists,
  launchingAlready: m.conflictLaunchingAlready,
  launchedAlready: m.conflictLaunchedAlready,
};

/** A state rule from the API (`extensions.reason`) in plain words; any other as a plain "not possible now". */
function plainConflict(extensions: Record<string, unknown> | undefined, intl: IntlShape): string {
  const values = (extensions?.values ?? {}) as Record<string, unknown>;
  if (extensions?.reason === 'wrongStatus' && typeof values.status === 'string') {
    const status = STATUS_WORDS[values.status] ? intl.formatMessage(STATUS_WORDS[values.status]) : '';
    const action = typeof values.action === 'string' ? ACTIONS[values.action] : undefined;
    if (status && action) return intl.formatMessage(m.cannotNow, { action: intl.formatMessage(action), status });
    if (status) return intl.formatMessage(m.cannotNowStatus, { status });
  }
  const reason = typeof extensions?.reason === 'string' ? CONFLICTS[extensions.reason] : undefined;
  if (reason) return intl.formatMessage(reason, { version: typeof values.version === 'number' ? values.version : '' });
  return intl.formatMessage(m.conflictOther);
}

/** An error whose message is in the user's words already (a react-intl message): shown as it is. */
export class PlainError extends Error {}

/** Turns whatever Apollo threw into something a person can act on, in the words of `intl` (English without one). */
export function describeError(error: unknown, intl: IntlShape = english): Problem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const reported = first?.extensions?.code;
    const code = typeof reported === 'string' ? reported : 'INTERNAL_SERVER_ERROR';
    const raw = error.errors.flatMap((e) => (Array.isArray(e.extensions?.fields) ? (e.extensions.fields as ServerFieldProblem[]) : []));
    const fields = [...new Map(raw.map((f) => plainField(f, intl)).map((f) => [`${f.field}:${f.message}`, f])).values()];
    let message: string;
    const retry = Number(first?.extensions?.retryAfterSeconds);
    if (code === 'CONFLICT') message = plainConflict(first?.extensions, intl);
    else if (code === 'BAD_USER_INPUT' && fields.length === 0) message = intl.formatMessage(m.badInput);
    else if (code === 'RATE_LIMITED' && Number.isFinite(retry) && retry > 0)
      message = intl.formatMessage(m.rateLimitedWait, { seconds: Math.ceil(retry) });
    else message = intl.formatMessage(ADVICE[code] ?? ADVICE.INTERNAL_SERVER_ERROR);
    return { code, title: intl.formatMessage(TITLES[code] ?? m.titleRefused), message, fields };
  }
  if (error instanceof DownloadError) {
    const code = error.code;
    return {
      code,
      title: intl.formatMessage(TITLES[code] ?? m.titleRefused),
      message: intl.formatMessage(ADVICE[code] ?? ADVICE.INTERNAL_SERVER_ERROR),
      fields: [],
    };
  }
  if (ServerError.is(error) || ServerParseError.is(error) || (error instanceof Error && /fetch|network/i.test(error.message))) {
    return { code: 'NETWORK', title: intl.formatMessage(TITLES.NETWORK), message: intl.formatMessage(ADVICE.NETWORK), fields: [] };
  }
  const message = error instanceof PlainError ? error.message : intl.formatMessage(m.unknownAdvice);
  return { code: 'UNKNOWN', title: intl.formatMessage(m.titleUnknown), message, fields: [] };
}

export function errorCode(error: unknown): string | undefined {
  return error ? describeError(error).code : undefined;
}
