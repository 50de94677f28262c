import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { chunks } from '../common/ids';
import { NominationEntity } from './nomination.entity';

/** Who rates whom: proposed, nominated and approved raters per subject. */
@Injectable()
export class NominationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get nominations() {
    return this.dataSource.getRepository(NominationEntity);
  }

  of(cycleId: string, subjectId?: string | null): Promise<NominationEntity[]> {
    return this.nominations.findBy(subjectId ? { cycleId, subjectId } : { cycleId });
  }

  /** The cycle's approved nominations (plain rows: a launch reads 150,000 of them at 10,000 subjects). */
  approved(cycleId: string, manager?: EntityManager): Promise<NominationEntity[]> {
    return (manager ?? this.dataSource.manager).query(
      `SELECT id, cycle_id AS "cycleId", subject_id AS "subjectId", rater_id AS "raterId", rater_group AS "raterGroup", source, status
       FROM "gateway"."nomination" WHERE cycle_id = $1 AND status = 'approved'`,
      [cycleId],
    );
  }

  find(cycleId: string, subjectId: string, raterId: string): Promise<NominationEntity | null> {
    return this.nominations.findOneBy({ cycleId, subjectId, raterId });
  }

  /** Adds proposals; a rater already nominated for the subject keeps their nomination as it is. */
  /** Inside the caller's transaction: all the proposals, or none. */
  async addProposals(manager: EntityManager, rows: NominationEntity[]): Promise<void> {
    // 10,000 rows per statement, as arrays (7 parameters, whatever the number of rows).
    for (const slice of chunks(rows, 10000))
      await manager.query(
        `INSERT INTO "gateway"."nomination" (id, cycle_id, subject_id, rater_id, rater_group, source, status)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[])
         ON CONFLICT DO NOTHING`,
        [
          slice.map((r) => r.id),
          slice.map((r) => r.cycleId),
          slice.map((r) => r.subjectId),
          slice.map((r) => r.raterId),
          slice.map((r) => r.raterGroup),
          slice.map((r) => r.source),
          slice.map((r) => r.status),
        ],
      );
  }

  /** Inside the caller's transaction: a subject's nomination of one rater, row-locked until it ends. */
  findForUpdate(manager: EntityManager, cycleId: string, subjectId: string, raterId: string): Promise<NominationEntity | null> {
    return manager.getRepository(NominationEntity).findOne({ where: { cycleId, subjectId, raterId }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, row: NominationEntity): Promise<void> {
    await manager.getRepository(NominationEntity).upsert(row, ['cycleId', 'subjectId', 'raterId']);
  }

  async remove(manager: EntityManager, id: string, source: NominationEntity['source']): Promise<void> {
    await manager.getRepository(NominationEntity).update({ id }, { status: 'removed', source });
  }

  /**
   * Approves every proposal of a subject (or, with `subjectId` null, of every subject of the
   * cycle), with one `nomination.approved` audit record per
   * nomination approved, in one statement (so one transaction, and one round trip while the locks
   * are held): it share-locks the cycle's row and changes nothing unless the cycle is a draft, then
   * row-locks the proposals in id order (two approvals of the same subject at once queue on the
   * same first row, and the second finds none left proposed), approves them and writes their
   * records in that order. Answers the cycle's status and the nominations approved.
   */
  async approveProposed(
    cycleId: string,
    subjectId: string | null,
    by: { organisationId: string; accountId: string | null },
  ): Promise<{ cycleStatus: string | null; approved: NominationEntity[] }> {
    const rows: {
      cycleStatus: string | null;
      id: string | null;
      subjectId: string;
      raterId: string;
      raterGroup: NominationEntity['raterGroup'];
      source: NominationEntity['source'];
    }[] = await this.dataSource.query(
      `WITH c AS (SELECT status FROM "gateway"."cycle" WHERE id = $1 FOR SHARE),
         p AS (
           SELECT id FROM "gateway"."nomination"
           WHERE cycle_id = $1 AND ($2::uuid IS NULL OR subject_id = $2::uuid) AND status = 'proposed' AND (SELECT status FROM c) = 'draft'
           ORDER BY id FOR UPDATE
         ),
         u AS (
           UPDATE "gateway"."nomination" n SET status = 'approved' FROM p WHERE n.id = p.id
           RETURNING n.id, n.subject_id, n.rater_id, n.rater_group, n.source
         ),
         a AS (
           INSERT INTO "gateway"."audit_event" (organisation_id, account_id, action, target, detail)
           SELECT $3::uuid, $4::uuid, 'nomination.approved', 'nomination:' || u.id,
                  jsonb_build_object('cycleId', $1::text, 'subjectId', u.subject_id, 'raterId', u.rater_id, 'toGroup', u.rater_group,
                                     'fromStatus', 'proposed', 'toStatus', 'approved')
           FROM u ORDER BY u.id
           RETURNING 1
         )
         SELECT (SELECT status FROM c) AS "cycleStatus", (SELECT count(*) FROM a) AS audited,
                u.id, u.subject_id AS "subjectId", u.rater_id AS "raterId", u.rater_group AS "raterGroup", u.source
         FROM (SELECT 1) one LEFT JOIN u ON true ORDER BY u.id`,
      [cycleId, subjectId, by.organisationId, by.accountId],
    );
    return {
      cycleStatus: rows[0]?.cycleStatus ?? null,
      approved: rows
        .filter((r) => r.id !== null)
        .map((r) => ({
          id: r.id!,
          subjectId: r.subjectId,
          raterId: r.raterId,
          raterGroup: r.raterGroup,
          source: r.source,
          cycleId,
          status: 'approved' as const,
        })),
    };
  }
}
