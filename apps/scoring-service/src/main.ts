import { runEventService } from '@leaderscope/service-kit';
import { startScoringService } from './index';

/** The scoring service as its own process, on Kafka and PostgreSQL (see eventServiceConfig in @leaderscope/service-kit). */
runEventService('scoring-service', startScoringService, 'consuming recorded responses');
