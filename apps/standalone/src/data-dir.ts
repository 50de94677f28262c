import { loadConfig, platformConfig } from '@leaderscope/service-kit';
import { resolve } from 'node:path';

/**
 * Where the one-machine default keeps its files: LEADERSCOPE_DATA_DIR (checked like every
 * variable, by the platform's configuration schema), else `.data` at the repository root.
 */
export function dataDirectory(env?: NodeJS.ProcessEnv): string {
  const { LEADERSCOPE_DATA_DIR } = loadConfig(platformConfig.pick({ LEADERSCOPE_DATA_DIR: true }), env);
  return LEADERSCOPE_DATA_DIR ? resolve(LEADERSCOPE_DATA_DIR) : resolve(__dirname, '..', '..', '..', '.data');
}
