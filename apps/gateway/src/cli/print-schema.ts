import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewaySchemaSdl } from '../schema';

/** Writes apps/gateway/schema.graphql, which the dashboard's typed operations are generated from. */
void gatewaySchemaSdl().then((sdl) => {
  const file = join(__dirname, '..', '..', 'schema.graphql');
  writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
});
