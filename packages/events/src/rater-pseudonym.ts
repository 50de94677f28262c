import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Stable pseudonymous rater keys for `cycle.rater-pseudonyms`: HMAC-SHA256 of the person id under a
 * key derived (HKDF-SHA256) from LEADERSCOPE_SECRET for this one purpose and organisation. The same
 * person gets the same key in every cycle of their organisation; a key in another organisation, or
 * under another secret, is unrelated; without the secret a key cannot be traced back to a person
 * (the gateway derives them; the scoring service only compares them).
 */
export class RaterPseudonyms {
  private readonly secret: string;

  constructor(secret: string) {
    if (!secret || secret.length < 16) throw new Error('LEADERSCOPE_SECRET must be at least 16 characters');
    this.secret = secret;
  }

  /** Each organisation's derived key, derived once (a launch asks for one pseudonym per rater). */
  private readonly keys = new Map<string, Buffer>();

  keyOf(organisationId: string, personId: string): string {
    let key = this.keys.get(organisationId);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.secret, 'leaderscope', `rater-pseudonym-v1:${organisationId}`, 32));
      if (this.keys.size >= 1000) this.keys.clear();
      this.keys.set(organisationId, key);
    }
    return createHmac('sha256', key).update(personId, 'utf8').digest('base64url');
  }
}
