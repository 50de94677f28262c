import { runService } from '@leaderscope/service-kit';
import { startSurveyService } from './index';

/** The survey service as its own process, on Kafka and PostgreSQL (KAFKA_BROKERS, DATABASE_URL). */
runService('survey-service', startSurveyService, 'consuming survey submissions');
