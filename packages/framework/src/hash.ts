import { createHash } from 'node:crypto';
import { InstrumentDefinition } from './types';

/** JSON with object keys sorted, so equal content always gives equal text. */
export function canonicalJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonicalJson).join(',')}]`;
  if (x && typeof x === 'object')
    return `{${Object.keys(x)
      .sort()
      .filter((k) => (x as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((x as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(x);
}

/**
 * SHA-256 of the canonical JSON of a definition. Store it with a cycle: if the same id and version
 * ever hash differently, the instrument was edited in place instead of being given a new version.
 */
export function instrumentContentHash(def: InstrumentDefinition): string {
  return createHash('sha256').update(canonicalJson(def)).digest('hex');
}
