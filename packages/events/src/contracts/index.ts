import { ContractRegistry } from '../envelope';
import { cycleScoredV1, reportComparisonsUpdatedV1, reportUpdatedV1, reportUpdatedV2 } from './reports';
import {
  cycleRaterPseudonymsV1,
  cycleResponsesPurgeRequestedV1,
  cycleScoreRequestedV1,
  reminderRequestedV1,
  rescoreRequestedV1,
} from './cycles';
import {
  cycleClosedV1,
  invitationIssuedV2,
  mailDeliveryUpdatedV1,
  nominationApprovalRequestedV1,
  nominationRequestedV1,
  personErasedV1,
  resultsReleasedV1,
} from './notifications';
import { developmentPlanChangedV1, pulseLaunchedV1 } from './development';
import { debriefCompletedV1, debriefRequestedV1 } from './coaching';
import { responseCountedV1, responseRecordedV1, responseRejectedV1, surveySubmittedV1 } from './surveys';

export * from './topics';
export * from './surveys';
export * from './reports';
export * from './cycles';
export * from './notifications';
export * from './development';
export * from './coaching';

/**
 * Every contract the platform knows. A new version of an event is added here beside the old one;
 * a version nobody produces or consumes any more is removed (an old event of it still in a log or
 * topic is then dead-lettered with "no contract registered", see docs/events.md).
 */
export const catalogue = new ContractRegistry([
  surveySubmittedV1,
  responseRecordedV1,
  responseRejectedV1,
  reportUpdatedV1,
  reportUpdatedV2,
  reminderRequestedV1,
  rescoreRequestedV1,
  invitationIssuedV2,
  cycleClosedV1,
  nominationRequestedV1,
  nominationApprovalRequestedV1,
  resultsReleasedV1,
  mailDeliveryUpdatedV1,
  cycleScoreRequestedV1,
  cycleScoredV1,
  reportComparisonsUpdatedV1,
  responseCountedV1,
  cycleResponsesPurgeRequestedV1,
  personErasedV1,
  developmentPlanChangedV1,
  cycleRaterPseudonymsV1,
  debriefRequestedV1,
  debriefCompletedV1,
  pulseLaunchedV1,
]);
