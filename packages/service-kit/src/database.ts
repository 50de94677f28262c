import { ensureDatabase } from '@leaderscope/database';
import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';

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

/**
 * Creates the database and the service's schema when missing and, given the service's migrations,
 * runs them under a PostgreSQL advisory lock (one per schema): any number of replicas can start at
 * once on an empty database; the first migrates, the others wait and find nothing left to do.
 */
export async function prepareServiceDatabase(url: string, schema: string, migrations?: DataSourceOptions['migrations']): Promise<void> {
  await createSchema(url, schema);
  if (migrations) await migrateUnderLock(url, schema, migrations);
}

async function migrateUnderLock(url: string, schema: string, migrations: DataSourceOptions['migrations']): Promise<void> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext($1))`, [`migrations:${schema}`]);
    const dataSource = new DataSource({
      ...serviceDataSourceOptions({ url, schema, entities: [], migrations, poolSize: 2 }),
      migrationsRun: false,
    });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.end(); // the session's lock goes with it
  }
}

async function createSchema(url: string, schema: string): Promise<void> {
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
