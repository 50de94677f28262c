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

  approved(cycleId: string, manager?: EntityManager): Promise<NominationEntity[]> {
    return (manager?.getRepository(NominationEntity) ?? this.nominations).findBy({ cycleId, status: 'approved' });
  }

  find(cycleId: string, subjectId: string, raterId: string): Promise<NominationEntity | null> {
    return this.nominations.findOneBy({ cycleId, subjectId, raterId });
  }

  /** Adds proposals; a rater already nominated for the subject keeps their nomination as it is. */
  /** Inside the caller's transaction: all the proposals, or none. */
  async addProposals(manager: EntityManager, rows: NominationEntity[]): Promise<void> {
    for (const slice of chunks(rows))
      await manager.getRepository(NominationEntity).createQueryBuilder().insert().values(slice).orIgnore().execute();
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

  /** Inside the caller's transaction: approves every proposal of a subject and returns those it approved. */
  async approveProposed(manager: EntityManager, cycleId: string, subjectId: string): Promise<NominationEntity[]> {
    const rows: { id: string; raterId: string; raterGroup: NominationEntity['raterGroup']; source: NominationEntity['source'] }[] =
      await manager.query(
        `UPDATE "gateway"."nomination" SET "status" = 'approved' WHERE "cycle_id" = $1 AND "subject_id" = $2 AND "status" = 'proposed'
         RETURNING "id", "rater_id" AS "raterId", "rater_group" AS "raterGroup", "source"`,
        [cycleId, subjectId],
      );
    // (a PostgreSQL UPDATE … RETURNING answers [rows, count] through TypeORM's query)
    const list = Array.isArray(rows[0]) ? (rows[0] as unknown as typeof rows) : rows;
    return list.map((r) => ({ ...r, cycleId, subjectId, status: 'approved' as const }));
  }
}
