import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CycleEntity } from '../cycles/cycle.entity';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { OrganisationEntity } from '../people/organisation.entity';
import { SubmissionEntity } from '../surveys/submission.entity';

/** A closed cycle and when its raw answers are (or were) deleted. */
export interface CycleRetention {
  cycleId: string;
  organisationId: string;
  name: string;
  closedAt: Date;
  /** closedAt + the organisation's months; null when the organisation keeps answers. */
  deleteOn: Date | null;
  retentionMonths: number | null;
  purgedAt: Date | null;
}

interface RetentionRow {
  cycleId: string;
  organisationId: string;
  name: string;
  closedAt: Date;
  deleteOn: Date | null;
  retentionMonths: number | null;
  purgedAt: Date | null;
}

/** The retention setting and the closed cycles it applies to. */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async months(organisationId: string): Promise<number | null> {
    const organisation = await this.dataSource.getRepository(OrganisationEntity).findOneByOrFail({ id: organisationId });
    return organisation.responseRetentionMonths;
  }

  async setMonths(manager: EntityManager, organisationId: string, months: number | null): Promise<void> {
    await manager.getRepository(OrganisationEntity).update({ id: organisationId }, { responseRetentionMonths: months });
  }

  private closedCycles() {
    return this.dataSource
      .getRepository(CycleEntity)
      .createQueryBuilder('c')
      .innerJoin(OrganisationEntity, 'o', 'o.id = c.organisationId')
      .select('c.id', 'cycleId')
      .addSelect('c.organisationId', 'organisationId')
      .addSelect('c.name', 'name')
      .addSelect('c.closedAt', 'closedAt')
      .addSelect('o.responseRetentionMonths', 'retentionMonths')
      .addSelect('c.closedAt + make_interval(months => o.responseRetentionMonths)', 'deleteOn')
      .addSelect('c.responsesPurgedAt', 'purgedAt')
      .where(`c.status IN ('closed', 'released')`)
      .andWhere('c.closedAt IS NOT NULL');
  }

  /** An organisation's closed cycles, newest close first, with their deletion dates. */
  async ofOrganisation(organisationId: string): Promise<CycleRetention[]> {
    const rows = await this.closedCycles()
      .andWhere('c.organisationId = :organisationId', { organisationId })
      .orderBy('c.closedAt', 'DESC')
      .getRawMany<RetentionRow>();
    return rows.map(toRetention);
  }

  /** Closed cycles of every organisation whose deletion is due at `now` and not done. */
  async due(now: Date): Promise<CycleRetention[]> {
    const rows = await this.closedCycles()
      .andWhere('c.responsesPurgedAt IS NULL')
      .andWhere('o.responseRetentionMonths IS NOT NULL')
      .andWhere('c.closedAt + make_interval(months => o.responseRetentionMonths) <= :now', { now })
      .orderBy('c.closedAt', 'ASC')
      .getRawMany<RetentionRow>();
    return rows.map(toRetention);
  }

  /**
   * The gateway's own raw material of the cycle: drafts (answers typed but never submitted) and
   * the receipts' request hashes (a hash of the submitted answers). Receipts themselves stay: they
   * say who took part and when, never what they answered.
   */
  async purgeGatewayCopies(manager: EntityManager, cycleId: string, at: Date): Promise<void> {
    await manager.getRepository(AssignmentEntity).update({ cycleId }, { draftAnswers: {}, draftComments: {} });
    await manager
      .getRepository(SubmissionEntity)
      .createQueryBuilder()
      .update()
      .set({ requestHash: 'deleted' })
      .where(
        `assignment_id IN (SELECT a.id FROM ${manager.getRepository(AssignmentEntity).metadata.tablePath} a WHERE a.cycle_id = :cycleId)`,
        {
          cycleId,
        },
      )
      .execute();
    await manager.getRepository(CycleEntity).update({ id: cycleId }, { responsesPurgedAt: at });
  }
}

function toRetention(r: RetentionRow): CycleRetention {
  return {
    ...r,
    closedAt: new Date(r.closedAt),
    deleteOn: r.deleteOn ? new Date(r.deleteOn) : null,
    purgedAt: r.purgedAt ? new Date(r.purgedAt) : null,
    retentionMonths: r.retentionMonths === null ? null : Number(r.retentionMonths),
  };
}
