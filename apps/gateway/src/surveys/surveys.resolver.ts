import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ClientIp } from '../access/viewer';
import { SubmitSurveyInput, SurveyAnswersInput } from './dto/survey.input';
import { DraftSaved, RaterSurvey, SubmissionReceipt } from './dto/survey.model';
import { OpenSurveyUseCase } from './open-survey.use-case';
import { ReadReceiptUseCase } from './read-receipt.use-case';
import { SaveDraftUseCase } from './save-draft.use-case';
import { SubmitSurveyUseCase } from './submit-survey.use-case';

/** The rater's operations: no account, only the survey token from the link (rate-limited). */
@Resolver(() => RaterSurvey)
export class SurveysResolver {
  constructor(
    private readonly openSurvey: OpenSurveyUseCase,
    private readonly saveDraft: SaveDraftUseCase,
    private readonly submit: SubmitSurveyUseCase,
    private readonly readReceipt: ReadReceiptUseCase,
  ) {}

  @Query(() => RaterSurvey, {
    description: "The survey behind a link: subject, relationship, anonymity promise and the items the rater's group observes.",
  })
  raterSurvey(@Args('token') token: string, @ClientIp() ip: string): Promise<RaterSurvey> {
    return this.openSurvey.execute(token, ip);
  }

  @Mutation(() => DraftSaved, { description: 'Autosave: keeps partial answers so the rater can resume.' })
  saveSurveyDraft(@Args('input') input: SurveyAnswersInput, @ClientIp() ip: string): Promise<DraftSaved> {
    return this.saveDraft.execute(input, ip);
  }

  @Mutation(() => SubmissionReceipt, { description: 'Submit the survey. Safe to retry with the same idempotency key.' })
  submitSurvey(@Args('input') input: SubmitSurveyInput, @ClientIp() ip: string): Promise<SubmissionReceipt> {
    return this.submit.execute(input, ip);
  }

  @Query(() => SubmissionReceipt, { nullable: true, description: "The rater's latest receipt, with its status and any rejection reasons." })
  submissionReceipt(@Args('token') token: string, @ClientIp() ip: string): Promise<SubmissionReceipt | null> {
    return this.readReceipt.execute(token, ip);
  }
}
