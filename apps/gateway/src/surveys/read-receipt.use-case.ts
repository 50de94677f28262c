import { Injectable } from '@nestjs/common';
import { SubmissionReceipt } from './dto/survey.model';
import { toReceipt } from './submit-survey.use-case';
import { SurveyLinks } from './survey-link';
import { SurveysRepository } from './surveys.repository';

/** A rater reads their latest receipt back by token (including rejection reasons). */
@Injectable()
export class ReadReceiptUseCase {
  constructor(
    private readonly links: SurveyLinks,
    private readonly surveys: SurveysRepository,
  ) {}

  async execute(token: string, ip: string): Promise<SubmissionReceipt | null> {
    const { assignment } = await this.links.open(token, ip);
    const row = await this.surveys.latestSubmission(assignment.id);
    return row ? toReceipt(row) : null;
  }
}
