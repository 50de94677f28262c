export const NOTIFICATIONS_OPTIONS = Symbol('NOTIFICATIONS_OPTIONS');

export interface NotificationsOptions {
  /** Base of the links HR downloads or opens in the mail outbox (PUBLIC_URL). */
  publicUrl: string;
}
