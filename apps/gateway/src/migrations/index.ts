import { CreateGatewaySchema1763800000002 } from './1763800000002-CreateGatewaySchema';
import { AddHeatmapCells1763800000003 } from './1763800000003-AddHeatmapCells';
import { AddCycleResults1764500000001 } from './1764500000001-AddCycleResults';

/** In order. A schema change is a new migration appended here, never an edit of an old one. */
export const gatewayMigrations = [CreateGatewaySchema1763800000002, AddHeatmapCells1763800000003, AddCycleResults1764500000001];
