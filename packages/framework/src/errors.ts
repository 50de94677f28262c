export interface InstrumentIssue {
  /** e.g. "items[3].dimensionId" */
  path: string;
  message: string;
}

/** An instrument definition was refused. `issues` lists every problem; the message names them. */
export class InstrumentValidationError extends Error {
  readonly issues: InstrumentIssue[];
  constructor(issues: InstrumentIssue[], source?: string) {
    const head = `Invalid instrument${source ? ` (${source})` : ''}`;
    const shown = issues.slice(0, 10).map((i) => `${i.path || '(root)'}: ${i.message}`);
    const more = issues.length > 10 ? [`… and ${issues.length - 10} more`] : [];
    super(`${head}: ${[...shown, ...more].join('; ')}`);
    this.name = 'InstrumentValidationError';
    this.issues = issues;
    Object.setPrototypeOf(this, InstrumentValidationError.prototype);
  }
}

/** getInstrument was asked for an id or version that does not exist. */
export class UnknownInstrumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownInstrumentError';
    Object.setPrototypeOf(this, UnknownInstrumentError.prototype);
  }
}
