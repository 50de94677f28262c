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

  approved(cycleId: string): Promise<NominationEntity[]> {
    return this.nominations.findBy({ cycleId, status: 'approved' });
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

  async save(row: NominationEntity): Promise<void> {
    await this.nominations.upsert(row, ['cycleId', 'subjectId', 'raterId']);
  }

  async remove(id: string, source: NominationEntity['source']): Promise<void> {
    await this.nominations.update({ id }, { status: 'removed', source });
  }

  async approveProposed(cycleId: string, subjectId: string): Promise<void> {
    await this.nominations.update({ cycleId, subjectId, status: 'proposed' }, { status: 'approved' });
  }
}
