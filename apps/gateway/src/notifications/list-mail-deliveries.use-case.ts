import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { pageRequest, PageRequest, SortDirection, toPage } from '../common/paging';
import {
  DELIVERY_STATUS_ORDER,
  MailDeliveryFilter,
  MailDeliverySort,
  MailDeliverySortKey,
  MailDeliveryTotal,
  MailDeliveryStatusValue,
  RaterMailDeliveryPage,
  RaterMailValue,
} from './dto/mail-delivery-page.model';
import { RaterMailDelivery } from './dto/notifications.model';
import { hrCycle } from './hr-cycle';
import { AssignmentMailsRow, MailDeliveriesRepository } from './mail-deliveries.repository';

const delivery = ({ sortKey: _, ...row }: AssignmentMailsRow): RaterMailDelivery => row;

/** HR: per rater, the invitation's and the latest reminder's delivery, for the progress board. Never a link. */
@Injectable()
export class ListMailDeliveriesUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly deliveries: MailDeliveriesRepository,
  ) {}

  /** Every rater of the cycle at once (deprecated: `page`), by subject, group and rater. */
  async execute(viewer: Viewer, cycleId: string): Promise<RaterMailDelivery[]> {
    const cycle = await hrCycle(this.access, viewer, cycleId);
    const every: PageRequest<MailDeliverySortKey> = {
      first: null,
      after: null,
      sort: MailDeliverySortKey.SUBJECT,
      direction: SortDirection.ASC,
    };
    return (await this.deliveries.page(viewer.organisationId, cycle.id, {}, every)).rows.map(delivery);
  }

  /** A page of them with cursors (keyset paging), filtered and sorted in PostgreSQL. */
  async page(
    viewer: Viewer,
    cycleId: string,
    options: { first?: number; after?: string; filter?: MailDeliveryFilter; sort?: MailDeliverySort },
  ): Promise<RaterMailDeliveryPage> {
    const request = pageRequest(
      options.first ?? 100,
      options.after,
      options.sort?.by ?? MailDeliverySortKey.SUBJECT,
      options.sort?.direction ?? SortDirection.ASC,
    );
    const cycle = await hrCycle(this.access, viewer, cycleId);
    const { rows, total } = await this.deliveries.page(viewer.organisationId, cycle.id, options.filter ?? {}, request);
    const { nodes, pageInfo } = toPage(rows, request, (r) => ({ key: r.sortKey, id: r.assignmentId }));
    return { cycleId: cycle.id, nodes: nodes.map(delivery), totalCount: total, pageInfo };
  }

  /**
   * Per mail and status, how many of the cycle's raters. A read of every mail of the cycle (one
   * ordered index scan): asked for apart from the page, and less often than it.
   */
  async totals(viewer: Viewer, cycleId: string): Promise<MailDeliveryTotal[]> {
    const cycle = await hrCycle(this.access, viewer, cycleId);
    return (await this.deliveries.totals(cycle.id))
      .filter((t) => DELIVERY_STATUS_ORDER.includes(t.status))
      .map((t) => ({
        mail: t.kind === 'invitation' ? RaterMailValue.INVITATION : RaterMailValue.REMINDER,
        status: t.status as MailDeliveryStatusValue,
        count: t.count,
      }));
  }
}
