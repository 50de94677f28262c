import { randomFillSync } from 'node:crypto';

/** Ids are UUIDs: anything else cannot name a row, and is answered like a missing one. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** In slices: PostgreSQL takes at most 65,535 parameters per statement. */
export function chunks<T>(rows: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
/** Random bytes for 256 ids, refilled when used up (as `crypto.randomUUID` caches its entropy). */
const entropy = Buffer.alloc(16 * 256);
let used = entropy.length;
const text = Buffer.alloc(36);

/**
 * A new random (version 4) UUID, as one flat string. `crypto.randomUUID()` answers a string joined
 * from 20 pieces, which V8 keeps as a tree of cons strings: about 490 bytes of heap per id instead
 * of 56 (102,001 of them: 47 MiB against 6 MiB), for as long as the id lives, and it is slower
 * (about 2.8 µs against 1 µs). For ids made by the thousand: the import's people, the proposals,
 * the launch's assignments, the submissions.
 */
export function newId(): string {
  if (used === entropy.length) {
    randomFillSync(entropy);
    used = 0;
  }
  entropy[used + 6] = (entropy[used + 6] & 0x0f) | 0x40; // version 4
  entropy[used + 8] = (entropy[used + 8] & 0x3f) | 0x80; // variant 10
  let at = 0;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) text[at++] = 0x2d; // '-'
    const hex = HEX[entropy[used + i]];
    text[at++] = hex.charCodeAt(0);
    text[at++] = hex.charCodeAt(1);
  }
  used += 16;
  return text.toString('latin1', 0, 36);
}
