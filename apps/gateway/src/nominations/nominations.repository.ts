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

  /** Inside the caller's transaction: approves every proposal of a subject and returns those it approved (in id order). */
  async approveProposed(manager: EntityManager, cycleId: string, subjectId: string): Promise<NominationEntity[]> {
    const rows: { id: string; raterId: string; raterGroup: NominationEntity['raterGroup']; source: NominationEntity['source'] }[] =
      await manager.query(
        // The proposals are row-locked in id order first: two approvals of the same subject at once
        // queue on the same first row (never a deadlock), and the second then finds none proposed.
        `WITH p AS (
           SELECT "id" FROM "gateway"."nomination" WHERE "cycle_id" = $1 AND "subject_id" = $2 AND "status" = 'proposed' ORDER BY "id" FOR UPDATE
         )
         UPDATE "gateway"."nomination" n SET "status" = 'approved' FROM p WHERE n."id" = p."id"
         RETURNING n."id", n."rater_id" AS "raterId", n."rater_group" AS "raterGroup", n."source"`,
        [cycleId, subjectId],
      );
    // (a PostgreSQL UPDATE … RETURNING answers [rows, count] through TypeORM's query)
    const list = Array.isArray(rows[0]) ? (rows[0] as unknown as typeof rows) : rows;
    return list.map((r) => ({ ...r, cycleId, subjectId, status: 'approved' as const }));
  }
}
