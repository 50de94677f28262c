import { Module } from '@nestjs/common';
import { OpenSurveyUseCase } from './open-survey.use-case';
import { ReadReceiptUseCase } from './read-receipt.use-case';
import { RecordOutcomeUseCase } from './record-outcome.use-case';
import { ResponseOutcomesConsumer } from './response-outcomes.consumer';
import { SaveDraftUseCase } from './save-draft.use-case';
import { SubmissionBatcher } from './submission-batcher';
import { SubmitSurveyUseCase } from './submit-survey.use-case';
import { SurveyLinks } from './survey-link';
import { SurveysRepository } from './surveys.repository';
import { SurveysResolver } from './surveys.resolver';

/** The rater's side: a survey reached by token, drafts, submission through the outbox, and its outcome. */
@Module({
  providers: [
    SurveysRepository,
    SurveyLinks,
    OpenSurveyUseCase,
    SaveDraftUseCase,
    SubmissionBatcher,
    SubmitSurveyUseCase,
    ReadReceiptUseCase,
    RecordOutcomeUseCase,
    SurveysResolver,
    ResponseOutcomesConsumer,
  ],
  // The gateway renders a link's survey page with the same use-case (dashboard/survey-page.ts).
  exports: [OpenSurveyUseCase],
})
export class SurveysModule {}
