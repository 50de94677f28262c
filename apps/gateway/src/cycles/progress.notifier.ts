import { Injectable } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';

export const PROGRESS_CHANGED = 'cycleProgressChanged';
export const REPORT_CHANGED = 'subjectReportChanged';

/**
 * Live updates for GraphQL subscriptions, within this gateway process. Report changes reach every
 * gateway process through its own consumer group on `report.updated`; progress changes are
 * announced by the process that made them.
 */
@Injectable()
export class ProgressNotifier {
  readonly pubsub = new PubSub();

  changed(cycleId: string): void {
    void this.pubsub.publish(PROGRESS_CHANGED, { cycleId });
  }

  reportChanged(cycleId: string, subjectId: string): void {
    void this.pubsub.publish(REPORT_CHANGED, { cycleId, subjectId });
  }
}
