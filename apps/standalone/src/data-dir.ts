import { resolve } from 'node:path';

/** Where the one-machine default keeps its files: LEADERSCOPE_DATA_DIR, else `.data` at the repository root. */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.LEADERSCOPE_DATA_DIR ? resolve(env.LEADERSCOPE_DATA_DIR) : resolve(__dirname, '..', '..', '..', '.data');
}
