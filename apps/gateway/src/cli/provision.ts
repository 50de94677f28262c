import { prepareServiceDatabase, serviceDataSourceOptions } from '@leaderscope/service-kit';
import { DataSource } from 'typeorm';
import { GATEWAY_ENTITIES, GATEWAY_SCHEMA } from '../app.module';
import { gatewayMigrations } from '../migrations';
import { provisionOrganisation } from '../accounts/provision';

/** usage: DATABASE_URL=… node dist/cli/provision.js "<organisation name>" <hr-email> <hr-password> */
async function main(): Promise<void> {
  const [name, hrEmail, hrPassword] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!url || !name || !hrEmail || !hrPassword) {
    console.error('usage: DATABASE_URL=… node dist/cli/provision.js "<organisation name>" <hr-email> <hr-password>');
    process.exit(2);
  }
  await prepareServiceDatabase(url, GATEWAY_SCHEMA);
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
