import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditDetail, AuditEventEntity } from './audit-event.entity';

export interface AuditEntry {
  organisationId: string;
  accountId: string | null;
  action: string;
  target: string;
  detail?: AuditDetail;
}

/** Writes who did what to whom, inside the caller's transaction. */
@Injectable()
export class AuditRepository {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.getRepository(AuditEventEntity).insert({ ...entry, detail: entry.detail ?? {} });
  }
}
