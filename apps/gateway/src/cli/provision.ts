import { commandConfig, ConfigError, loadConfig, prepareServiceDatabase, serviceDataSourceOptions } from '@leaderscope/service-kit';
import { DataSource } from 'typeorm';
import { GATEWAY_ENTITIES, GATEWAY_SCHEMA } from '../app.module';
import { gatewayMigrations } from '../migrations';
import { provisionOrganisation } from '../accounts/provision';

/** usage: DATABASE_URL=… node dist/cli/provision.js "<organisation name>" <hr-email> <hr-password> */
async function main(): Promise<void> {
  const usage = 'usage: DATABASE_URL=… node dist/cli/provision.js "<organisation name>" <hr-email> <hr-password>';
  const [name, hrEmail, hrPassword] = process.argv.slice(2);
  let url: string;
  try {
    url = loadConfig(commandConfig).DATABASE_URL;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`provision: ${error.message}\n${usage}`);
    process.exit(2);
  }
  if (!name || !hrEmail || !hrPassword) {
    console.error(usage);
    process.exit(2);
  }
  await prepareServiceDatabase(url, GATEWAY_SCHEMA, gatewayMigrations);
  const dataSource = await new DataSource(
    serviceDataSourceOptions({ url, schema: GATEWAY_SCHEMA, entities: GATEWAY_ENTITIES, migrations: gatewayMigrations }),
  ).initialize();
  try {
    const { organisationId } = await provisionOrganisation(dataSource, { name, hrEmail, hrPassword });
    console.log(`organisation ${organisationId} created; HR signs in as ${hrEmail}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(`provision: ${(error as Error).message}`);
  process.exit(1);
});
