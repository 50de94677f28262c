/**
 * `npm run restore -- <file>`: puts a backup made by `npm run backup` in place of the embedded
 * PostgreSQL of `npm start` (LEADERSCOPE_DATA_DIR, default `.data`). Stop Leaderscope first; the
 * current database is kept aside as `postgres.before-restore-<time>`.
 */
import { restoreEmbeddedPostgres } from '@leaderscope/database';
import { join } from 'node:path';
import { dataDirectory } from '../data-dir';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('which backup? usage: npm run restore -- <file.tar.gz>');
  const { keptAside } = await restoreEmbeddedPostgres(join(dataDirectory(), 'postgres'), file, (m) => console.error(m));
  console.log(`restored ${file}${keptAside ? ` (the previous database is in ${keptAside}; delete it once you are satisfied)` : ''}`);
}

main().catch((error) => {
  console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
