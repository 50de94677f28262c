// Writes test/seed-fingerprint.json from the seed articles (default ../../../shared/seeds), so the
// own-words test runs everywhere without the articles. Run after `npm run build` when the seeds change:
//   node scripts/fingerprint-seeds.js [seeds-dir]
const { readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { fingerprintSeeds } = require('../dist/own-words');

const dir = process.argv[2] ?? join(__dirname, '..', '..', '..', '..', 'shared', 'seeds');
const texts = readdirSync(dir)
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const out = join(__dirname, '..', 'test', 'seed-fingerprint.json');
writeFileSync(out, JSON.stringify({ articles: texts.length, ...fingerprintSeeds(texts) }) + '\n');
console.log(`wrote ${out} from ${texts.length} articles`);
