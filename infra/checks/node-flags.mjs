// Checks that each app is started with the same Node flags (and GLIBC_TUNABLES) everywhere it is started: its own
// `npm start` (which the bench reads), the root's `start:<app>` and docker-compose.yml's `command`.
// The gateway's memory target rests on its flags (apps/gateway/README.md, "Memory"); a flag added
// in one place and forgotten in another would run production unlike what was measured.
// usage: node infra/checks/node-flags.mjs
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const flagsOf = (words) => words.filter((word) => word.startsWith('--'));
/** The flags of the `node … <entry>` command in an npm script (after the last `&&`). */
const scriptFlags = (script) => flagsOf(script.split('&&').pop().trim().split(/\s+/));
/** What the same command sets in its environment (`NAME=value` before `node`), e.g. GLIBC_TUNABLES. */
const scriptEnv = (script) =>
  script
    .split('&&')
    .pop()
    .trim()
    .split(/\s+/)
    .filter((word) => /^[A-Z_][A-Z0-9_]*=/.test(word));

const rootScripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const problems = [];

for (const app of readdirSync(join(root, 'apps'))) {
  const manifest = join(root, 'apps', app, 'package.json');
  if (!existsSync(manifest)) continue;
  const start = JSON.parse(readFileSync(manifest, 'utf8')).scripts?.start;
  if (!start) continue;
  const places = { [`apps/${app}/package.json start`]: scriptFlags(start) };
  if (rootScripts[`start:${app}`]) places[`package.json start:${app}`] = scriptFlags(rootScripts[`start:${app}`]);
  // docker-compose.yml: command: ['node', '--flag', …, 'apps/<app>/dist/main.js']
  const command = new RegExp(`command:\\s*\\[([^\\]]*'apps/${app}/dist/main\\.js'[^\\]]*)\\]`).exec(compose);
  if (command) places[`docker-compose.yml ${app} command`] = flagsOf([...command[1].matchAll(/'([^']*)'/g)].map((m) => m[1]));
  // An app started with flags must be found in every place, or a place this check cannot read would pass unseen.
  if (places[`apps/${app}/package.json start`].length > 0)
    for (const place of [`package.json start:${app}`, `docker-compose.yml ${app} command`])
      if (!(place in places))
        problems.push(`${app}: ${place} not found (this check reads a 'command: [...]' list and a 'node … <entry>' script)`);
  const [first, ...rest] = Object.entries(places);
  for (const [place, flags] of rest)
    if (flags.join(' ') !== first[1].join(' '))
      problems.push(`${app}: ${place} has [${flags.join(' ')}], ${first[0]} has [${first[1].join(' ')}]`);
}

// The environment an app's start script sets (GLIBC_TUNABLES: how glibc keeps freed memory; the
// gateway sets none, for its memory target) must be the root's `start:<app>`'s and docker-compose's;
// the bench sets the scoring service's for itself (it runs the replay, as the scoring service does)
// and `npm start` the standalone app's.
const tunablesOf = (words) => words.find((w) => w.startsWith('GLIBC_TUNABLES='))?.slice('GLIBC_TUNABLES='.length) ?? null;
const composeTunables = [...compose.matchAll(/GLIBC_TUNABLES:\s*'([^']*)'/g)].map((m) => m[1]);
const appTunables = (app) =>
  tunablesOf(scriptEnv(JSON.parse(readFileSync(join(root, 'apps', app, 'package.json'), 'utf8')).scripts?.start ?? ''));
// Every app also runs in production mode wherever it is started (graphql-js checks types with a
// plain `instanceof` only then, and Express keeps stack traces out of its own error pages): its
// start script, the root's `start:<app>` (`npm start` for the standalone app) and docker-compose.yml.
const nodeEnvOf = (script) =>
  scriptEnv(script)
    .find((w) => w.startsWith('NODE_ENV='))
    ?.slice('NODE_ENV='.length) ?? null;
for (const app of readdirSync(join(root, 'apps'))) {
  if (!existsSync(join(root, 'apps', app, 'package.json'))) continue;
  const start = JSON.parse(readFileSync(join(root, 'apps', app, 'package.json'), 'utf8')).scripts?.start;
  const own = tunablesOf(scriptEnv(start ?? ''));
  const rootScript = app === 'standalone' ? rootScripts.start : rootScripts[`start:${app}`];
  if (start && nodeEnvOf(start) !== 'production') problems.push(`${app}: apps/${app}/package.json start does not set NODE_ENV=production`);
  if (start && rootScript && nodeEnvOf(rootScript) !== 'production')
    problems.push(`${app}: ${app === 'standalone' ? 'npm start' : `package.json start:${app}`} does not set NODE_ENV=production`);
  if (rootScript && tunablesOf(scriptEnv(rootScript)) !== own)
    problems.push(
      `${app}: GLIBC_TUNABLES differ: ${app === 'standalone' ? 'npm start' : `start:${app}`} has ${tunablesOf(scriptEnv(rootScript))}, its start script ${own}`,
    );
  if (own !== null && !composeTunables.includes(own)) problems.push(`${app}: docker-compose.yml does not set its GLIBC_TUNABLES (${own})`);
}
if (tunablesOf(scriptEnv(rootScripts.bench ?? '')) !== appTunables('scoring-service'))
  problems.push(
    `npm run bench runs the replay with GLIBC_TUNABLES ${tunablesOf(scriptEnv(rootScripts.bench ?? ''))}, the scoring service with ${appTunables('scoring-service')}`,
  );
if (appTunables('gateway') !== null || !/GLIBC_TUNABLES:\s*''/.test(compose))
  problems.push(
    "the gateway must keep glibc's defaults (its memory target): no GLIBC_TUNABLES in its start script, '' in docker-compose.yml",
  );

if (!/&app-env\n(?:\s+#.*\n)*\s+NODE_ENV: production\n/.test(compose))
  problems.push("docker-compose.yml: the apps' shared environment (&app-env) does not set NODE_ENV: production");

if (problems.length) {
  console.error(`Node flags differ between the places an app is started:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
