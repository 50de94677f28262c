import { ensureDatabase } from '@leaderscope/database';
import { Client } from 'pg';
import type { DataSourceOptions } from 'typeorm';

export interface ServiceDatabaseOptions {
  url: string;
  /** The service's own PostgreSQL schema: services never read each other's tables. */
  schema: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  poolSize?: number;
}

/** TypeORM options for a service: its own schema, migrations run at start, never `synchronize`. */
export function serviceDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: options.poolSize ?? 20 },
  };
}

/** Creates the database and the service's schema when missing, so migrations can run into it. */
export async function prepareServiceDatabase(url: string, schema: string): Promise<void> {
  await ensureDatabase(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
  } catch (error) {
    // Two services starting at once may race to create the same schema.
    if ((error as { code?: string }).code !== '23505' && (error as { code?: string }).code !== '42P06') throw error;
  } finally {
    await client.end();
  }
}
