import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { MailDeliveryState, RaterMailDelivery } from './dto/notifications.model';
import { hrCycle } from './hr-cycle';
import { MailDeliveriesRepository } from './mail-deliveries.repository';
import { MailDeliveryEntity } from './mail-delivery.entity';

/** HR: per rater, the invitation's and the latest reminder's delivery, for the progress board. Never a link. */
@Injectable()
export class ListMailDeliveriesUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly deliveries: MailDeliveriesRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<RaterMailDelivery[]> {
    const cycle = await hrCycle(this.access, viewer, cycleId);
    const state = (m: MailDeliveryEntity | null): MailDeliveryState | null =>
      m ? { mailId: m.mailId, status: m.status, reason: m.reason, attempts: m.attempts, updatedAt: m.updatedAt } : null;
    return (await this.deliveries.ofCycle(cycle.id)).map((r) => ({
      assignmentId: r.assignment.id,
      subjectId: r.subject.id,
      subjectName: r.subject.name,
      raterName: r.rater.name,
      raterEmail: r.rater.email,
      group: r.assignment.raterGroup,
      surveyStatus: r.assignment.status,
      invitation: state(r.invitation),
      reminder: state(r.reminder),
    }));
  }
}
