import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { MailDeliveryState, RaterMailDelivery } from './dto/notifications.model';
import { hrCycle } from './hr-cycle';
import { NotificationsRepository } from './notifications.repository';

type StoredState = (Omit<MailDeliveryState, 'updatedAt'> & { updatedAt: string }) | null;

/** HR: per rater, the invitation's and the latest reminder's delivery, for the progress board. Never a link. */
@Injectable()
export class ListMailDeliveriesUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repository: NotificationsRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<RaterMailDelivery[]> {
    const cycle = await hrCycle(this.access, viewer, cycleId);
    const state = (s: StoredState) => (s ? { ...s, updatedAt: new Date(s.updatedAt) } : null);
    const rows = (await this.repository.deliveriesOfCycle(cycle.id)) as unknown as (Omit<RaterMailDelivery, 'invitation' | 'reminder'> & {
      invitation: StoredState;
      reminder: StoredState;
    })[];
    return rows.map((r) => ({ ...r, invitation: state(r.invitation), reminder: state(r.reminder) }));
  }
}
