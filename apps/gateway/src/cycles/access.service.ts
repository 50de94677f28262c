import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { ForbiddenError } from '../common/errors';
import { CycleEntity } from './cycle.entity';

/**
 * Who may do what. Every lookup is scoped to the viewer's organisation; another organisation's
 * cycle is answered exactly like a missing one, so ids reveal nothing.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  requireHr(viewer: Viewer): void {
    if (!viewer.isHrAdmin) throw new ForbiddenError('Only HR administrators can do this');
  }

  /** The cycle, if it belongs to the viewer's organisation. */
  async cycle(viewer: Viewer, cycleId: string): Promise<CycleEntity> {
    const cycle = /^[0-9a-f-]{36}$/i.test(cycleId)
      ? await this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId, organisationId: viewer.organisationId })
      : null;
    if (!cycle) throw new ForbiddenError('This cycle does not exist or you do not have access to it');
    return cycle;
  }

  async hrCycle(viewer: Viewer, cycleId: string): Promise<CycleEntity> {
    this.requireHr(viewer);
    return this.cycle(viewer, cycleId);
  }

  /** Is `personId` the manager of `subjectId`? */
  async isManagerOf(personId: string | null, subjectId: string): Promise<boolean> {
    if (!personId) return false;
    const rows = await this.dataSource.query(`SELECT 1 FROM "gateway"."person" WHERE "id" = $1 AND "manager_id" = $2`, [subjectId, personId]);
    return rows.length > 0;
  }

  async isSubject(cycleId: string, personId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM "gateway"."cycle_subject" WHERE "cycle_id" = $1 AND "person_id" = $2`, [cycleId, personId]);
    return rows.length > 0;
  }

  /**
   * A subject's report: HR of the organisation always (live figures); the subject and the
   * subject's manager only after release (published figures). Nobody else.
   */
  async reportAccess(viewer: Viewer, cycle: CycleEntity, subjectId: string): Promise<'live' | 'published'> {
    if (!(await this.isSubject(cycle.id, subjectId))) throw new ForbiddenError('This report does not exist or you do not have access to it');
    if (viewer.isHrAdmin) return 'live';
    const entitled = viewer.personId === subjectId || (await this.isManagerOf(viewer.personId, subjectId));
    if (entitled && cycle.releasedAt) return 'published';
    throw new ForbiddenError('This report does not exist or you do not have access to it');
  }
}
