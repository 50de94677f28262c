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
const AWAITING_DEBRIEF = 'This is a coached cycle: the report is shared after the debrief with the coach';

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
    if (viewer.personId && (await this.facts.coachesIn(cycle.id, viewer.personId))) return cycle;
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

  /**
   * Searching colleagues by name, to propose them as raters: the leader reviewed in the cycle (whoever
   * they are, HR included), while its nominations are open (a draft cycle). Answers the leader's person id.
   */
  async searchColleagues(viewer: Viewer, cycle: CycleEntity): Promise<string> {
    if (!viewer.personId || !(await this.isSubject(cycle.id, viewer.personId)))
      throw new ForbiddenError('Only a leader reviewed in this cycle can search colleagues to propose as raters');
    if (cycle.status !== 'draft')
      throw new ConflictError('The rater lists of this cycle are settled: colleagues are proposed while the cycle is being set up', {
        reason: 'nominationsSettled',
      });
    return viewer.personId;
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
   * and the subject's manager only after release (published figures, live result set); in a
   * coached cycle the leader's coach from release on, and the subject and their manager only once
   * the coach marked the debrief done. Nobody else.
   */
  async report(viewer: Viewer, cycle: CycleEntity, subjectId: string, resultSet?: string | null): Promise<'live' | 'published'> {
    this.refusePulse(cycle);
    if (!isUuid(subjectId) || !(await this.isSubject(cycle.id, subjectId))) throw new ForbiddenError(NO_REPORT);
    if (viewer.isHrAdmin) return 'live';
    const coach = await this.isCoachOf(viewer, cycle.id, subjectId);
    const entitled = coach || viewer.personId === subjectId || (await this.isManagerOf(viewer, subjectId));
    if (!entitled || !cycle.releasedAt) throw new ForbiddenError(NO_REPORT);
    if (!coach && (await this.awaitingDebrief(cycle, subjectId))) throw new ForbiddenError(AWAITING_DEBRIEF);
    if (resultSet && resultSet !== LIVE_RESULT_SET) throw new ForbiddenError('Only HR can read rescored result sets');
    return 'published';
  }

  /** Is the viewer the coach assigned to the subject in this cycle? */
  isCoachOf(viewer: Viewer, cycleId: string, subjectId: string): Promise<boolean> {
    return viewer.personId ? this.facts.isCoachOf(cycleId, viewer.personId, subjectId) : Promise.resolve(false);
  }

  /** Each coached leader's coach in the cycle (leader → coach): a coach never rates the leader they coach. */
  coachesOf(cycleId: string): Promise<Map<string, string>> {
    return this.facts.coachesOf(cycleId);
  }

  /** In a coached cycle: does the leader's report still wait for the debrief with their coach? */
  async awaitingDebrief(cycle: CycleEntity, subjectId: string): Promise<boolean> {
    return (await this.facts.awaitingDebrief(cycle.id, [subjectId])).has(subjectId);
  }

  /** Of these leaders, the ones whose report the leader and their manager do not see yet (coached cycle, debrief not done). */
  withheldUntilDebrief(cycle: CycleEntity, subjectIds: string[]): Promise<Set<string>> {
    return this.facts.awaitingDebrief(cycle.id, subjectIds);
  }

  /** Only the coach assigned to the leader marks their debrief done, once results are released. */
  async completeDebrief(viewer: Viewer, cycle: CycleEntity, subjectId: string): Promise<string> {
    if (!isUuid(subjectId) || !viewer.personId || !(await this.facts.isCoachOf(cycle.id, viewer.personId, subjectId)))
      throw new ForbiddenError("Only the leader's coach can mark their debrief done");
    if (!cycle.releasedAt)
      throw new ConflictError('The debrief follows the release: HR has not released this cycle yet', { reason: 'notReleased' });
    return viewer.personId;
  }

  /** The coach's own list of leaders needs a person behind the account. */
  coach(viewer: Viewer): string {
    if (!viewer.personId) throw new ForbiddenError('Only coaches have leaders to coach');
    return viewer.personId;
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
  async readPlan(
    viewer: Viewer,
    cycle: CycleEntity,
    subjectId: string,
  ): Promise<{ isLeader: boolean; isManager: boolean; isCoach: boolean }> {
    if (!isUuid(subjectId) || !(await this.isSubject(cycle.id, subjectId))) throw new ForbiddenError(NO_PLAN);
    const isLeader = viewer.personId === subjectId;
    const isManager = !isLeader && (await this.isManagerOf(viewer, subjectId));
    const isCoach = !isLeader && (await this.isCoachOf(viewer, cycle.id, subjectId));
    if (isCoach) {
      this.requireReleased(cycle);
      return { isLeader, isManager, isCoach };
    }
    if (!isLeader && !isManager)
      throw new ForbiddenError(viewer.isHrAdmin ? 'HR sees whether leaders have a development plan, never its content' : NO_PLAN);
    this.requireReleased(cycle);
    if (await this.awaitingDebrief(cycle, subjectId)) throw new ForbiddenError(AWAITING_DEBRIEF);
    return { isLeader, isManager, isCoach };
  }

  /** Only the leader writes their plan, from their released report. */
  async editPlan(viewer: Viewer, cycle: CycleEntity): Promise<string> {
    if (!viewer.personId || !(await this.isSubject(cycle.id, viewer.personId)))
      throw new ForbiddenError('Only the leader whose report it is can write their development plan');
    this.requireReleased(cycle);
    if (await this.awaitingDebrief(cycle, viewer.personId))
      throw new ConflictError('A development plan starts from the released report: yours is shared after the debrief with your coach', {
        reason: 'afterDebrief',
      });
    return viewer.personId;
  }

  /** Only the leader's manager, or their coach in a coached cycle, comments on the plan. */
  async commentOnPlan(viewer: Viewer, cycle: CycleEntity, subjectId: string): Promise<void> {
    if (
      !isUuid(subjectId) ||
      !(await this.isSubject(cycle.id, subjectId)) ||
      !((await this.isManagerOf(viewer, subjectId)) || (await this.isCoachOf(viewer, cycle.id, subjectId)))
    )
      throw new ForbiddenError("Only the leader's manager or coach can comment on their development plan");
    this.requireReleased(cycle);
  }

  private requireReleased(cycle: CycleEntity): void {
    if (!cycle.releasedAt)
      throw new ConflictError('A development plan starts from the released report: HR has not released this cycle yet', {
        reason: 'notReleased',
      });
  }
}
