import { CreateNotificationSchema1764200000000 } from './1764200000000-CreateNotificationSchema';

/** In order. A schema change is a new migration appended here, never an edit of an old one. */
export const notificationMigrations = [CreateNotificationSchema1764200000000];
