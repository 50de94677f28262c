import { createHash } from 'node:crypto';

/** Run length: no run of this many consecutive words from the seed articles may appear in the product. */
export const SHINGLE_WORDS = 6;

export function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A short one-way fingerprint of a run of words, so the repository holds no article text. */
export function fingerprint(run: string): string {
  return createHash('sha256').update(run).digest('hex').slice(0, 16);
}

/** Every run of `n` consecutive words. */
export function runs(text: string, n: number): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(' '));
  return out;
}

export interface SeedFingerprint {
  /** fingerprints of every 6-word run of the seed articles */
  runs: string[];
  /** fingerprints of the articles' whole sentences of 4 or 5 words */
  shortSentences: string[];
}

/** The fingerprint of a set of articles (texts). */
export function fingerprintSeeds(texts: string[]): SeedFingerprint {
  const all = new Set<string>();
  const short = new Set<string>();
  for (const text of texts) {
    for (const run of runs(text, SHINGLE_WORDS)) all.add(fingerprint(run));
    for (const sentence of text.split(/[.!?\n]+/)) {
      const w = words(sentence);
      if (w.length >= 4 && w.length < SHINGLE_WORDS) short.add(fingerprint(w.join(' ')));
    }
  }
  return { runs: [...all].sort(), shortSentences: [...short].sort() };
}

/** Runs (and whole short sentences) of `text` that also appear in the articles. */
export function borrowedRuns(text: string, seeds: SeedFingerprint): string[] {
  const seedRuns = new Set(seeds.runs);
  const seedShort = new Set(seeds.shortSentences);
  const borrowed = runs(text, SHINGLE_WORDS).filter((r) => seedRuns.has(fingerprint(r)));
  for (const n of [4, 5]) borrowed.push(...runs(text, n).filter((r) => seedShort.has(fingerprint(r))));
  return borrowed;
}
