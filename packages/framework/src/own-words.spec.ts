// The instrument is written in our own words: no run of 6 consecutive words from the seed articles
// may appear in the product text (instrument files and READMEs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEEDS_DIR = process.env.LEADERSCOPE_SEEDS_DIR ?? '/work/shared/seeds';
const N = 6;

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + N <= w.length; i++) out.add(w.slice(i, i + N).join(' '));
  return out;
}

const root = join(__dirname, '..');
const productFiles = [
  ...readdirSync(join(root, 'instruments')).map((f) => join(root, 'instruments', f)),
  join(root, 'README.md'),
  join(root, '..', 'scoring', 'README.md'),
].filter((f) => existsSync(f));

(existsSync(SEEDS_DIR) ? describe : describe.skip)('own words', () => {
  const seedShingles = new Set<string>();
  for (const f of readdirSync(SEEDS_DIR)) for (const s of shingles(readFileSync(join(SEEDS_DIR, f), 'utf8'))) seedShingles.add(s);

  it('found the seed articles and the product text', () => {
    expect(seedShingles.size).toBeGreaterThan(1000);
    expect(productFiles.some((f) => f.endsWith('.v1.json'))).toBe(true);
  });

  // sentences too short for a 6-word run (4 or 5 words) must not appear whole either
  const shortSentences: string[] = [];
  for (const f of readdirSync(SEEDS_DIR))
    for (const sentence of readFileSync(join(SEEDS_DIR, f), 'utf8').split(/[.!?\n]+/)) {
      const w = words(sentence);
      if (w.length >= 4 && w.length < N) shortSentences.push(` ${w.join(' ')} `);
    }

  it.each(productFiles)('%s shares no 6-word run (nor a whole short sentence) with the seed articles', (file) => {
    const text = file.endsWith('.json') ? JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 1) : readFileSync(file, 'utf8');
    const shared = [...shingles(text)].filter((s) => seedShingles.has(s));
    expect(shared).toEqual([]);
    const flat = ` ${words(text).join(' ')} `;
    expect(shortSentences.filter((s) => flat.includes(s))).toEqual([]);
  });
});
