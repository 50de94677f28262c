import { CreateSurveySchema1763800000000 } from './1763800000000-CreateSurveySchema';

/** In order. A schema change is a new migration appended here, never an edit of an old one. */
export const surveyMigrations = [CreateSurveySchema1763800000000];
