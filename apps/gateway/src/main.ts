import { gatewayConfig, runService, transportFromConfig } from '@leaderscope/service-kit';
import { createGateway, listenGateway } from './index';

/** The gateway as its own process, on Kafka and PostgreSQL (see gatewayConfig in @leaderscope/service-kit). */
runService({
  name: 'gateway',
  config: gatewayConfig,
  start: async (config, logger) => {
    const transport = transportFromConfig('gateway', config);
    await transport.start();
    const app = await createGateway({
      databaseUrl: config.DATABASE_URL,
      transport,
      secret: config.LEADERSCOPE_SECRET,
      publicUrl: config.PUBLIC_URL,
      dashboardDir: config.DASHBOARD_DIR,
      introspection: config.GRAPHQL_INTROSPECTION,
      logger,
    });
    await listenGateway(app, config.PORT, config.HOST);
    return {
      ready: `http://${config.HOST}:${config.PORT}/graphql`,
      stop: async () => {
        await transport.stopConsumers();
        await app.close();
        await transport.close();
      },
    };
  },
});
