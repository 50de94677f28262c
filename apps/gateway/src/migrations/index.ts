import { CreateGatewaySchema1763800000002 } from './1763800000002-CreateGatewaySchema';
import { AddHeatmapCells1763800000003 } from './1763800000003-AddHeatmapCells';
import { ScopeIdempotencyKeyToAssignment1764100000000 } from './1764100000000-ScopeIdempotencyKeyToAssignment';
import { CreateRateLimitTable1764100000001 } from './1764100000001-CreateRateLimitTable';
import { CreateMailDelivery1764200000001 } from './1764200000001-CreateMailDelivery';
import { AddReminderSchedule1764200000002 } from './1764200000002-AddReminderSchedule';
import { AddCycleResults1764500000001 } from './1764500000001-AddCycleResults';
import { AddPagingIndexes1764600000000 } from './1764600000000-AddPagingIndexes';
import { AddCommentThreshold1765100000001 } from './1765100000001-AddCommentThreshold';
import { AddSubmissionCountedAt1765200000000 } from './1765200000000-AddSubmissionCountedAt';
import { AddResponseRetention1765200000002 } from './1765200000002-AddResponseRetention';
import { AddPersonErasedAt1765200000003 } from './1765200000003-AddPersonErasedAt';
import { AddDevelopmentPlans1765400000000 } from './1765400000000-AddDevelopmentPlans';
import { AddPulses1765600000000 } from './1765600000000-AddPulses';
import { AddCoaching1765700000000 } from './1765700000000-AddCoaching';
import { AddListPagingIndexes1766000000000 } from './1766000000000-AddListPagingIndexes';
import { LaunchInSlices1767300000000 } from './1767300000000-LaunchInSlices';
import { AddMailDeliveryPagingIndex1767600000000 } from './1767600000000-AddMailDeliveryPagingIndex';
import { AddHeatmapPageIndexes1767700000000 } from './1767700000000-AddHeatmapPageIndexes';
import { ReportReadModelAsJson1768100000000 } from './1768100000000-ReportReadModelAsJson';
import { OutboxHeaderColumns1768200000000 } from './1768200000000-OutboxHeaderColumns';
import { OutboxEnvelopeAsJson1768200000010 } from './1768200000010-OutboxEnvelopeAsJson';
import { WholeJsonAsText1768600000001 } from './1768600000001-WholeJsonAsText';
import { AddMailOutboxPagingIndexes1768700000000 } from './1768700000000-AddMailOutboxPagingIndexes';
import { AddDownloadTickets1768800000000 } from './1768800000000-AddDownloadTickets';
import { ReportsCompressed1768900000000 } from './1768900000000-ReportsCompressed';

/** In order. A schema change is a new migration appended here, never an edit of an old one. */
export const gatewayMigrations = [
  CreateGatewaySchema1763800000002,
  AddHeatmapCells1763800000003,
  ScopeIdempotencyKeyToAssignment1764100000000,
  CreateRateLimitTable1764100000001,
  CreateMailDelivery1764200000001,
  AddReminderSchedule1764200000002,
  AddCycleResults1764500000001,
  AddPagingIndexes1764600000000,
  AddCommentThreshold1765100000001,
  AddSubmissionCountedAt1765200000000,
  AddResponseRetention1765200000002,
  AddPersonErasedAt1765200000003,
  AddDevelopmentPlans1765400000000,
  AddPulses1765600000000,
  AddCoaching1765700000000,
  AddListPagingIndexes1766000000000,
  LaunchInSlices1767300000000,
  AddMailDeliveryPagingIndex1767600000000,
  AddHeatmapPageIndexes1767700000000,
  ReportReadModelAsJson1768100000000,
  OutboxHeaderColumns1768200000000,
  OutboxEnvelopeAsJson1768200000010,
  WholeJsonAsText1768600000001,
  AddMailOutboxPagingIndexes1768700000000,
  AddDownloadTickets1768800000000,
  ReportsCompressed1768900000000,
];
