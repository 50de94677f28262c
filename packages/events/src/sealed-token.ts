import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * How a rater's survey token travels to the notification service: AES-256-GCM under a key derived
 * (HKDF-SHA256) from LEADERSCOPE_SECRET for this one purpose, bound to the assignment id (as
 * additional authenticated data, so a sealed token cannot be moved onto another rater). The gateway
 * seals, the notifier opens in memory at send time; Kafka, logs, dead letters and tables only ever
 * see the sealed form.
 */
export class SurveyTokenSeal {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (!secret || secret.length < 16) throw new Error('LEADERSCOPE_SECRET must be at least 16 characters');
    this.key = Buffer.from(hkdfSync('sha256', secret, 'leaderscope', 'notifier-survey-link-v1', 32));
  }

  seal(token: string, assignmentId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(assignmentId, 'utf8'));
    const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
  }

  /** Throws when the sealed token was made with another secret or for another assignment. */
  open(sealed: string, assignmentId: string): string {
    const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(assignmentId, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}
