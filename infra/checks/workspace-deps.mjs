// Checks that every workspace declares the @leaderscope/* workspaces it uses, so that Turborepo's
// task graph (built from package.json) is the real one:
// - code under src/ (not its tests) may use only `dependencies` and `peerDependencies`: it ships;
// - tests, configs (jest preset, ESLint config), scripts and benchmarks may also use `devDependencies`;
// - a declared @leaderscope/* workspace that nothing uses, or one declared twice, is an error too.
// usage: node infra/checks/workspace-deps.mjs
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const SCOPE = '@leaderscope/';
const CODE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', '.turbo', 'test-artifacts', '.data']);
const TEST = /(?:\.spec\.|\.e2e-spec\.|\.test\.)[cm]?[jt]sx?$/;
// import … from '…', export … from '…', import '…', import('…'), require('…'), require.resolve('…'), jest.mock('…')
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire(?:\.resolve)?\s*\(\s*|\bjest\.mock\s*\(\s*)['"`](@leaderscope\/[a-z0-9._-]+)/g;

function workspaces() {
  const { workspaces: globs } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dirs = [];
  for (const glob of globs) {
    if (!glob.endsWith('/*')) throw new Error(`workspace pattern ${glob} is not <folder>/*; extend infra/checks/workspace-deps.mjs`);
    const parent = join(root, glob.slice(0, -2));
    for (const name of readdirSync(parent)) if (existsSync(join(parent, name, 'package.json'))) dirs.push(join(parent, name));
  }
  return dirs;
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) yield* files(join(dir, entry.name));
    } else if (CODE.test(entry.name)) yield join(dir, entry.name);
  }
}

const all = workspaces().map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }));
const names = new Set(all.map((w) => w.pkg.name));
const problems = [];

for (const { dir, pkg } of all) {
  const where = relative(root, dir);
  const runtime = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  const dev = new Set(Object.keys(pkg.devDependencies ?? {}));
  const used = new Set();
  for (const name of Object.keys(pkg.dependencies ?? {}))
    if (name.startsWith(SCOPE) && dev.has(name))
      problems.push(`${where}/package.json: ${name} is in both dependencies and devDependencies`);

  for (const file of files(dir)) {
    const rel = relative(dir, file);
    // src/test-support/ holds test helpers that the build leaves out (tsconfig.build.json).
    const ships = rel.startsWith('src/') && !TEST.test(rel) && !rel.startsWith('src/test/') && !rel.startsWith('src/test-support/');
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(SPECIFIER)) {
      const name = match[1];
      if (name === pkg.name) continue;
      used.add(name);
      const line = source.slice(0, match.index).split('\n').length;
      const at = `${where}/${rel}:${line}`;
      if (!names.has(name)) problems.push(`${at}: ${name} is not a workspace of this repository`);
      else if (ships && !runtime.has(name))
        problems.push(
          `${at}: uses ${name}, which ${where}/package.json does not list in dependencies${dev.has(name) ? ' (only in devDependencies, but this file ships)' : ''}`,
        );
      else if (!ships && !runtime.has(name) && !dev.has(name))
        problems.push(`${at}: uses ${name}, which ${where}/package.json does not declare (devDependencies will do for tests and tooling)`);
    }
  }
  for (const name of new Set([...runtime, ...dev]))
    if (name.startsWith(SCOPE) && !used.has(name)) problems.push(`${where}/package.json: declares ${name}, which nothing in ${where} uses`);
}

if (problems.length > 0) {
  console.error('workspace dependency check FAILED:');
  for (const p of [...new Set(problems)]) console.error(`  - ${p}`);
  console.error('Declare what a workspace uses in its package.json (`"@leaderscope/<name>": "*"`) and remove what it does not.');
  process.exit(1);
}
console.log(`workspace dependency check: ${all.length} workspaces declare every @leaderscope/* workspace they use`);
