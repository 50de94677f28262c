import { CreateNotificationSchema1764200000000 } from './1764200000000-CreateNotificationSchema';
import { OutboxHeaderColumns1768200000003 } from './1768200000003-OutboxHeaderColumns';
import { OutboxEnvelopeAsText1768600000003 } from './1768600000003-OutboxEnvelopeAsText';

/** In order. A schema change is a new migration appended here, never an edit of an old one. */
export const notificationMigrations = [
  CreateNotificationSchema1764200000000,
  OutboxHeaderColumns1768200000003,
  OutboxEnvelopeAsText1768600000003,
];
