import { Injectable } from '@nestjs/common';
import { FieldProblem } from '../common/errors';
import { SurveysRepository } from './surveys.repository';

/** Applies what the survey service decided (`response.recorded` / `response.rejected`) to the receipts. */
@Injectable()
export class RecordOutcomeUseCase {
  constructor(private readonly surveys: SurveysRepository) {}

  /** Many submissions recorded at once (a batch of `response.recorded`). */
  recorded(submissionIds: string[]): Promise<void> {
    return this.surveys.markRecorded(submissionIds);
  }

  /** A rejected submission reopens the survey so the rater can correct it. */
  rejected(submissionId: string, reasons: FieldProblem[]): Promise<void> {
    return this.surveys.markRejected(submissionId, reasons);
  }
}
