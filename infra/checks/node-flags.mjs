// Checks that each app is started with the same Node flags everywhere it is started: its own
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

if (problems.length) {
  console.error(`Node flags differ between the places an app is started:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
