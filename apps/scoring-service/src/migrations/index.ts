import { CreateScoringSchema1763800000001 } from './1763800000001-CreateScoringSchema';
import { AddDisclosureLedger1764300000000 } from './1764300000000-AddDisclosureLedger';
import { AddCycleResults1764500000000 } from './1764500000000-AddCycleResults';
import { AddCommentThreshold1765100000000 } from './1765100000000-AddCommentThreshold';
import { AddRaterPseudonyms1765400000001 } from './1765400000001-AddRaterPseudonyms';
import { ReportsWithoutPglz1765900000000 } from './1765900000000-ReportsWithoutPglz';
import { ReportsAsJson1768000000000 } from './1768000000000-ReportsAsJson';
import { RescoreLedgerReportByReference1768000000001 } from './1768000000001-RescoreLedgerReportByReference';
import { OutboxHeaderColumns1768200000002 } from './1768200000002-OutboxHeaderColumns';
import { LiveReportInLedgerOnly1768400000000 } from './1768400000000-LiveReportInLedgerOnly';
import { WholeJsonAsText1768600000000 } from './1768600000000-WholeJsonAsText';
import { RescoreEventsReferToReports1768600000004 } from './1768600000004-RescoreEventsReferToReports';
import { LiveEventsReferToLedger1768800000000 } from './1768800000000-LiveEventsReferToLedger';
import { ReportsCompressed1768900000001 } from './1768900000001-ReportsCompressed';

/** In order. A schema change is a new migration appended here, never an edit of an old one. */
export const scoringMigrations = [
  CreateScoringSchema1763800000001,
  AddDisclosureLedger1764300000000,
  AddCycleResults1764500000000,
  AddCommentThreshold1765100000000,
  AddRaterPseudonyms1765400000001,
  ReportsWithoutPglz1765900000000,
  ReportsAsJson1768000000000,
  RescoreLedgerReportByReference1768000000001,
  OutboxHeaderColumns1768200000002,
  LiveReportInLedgerOnly1768400000000,
  WholeJsonAsText1768600000000,
  RescoreEventsReferToReports1768600000004,
  LiveEventsReferToLedger1768800000000,
  ReportsCompressed1768900000001,
];
