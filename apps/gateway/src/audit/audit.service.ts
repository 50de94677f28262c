import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Writes who did what to whom, inside the caller's transaction. */
@Injectable()
export class AuditService {
  async record(
    manager: EntityManager,
    entry: { organisationId: string; accountId: string | null; action: string; target: string; detail?: Record<string, unknown> },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "gateway"."audit_event" ("organisation_id", "account_id", "action", "target", "detail") VALUES ($1, $2, $3, $4, $5)`,
      [entry.organisationId, entry.accountId, entry.action, entry.target, JSON.stringify(entry.detail ?? {})],
    );
  }
}
