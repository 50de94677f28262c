// Checks that the dashboard's generated GraphQL types (apps/dashboard/src/gql) are what
// `npm run codegen -w @leaderscope/dashboard` makes today from apps/gateway/schema.graphql and the
// dashboard's operations. Generates in memory with the dashboard's own codegen.ts; writes nothing.
// usage: node infra/checks/codegen.mjs
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const dashboard = join(root, 'apps', 'dashboard');
const target = './src/gql/';

// codegen.ts is TypeScript with type-only imports: Node 24 loads it as is.
const { default: config } = await import(join(dashboard, 'codegen.ts'));
const { generate } = createRequire(join(dashboard, 'package.json'))('@graphql-codegen/cli');
if (!config.generates?.[target]) throw new Error(`codegen.ts no longer generates ${target}; update infra/checks/codegen.mjs`);

const previous = process.cwd();
process.chdir(dashboard);
let outputs;
try {
  outputs = await generate({ ...config, cwd: dashboard, silent: true, verbose: false, errorsOnly: true }, false);
} finally {
  process.chdir(previous);
}

const problems = [];
const expected = new Set();
for (const { filename, content } of outputs) {
  const file = resolve(dashboard, filename);
  expected.add(file);
  const shown = relative(root, file);
  if (!existsSync(file)) problems.push(`${shown} is missing`);
  else if (readFileSync(file, 'utf8') !== content) problems.push(`${shown} differs from what codegen makes now`);
}
const folder = resolve(dashboard, target);
for (const name of readdirSync(folder)) {
  const file = join(folder, name);
  if (!expected.has(file)) problems.push(`${relative(root, file)} is not made by codegen any more`);
}

if (problems.length > 0) {
  console.error(
    "codegen check FAILED: the dashboard's generated GraphQL types do not match apps/gateway/schema.graphql and the dashboard's operations:",
  );
  for (const p of problems) console.error(`  - ${p}`);
  console.error(
    'Regenerate them with `npm run codegen -w @leaderscope/dashboard` (after `npm run schema -w @leaderscope/gateway` if the gateway changed) and commit src/gql.',
  );
  process.exit(1);
}
console.log(`codegen check: ${outputs.length} generated file(s) in apps/dashboard/src/gql match the schema and operations`);
