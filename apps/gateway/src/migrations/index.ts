import { CreateGatewaySchema1763800000002 } from './1763800000002-CreateGatewaySchema';
import { AddHeatmapCells1763800000003 } from './1763800000003-AddHeatmapCells';
import { AddPagingIndexes1764600000000 } from './1764600000000-AddPagingIndexes';

/** In order. A schema change is a new migration appended here, never an edit of an old one. */
export const gatewayMigrations = [CreateGatewaySchema1763800000002, AddHeatmapCells1763800000003, AddPagingIndexes1764600000000];
