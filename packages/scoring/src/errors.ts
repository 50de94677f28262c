/** Thrown for every input that breaks the contract's shapes (rule 8). The message names the culprit. */
export class ScoringInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoringInputError';
    Object.setPrototypeOf(this, ScoringInputError.prototype);
  }
}
