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

  /** Several records in one statement (in their order), inside the caller's transaction. */
  async recordMany(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO "gateway"."audit_event" (organisation_id, account_id, action, target, detail)
       SELECT o, a, act, t, d FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS e(o, a, act, t, d, n)
       ORDER BY n`,
      [
        entries.map((e) => e.organisationId),
        entries.map((e) => e.accountId),
        entries.map((e) => e.action),
        entries.map((e) => e.target),
        entries.map((e) => JSON.stringify(e.detail ?? {})),
      ],
    );
  }
}
