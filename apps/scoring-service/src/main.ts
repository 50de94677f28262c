import { runService } from '@leaderscope/service-kit';
import { startScoringService } from './index';

/** The scoring service as its own process, on Kafka and PostgreSQL (KAFKA_BROKERS, DATABASE_URL). */
runService('scoring-service', startScoringService, 'consuming recorded responses');
