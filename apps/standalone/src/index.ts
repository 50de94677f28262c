import { ensureDatabase, startEmbeddedPostgres, withDatabase } from '@leaderscope/database';
import { catalogue, createTransport, EventTransport } from '@leaderscope/events';
import { createGateway } from '@leaderscope/gateway';
import { startScoringService } from '@leaderscope/scoring-service';
import { startSurveyService } from '@leaderscope/survey-service';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { join, resolve } from 'node:path';

export interface PlatformOptions {
  /** PostgreSQL to use; when absent an embedded PostgreSQL is started in `dataDir`. */
  databaseUrl?: string;
  /** Kafka brokers; when absent the in-process transport is used. */
  kafkaBrokers?: string;
  /** Prefix of Kafka topics and consumer groups (KAFKA_TOPIC_PREFIX). */
  kafkaNamespace?: string;
  dataDir?: string;
  port?: number;
  host?: string;
  dashboardDir?: string;
  log?: (message: string) => void;
}

export interface Platform {
  url: string;
  databaseUrl: string;
  transport: EventTransport;
  gateway: INestApplication;
  stop(): Promise<void>;
}

const repoRoot = resolve(__dirname, '..', '..', '..');

/** Starts the whole platform in this process: the one-machine default behind `npm start`. */
export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const log = options.log ?? ((m: string) => console.log(m));
  let stopPostgres: (() => Promise<void>) | undefined;
  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    const dataDir = options.dataDir ?? join(repoRoot, '.data', 'postgres');
    log(`postgres: starting embedded PostgreSQL (data in ${dataDir})`);
    const pg = await startEmbeddedPostgres({ dataDir, persistent: true });
    stopPostgres = pg.stop;
    databaseUrl = withDatabase(pg.url, 'leaderscope');
  }
  await ensureDatabase(databaseUrl);

  const transport = createTransport({ registry: catalogue, clientId: 'leaderscope', brokers: options.kafkaBrokers, namespace: options.kafkaNamespace });
  await transport.start();
  log(`events: ${transport.kind === 'kafka' ? `Kafka at ${options.kafkaBrokers}` : 'in-process transport'}`);

  const services: INestApplicationContext[] = [];
  services.push(await startSurveyService({ databaseUrl, transport }));
  services.push(await startScoringService({ databaseUrl, transport }));
  const gateway = await createGateway({
    databaseUrl,
    transport,
    dashboardDir: options.dashboardDir ?? join(repoRoot, 'apps', 'dashboard', 'dist'),
  });
  const port = options.port ?? 4000;
  const host = options.host ?? '127.0.0.1';
  await gateway.listen(port, host);
  const address = gateway.getHttpServer().address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;

  return {
    url,
    databaseUrl,
    transport,
    gateway,
    async stop() {
      await transport.stopConsumers();
      await gateway.close();
      for (const service of services.reverse()) await service.close();
      await transport.close();
      await stopPostgres?.();
    },
  };
}
