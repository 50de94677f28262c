/**
 * `npm run backup [-- <file>]`: a consistent backup of the embedded PostgreSQL of `npm start`
 * (LEADERSCOPE_DATA_DIR, default `.data`), running or not. Default file:
 * `<data dir>/backups/leaderscope-<time>.tar.gz`.
 */
import { backupEmbeddedPostgres } from '@leaderscope/database';
import { join } from 'node:path';
import { dataDirectory } from '../data-dir';

async function main(): Promise<void> {
  const dataDir = dataDirectory();
  const file = process.argv[2] ?? join(dataDir, 'backups', `leaderscope-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
  const result = await backupEmbeddedPostgres(join(dataDir, 'postgres'), file, (m) => console.error(m));
  console.log(result.file);
}

main().catch((error) => {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
