import { platformConfig, runService } from '@leaderscope/service-kit';
import { startPlatform } from './index';
import { PlatformLogger } from './platform-logger';

/** `npm start`: the whole platform in one process (see platformConfig in @leaderscope/service-kit). */
runService({
  name: 'leaderscope',
  config: platformConfig,
  start: async (config) => {
    const logger = new PlatformLogger(config.LOG_LEVEL);
    const platform = await startPlatform({
      databaseUrl: config.DATABASE_URL,
      kafka: config,
      dataDir: config.LEADERSCOPE_DATA_DIR,
      port: config.PORT,
      host: config.HOST,
      secret: config.LEADERSCOPE_SECRET,
      introspection: config.GRAPHQL_INTROSPECTION,
      dashboardDir: config.DASHBOARD_DIR,
      seedDemo: config.LEADERSCOPE_DEMO,
      mailEnv: process.env,
      logger,
      log: (message) => logger.pino.info(message),
    });
    return {
      ready: `Leaderscope is running at ${platform.url} (GraphQL at ${platform.url}/graphql, health at ${platform.url}/health)`,
      stop: () => platform.stop(),
    };
  },
});
