export const NOTIFICATION_CONFIG = Symbol('NOTIFICATION_CONFIG');
export const MAIL_SENDER = Symbol('MAIL_SENDER');
