import { CreateSurveySchema1763800000000 } from './1763800000000-CreateSurveySchema';
import { AllowRetentionPurge1765200000001 } from './1765200000001-AllowRetentionPurge';
import { OutboxHeaderColumns1768200000001 } from './1768200000001-OutboxHeaderColumns';
import { OutboxEnvelopeAsJson1768200000011 } from './1768200000011-OutboxEnvelopeAsJson';
import { OutboxEnvelopeAsText1768600000002 } from './1768600000002-OutboxEnvelopeAsText';

/** In order. A schema change is a new migration appended here, never an edit of an old one. */
export const surveyMigrations = [
  CreateSurveySchema1763800000000,
  AllowRetentionPurge1765200000001,
  OutboxHeaderColumns1768200000001,
  OutboxEnvelopeAsJson1768200000011,
  OutboxEnvelopeAsText1768600000002,
];
