// The instrument is written in our own words: no run of 6 consecutive words from the seed articles
// (nor a whole 4- or 5-word sentence of theirs) may appear in the product text. The articles are
// not in this repository; test/seed-fingerprint.json holds one-way fingerprints of their word runs
// (scripts/fingerprint-seeds.js), so this check runs on every machine.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { borrowedRuns, fingerprintSeeds, SeedFingerprint } from './own-words';

const root = join(__dirname, '..');
const seeds: SeedFingerprint & { articles: number } = JSON.parse(readFileSync(join(root, 'test', 'seed-fingerprint.json'), 'utf8'));
const productFiles = [
  ...readdirSync(join(root, 'instruments')).map((f) => join(root, 'instruments', f)),
  join(root, 'README.md'),
  join(root, '..', 'scoring', 'README.md'),
];
const seedsDir = process.env.LEADERSCOPE_SEEDS_DIR ?? join(root, '..', '..', '..', 'shared', 'seeds');

describe('own words', () => {
  it('has the fingerprint of all five seed articles and the product text to check', () => {
    expect(seeds.articles).toBe(5);
    expect(seeds.runs.length).toBeGreaterThan(1000);
    expect(productFiles.filter((f) => f.endsWith('.json')).length).toBeGreaterThanOrEqual(2);
  });

  it('catches a borrowed run (the check works)', () => {
    expect(borrowedRuns('one two three four five six', fingerprintSeeds(['x one two three four five six y']))).toEqual([
      'one two three four five six',
    ]);
  });

  if (existsSync(seedsDir)) {
    it('the fingerprint matches the articles beside the repository', () => {
      const texts = readdirSync(seedsDir)
        .sort()
        .map((f) => readFileSync(join(seedsDir, f), 'utf8'));
      expect(fingerprintSeeds(texts)).toEqual({ runs: seeds.runs, shortSentences: seeds.shortSentences });
    });
  }

  it.each(productFiles)('%s borrows no run of words from the seed articles', (file) => {
    const text = file.endsWith('.json') ? JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 1) : readFileSync(file, 'utf8');
    expect(borrowedRuns(text, seeds)).toEqual([]);
  });
});
