// Runs before `npm install` and at the start of every entry point: a plain message, not a stack
// trace, when the project is run on a Node.js older than the one it supports.
'use strict';
const required = 24;
const major = Number(process.versions.node.split('.')[0]);
if (major < required) {
  process.stderr.write(
    `Leaderscope needs Node.js ${required} or newer; this is Node.js ${process.versions.node}.\n` +
      `Get it with nvm ("nvm install", reading .nvmrc), from nodejs.org, or from the npm registry:\n` +
      `  export PATH="$(bash infra/node/ensure.sh):$PATH"\n`,
  );
  process.exit(1);
}
