import { LIVE_RESULT_SET, type RaterGroup, SUBJECT_NOMINATED_GROUPS } from '@leaderscope/vocabulary';
import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError } from '../common/errors';
import { isUuid } from '../common/ids';
import { CycleEntity } from '../cycles/cycle.entity';
import { AccessRepository } from './access.repository';
import { Viewer } from './viewer';

const NO_CYCLE = 'This cycle does not exist or you do not have access to it';
const NO_REPORT = 'This report does not exist or you do not have access to it';
const NO_PLAN = 'This development plan does not exist or you do not have access to it';

/**
 * Who may do what, in one place. Roles are checked before anything about the data is looked at
 * (the HR-only operations by `HrOnlyGuard`, before the resolver runs); every lookup is scoped to
 * the viewer's organisation, and another organisation's id is answered exactly like a missing one
 * (FORBIDDEN), so ids reveal nothing.
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly facts: AccessRepository) {}

  requireHr(viewer: Viewer): void {
    if (!viewer.isHrAdmin) throw new ForbiddenError('Only HR administrators can do this');
  }

  /** The cycle, if it belongs to the viewer's organisation. */
  async cycle(viewer: Viewer, cycleId: string): Promise<CycleEntity> {
    const cycle = isUuid(cycleId) ? await this.facts.cycleOf(viewer.organisationId, cycleId) : null;
    if (!cycle) throw new ForbiddenError(NO_CYCLE);
    return cycle;
  }

  /** HR: any cycle of the organisation; leaders and managers: the cycles they take part in. */
  async visibleCycle(viewer: Viewer, cycleId: string): Promise<CycleEntity> {
    const cycle = await this.cycle(viewer, cycleId);
    if (viewer.isHrAdmin) return cycle;
    if (viewer.personId && (await this.facts.takesPart(cycle.id, viewer.personId))) return cycle;
    throw new ForbiddenError(NO_CYCLE);
  }

  isManagerOf(viewer: Viewer, subjectId: string): Promise<boolean> {
    return viewer.personId ? this.facts.isManagerOf(viewer.personId, subjectId) : Promise.resolve(false);
  }

  isSubject(cycleId: string, personId: string): Promise<boolean> {
    return this.facts.isSubject(cycleId, personId);
  }

  /** Nominations: HR all of them; the subject and their manager one subject's. */
  async readNominations(viewer: Viewer, subjectId: string | null): Promise<void> {
    if (viewer.isHrAdmin) return;
    if (subjectId && (viewer.personId === subjectId || (await this.isManagerOf(viewer, subjectId)))) return;
    throw new ForbiddenError('Only HR, the subject and their manager can see nominations');
  }

  /** HR nominates anyone; the subject their own raters (which groups is a nomination rule). */
  nominate(viewer: Viewer, subjectId: string): void {
    if (!viewer.isHrAdmin && viewer.personId !== subjectId) throw new ForbiddenError('Only HR or the subject can nominate raters');
  }

  /** A nomination HR made or proposed outside peers and partners is HR's to change. */
  changeNomination(viewer: Viewer, existingGroup: RaterGroup | null): void {
    if (existingGroup && !viewer.isHrAdmin && !SUBJECT_NOMINATED_GROUPS.includes(existingGroup))
      throw new ForbiddenError('Only HR can change this nomination');
  }

  async approveNominations(viewer: Viewer, subjectId: string): Promise<void> {
    if (viewer.isHrAdmin || (await this.isManagerOf(viewer, subjectId))) return;
    throw new ForbiddenError("Only the subject's manager or HR can approve nominations");
  }

  /**
   * A subject's report: HR of the organisation always (live figures, any result set); the subject
   * and the subject's manager only after release (published figures, live result set). Nobody else.
   */
  async report(viewer: Viewer, cycle: CycleEntity, subjectId: string, resultSet?: string | null): Promise<'live' | 'published'> {
    this.refusePulse(cycle);
    if (!isUuid(subjectId) || !(await this.isSubject(cycle.id, subjectId))) throw new ForbiddenError(NO_REPORT);
    if (viewer.isHrAdmin) return 'live';
    const entitled = viewer.personId === subjectId || (await this.isManagerOf(viewer, subjectId));
    if (!entitled || !cycle.releasedAt) throw new ForbiddenError(NO_REPORT);
    if (resultSet && resultSet !== LIVE_RESULT_SET) throw new ForbiddenError('Only HR can read rescored result sets');
    return 'published';
  }

  /**
   * A follow-up pulse's figures belong to the leader: they are read only through `pulses` (the leader
   * and their manager), never as a report, heatmap or export, not even by HR, who sees its counts.
   */
  refusePulse(cycle: CycleEntity): void {
    if (cycle.kind === 'pulse')
      throw new ForbiddenError("A follow-up pulse's result is shown to the leader and their manager only, on the report it follows up");
  }

  /** A manager's team view needs a person behind the account. */
  teamManager(viewer: Viewer): string {
    if (!viewer.personId) throw new ForbiddenError('Only managers have a team report');
    return viewer.personId;
  }

  /**
   * A development plan's content: the leader and their manager, once the report is released. HR
   * sees only whether plans exist (`developmentPlanCoverage`), never their content, unless the HR
   * person is the leader or their manager. Returns what the viewer may do with it.
   */
  async readPlan(viewer: Viewer, cycle: CycleEntity, subjectId: string): Promise<{ isLeader: boolean; isManager: boolean }> {
    if (!isUuid(subjectId) || !(await this.isSubject(cycle.id, subjectId))) throw new ForbiddenError(NO_PLAN);
    const isLeader = viewer.personId === subjectId;
    const isManager = !isLeader && (await this.isManagerOf(viewer, subjectId));
    if (!isLeader && !isManager)
      throw new ForbiddenError(viewer.isHrAdmin ? 'HR sees whether leaders have a development plan, never its content' : NO_PLAN);
    this.requireReleased(cycle);
    return { isLeader, isManager };
  }

  /** Only the leader writes their plan, from their released report. */
  async editPlan(viewer: Viewer, cycle: CycleEntity): Promise<string> {
    if (!viewer.personId || !(await this.isSubject(cycle.id, viewer.personId)))
      throw new ForbiddenError('Only the leader whose report it is can write their development plan');
    this.requireReleased(cycle);
    return viewer.personId;
  }

  /** Only the leader's manager comments on the plan. */
  async commentOnPlan(viewer: Viewer, cycle: CycleEntity, subjectId: string): Promise<void> {
    if (!isUuid(subjectId) || !(await this.isSubject(cycle.id, subjectId)) || !(await this.isManagerOf(viewer, subjectId)))
      throw new ForbiddenError("Only the leader's manager can comment on their development plan");
    this.requireReleased(cycle);
  }

  private requireReleased(cycle: CycleEntity): void {
    if (!cycle.releasedAt)
      throw new ConflictError('A development plan starts from the released report: HR has not released this cycle yet');
  }
}
