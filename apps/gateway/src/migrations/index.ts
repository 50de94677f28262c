import { CreateGatewaySchema1763800000002 } from './1763800000002-CreateGatewaySchema';

/** In order. A schema change is a new migration appended here, never an edit of an old one. */
export const gatewayMigrations = [CreateGatewaySchema1763800000002];
