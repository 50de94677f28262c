import { runEventService } from '@leaderscope/service-kit';
import { startSurveyService } from './index';

/** The survey service as its own process, on Kafka and PostgreSQL (see eventServiceConfig in @leaderscope/service-kit). */
runEventService('survey-service', startSurveyService, 'consuming survey submissions');
