import { CreateScoringSchema1763800000001 } from './1763800000001-CreateScoringSchema';

/** In order. A schema change is a new migration appended here, never an edit of an old one. */
export const scoringMigrations = [CreateScoringSchema1763800000001];
