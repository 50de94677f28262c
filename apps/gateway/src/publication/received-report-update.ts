import { ReceivedText, receivedAs, reportUpdatedV1, ReportUpdatedV1, reportUpdatedV2, ReportUpdatedV2 } from '@leaderscope/events';
import { heatmapCells } from '../reports/heatmap-cells';
import { HeatmapCellRow } from '../reports/subject-report.entity';

/**
 * A report.updated as the gateway holds it from the moment it is validated: its report as the text
 * it is stored as, with the heatmap's cells and the overall fit stored beside it. The parsed report
 * (a few thousand objects) is dropped at once; held until its batch's statement, it outlived the
 * young generation and was copied by every collection on the way (docs/benchmarks.md, "Nineteenth
 * round").
 */
export interface ReceivedReportUpdate extends Omit<ReportUpdatedV1, 'report'> {
  /**
   * The report's JSON: the UTF-8 bytes it arrived in, or (without them) the validated report
   * serialised. Stored as it came: packed (v2) or not (v1); every reader unpacks it (`unpackReport`).
   */
  reportText: string | Buffer;
  cells: HeatmapCellRow[];
  overallFit: number | null;
}

/**
 * The report's text is the bytes it arrived in where the transport gives them (the report contract
 * is strict, without defaults or transforms, so that text is exactly the report validated; stored
 * from the bytes, it is neither serialised again nor held on the JavaScript heap), else the
 * validated report serialised again (docs/benchmarks.md, "Twentieth round").
 */
export function receivedReportUpdate(update: ReportUpdatedV1 | ReportUpdatedV2, text?: ReceivedText): ReceivedReportUpdate {
  const { report, ...rest } = update;
  return {
    ...rest,
    reportText: text?.payloadMember('report') ?? JSON.stringify(report),
    cells: heatmapCells(report),
    overallFit: report.overall?.fit ?? null,
  };
}

/**
 * report.updated's contracts as the gateway subscribes to them, v2 (what the scoring service sends)
 * and v1 (what may still wait in a topic, a log or an outbox): each validated as its contract says
 * (compiled once, at start-up: several times faster on a ~44 kB report), then turned into its
 * received form as soon as it is validated, with the text it arrived in. The heatmap's cells and the
 * overall fit come from the report's dimension scores and overall figures, the same in both versions.
 */
export const reportUpdatedAsReceived = () => [
  receivedAs(reportUpdatedV2, receivedReportUpdate),
  receivedAs(reportUpdatedV1, receivedReportUpdate),
];
