import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SubmitSurveyInput } from './dto/submit-survey.input';
import { SubmissionReceipt } from './dto/submission-receipt.model';
import { SurveysService } from './surveys.service';

@Resolver(() => SubmissionReceipt)
export class SurveysResolver {
  constructor(private readonly surveys: SurveysService) {}

  @Mutation(() => SubmissionReceipt, { description: 'Submit a completed survey. Safe to retry with the same idempotency key.' })
  submitSurvey(@Args('input') input: SubmitSurveyInput): Promise<SubmissionReceipt> {
    return this.surveys.submit(input);
  }

  @Query(() => SubmissionReceipt, { nullable: true, description: 'The receipt of a submission, with its current status.' })
  submissionReceipt(@Args('submissionId', { type: () => ID }) submissionId: string): Promise<SubmissionReceipt | null> {
    return this.surveys.receipt(submissionId);
  }
}
