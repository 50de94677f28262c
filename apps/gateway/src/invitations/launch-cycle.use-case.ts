import { cycleRaterPseudonymsV1, invitationIssuedV2, RaterPseudonyms } from '@leaderscope/events';
import { OutboxService, UnitOfWork } from '@leaderscope/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { hashToken, newToken, TOKEN_CIPHER, TokenCipher } from '../accounts/secrets';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError, FieldProblem, InputError } from '../common/errors';
import { newId } from '../common/ids';
import { LiveUpdates } from '../common/live-updates';
import { requireStatus } from '../cycles/cycle-status';
import { CycleView } from '../cycles/cycle-view';
import { CycleEntity } from '../cycles/cycle.entity';
import { CyclesRepository } from '../cycles/cycles.repository';
import { Cycle } from '../cycles/dto/cycle.model';
import { NominationEntity } from '../nominations/nomination.entity';
import { NominationsRepository } from '../nominations/nominations.repository';
import { NotificationEvents } from '../notifications/notification-events';
import { PeopleRepository } from '../people/people.repository';
import { AssignmentEntity } from './assignment.entity';
import { InvitationsRepository } from './invitations.repository';

/**
 * Launch, in slices (issue #16). `launchCycle` first moves the draft to `launching` under the
 * cycle's lock, after checking every subject's approved raters against the group minimums: from
 * then on subjects and nominations are frozen (they change only in a draft). Then the subjects are
 * launched in id order, `sliceSubjects` at a time, each slice in one transaction that locks the
 * cycle, reads where the last one stopped (`launch_cursor`), creates one assignment with its own
 * survey token per approved rater of those subjects, emits their invitations (one per rater) and
 * pseudonyms (one per subject) to the outbox, and moves the cursor and the progress
 * (`launch_subjects_done` of `launch_subjects_total`). The slice that finds no subject left marks
 * the cycle `launched` and records the audit: the cycle is never `launched` before every rater is
 * invited.
 *
 * An interruption (the process dies, the database goes away) leaves the cycle `launching` with
 * whole slices committed, each with its events: `launchCycle` again resumes after the last
 * committed slice; two callers at once take turns on the cycle's lock and each slice is written
 * once. A rater of a committed slice was invited and their link works while the rest is launched.
 * The gateway holds one slice at a time, whatever the size of the cycle.
 */
@Injectable()
export class LaunchCycleUseCase {
  /** Subjects per slice (about 15 raters each); `LAUNCH_SLICE_SUBJECTS` to tune it, tests make it small. */
  static sliceSubjects = Number(process.env.LAUNCH_SLICE_SUBJECTS) || 200;

  constructor(
    private readonly access: AccessPolicy,
    private readonly cycles: CyclesRepository,
    private readonly nominations: NominationsRepository,
    private readonly people: PeopleRepository,
    private readonly invitations: InvitationsRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
    private readonly live: LiveUpdates,
    private readonly view: CycleView,
    @Inject(TOKEN_CIPHER) private readonly cipher: TokenCipher,
    private readonly notices: NotificationEvents,
    private readonly pseudonyms: RaterPseudonyms,
  ) {}

  /** Launches a draft, or resumes a launch that was interrupted; answers the launched cycle. */
  async execute(viewer: Viewer, cycleId: string): Promise<Cycle> {
    const cycle = await this.access.cycle(viewer, cycleId);
    requireStatus(cycle, ['draft', 'launching'], 'launch');
    if (cycle.status === 'draft') await this.begin(viewer, cycle.id);
    let launched: CycleEntity | null = null;
    while (!launched) launched = await this.launchSlice(viewer, cycle.id);
    return this.view.of(launched, { subjects: false });
  }

  /**
   * draft → launching, under the cycle's lock: refused (nothing changes) if the cycle has no
   * subjects or any subject's approved raters are below a group's minimum, or (CONFLICT) if another
   * request began launching it meanwhile.
   */
  async begin(viewer: Viewer, cycleId: string): Promise<void> {
    await this.outbox.transact(async ({ manager }) => {
      const locked = await this.cycles.lock(manager, cycleId);
      // Launches of the same draft at once: one begins it, the others are refused as before slices
      // (a launch found interrupted, `launching` when asked, is resumed instead: see `execute`).
      if (locked!.status === 'launching') throw new ConflictError('The cycle is being launched already', { reason: 'launchingAlready' });
      if (locked!.status !== 'draft') throw new ConflictError('The cycle was launched already', { reason: 'launchedAlready' });
      const [{ n: subjects }]: { n: number }[] = await manager.query(
        `SELECT count(*)::int AS n FROM "gateway"."cycle_subject" WHERE cycle_id = $1`,
        [cycleId],
      );
      if (subjects === 0) throw new InputError([{ field: 'cycleId', message: 'the cycle has no subjects yet', code: 'noSubjects' }]);
      const problems = await this.belowMinimums(manager, locked!);
      if (problems.length) throw new InputError(problems);
      await this.cycles.update(manager, cycleId, {
        status: 'launching',
        launchCursor: null,
        launchSubjectsTotal: subjects,
        launchSubjectsDone: 0,
      });
      await this.audit.record(manager, {
        organisationId: locked!.organisationId,
        accountId: viewer.accountId,
        action: 'cycle.launching',
        target: `cycle:${cycleId}`,
        detail: { subjects },
      });
    });
    this.live.changed(cycleId);
  }

  /**
   * One slice in one transaction: the next subjects' assignments, invitations and pseudonyms, and
   * the cursor moved past them; or, when no subject is left, the cycle marked launched. Answers the
   * launched cycle once it is, otherwise null.
   */
  async launchSlice(viewer: Viewer, cycleId: string): Promise<CycleEntity | null> {
    const size = LaunchCycleUseCase.sliceSubjects;
    const launched = await this.outbox.transact(async ({ manager, emit }) => {
      const cycle = (await this.cycles.lock(manager, cycleId))!;
      // Another request finished it while this one waited for the lock.
      if (cycle.status === 'launched' && cycle.launchSubjectsTotal !== null) return cycle;
      if (cycle.status !== 'launching')
        throw new ConflictError(`Cannot launch: the cycle is ${cycle.status}`, {
          reason: 'wrongStatus',
          values: { action: 'launch', status: cycle.status },
        });
      const rows: { id: string }[] = await manager.query(
        `SELECT person_id AS id FROM "gateway"."cycle_subject"
         WHERE cycle_id = $1 AND ($2::uuid IS NULL OR person_id > $2::uuid) ORDER BY person_id LIMIT $3`,
        [cycleId, cycle.launchCursor, size],
      );
      const subjects = rows.map((r) => r.id);
      const now = new Date();
      if (subjects.length > 0) {
        const approved = await this.nominations.approvedOf(manager, cycleId, subjects);
        await this.invite(manager, emit, viewer, cycle, approved, now);
        await this.cycles.update(manager, cycleId, {
          launchCursor: subjects[subjects.length - 1],
          launchSubjectsDone: cycle.launchSubjectsDone + subjects.length,
        });
      }
      // The last slice (a short one, or none left) marks the cycle launched, in the same transaction.
      if (subjects.length === size) return null;
      const [{ n: assignments }]: { n: number }[] = await manager.query(
        `SELECT count(*)::int AS n FROM "gateway"."assignment" WHERE cycle_id = $1`,
        [cycleId],
      );
      await this.cycles.update(manager, cycleId, { status: 'launched', launchedAt: now });
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'cycle.launched',
        target: `cycle:${cycleId}`,
        detail: { assignments },
      });
      return {
        ...cycle,
        status: 'launched' as const,
        launchedAt: now,
        launchSubjectsDone: cycle.launchSubjectsDone + subjects.length,
        launchCursor: subjects.length ? subjects[subjects.length - 1] : cycle.launchCursor,
      };
    });
    this.live.changed(cycleId);
    return launched;
  }

  /** One assignment with its own token per approved rater, each one's invitation and each subject's pseudonyms. */
  private async invite(
    manager: EntityManager,
    emit: UnitOfWork['emit'],
    viewer: Viewer,
    cycle: CycleEntity,
    approved: Pick<NominationEntity, 'subjectId' | 'raterId' | 'raterGroup'>[],
    now: Date,
  ): Promise<void> {
    const tokens = new Map<string, string>();
    const assignments = approved.map((n): AssignmentEntity => {
      const token = newToken();
      const id = newId();
      tokens.set(id, token);
      return {
        id,
        organisationId: cycle.organisationId,
        cycleId: cycle.id,
        subjectId: n.subjectId,
        raterPersonId: n.raterId,
        raterGroup: n.raterGroup,
        tokenHash: hashToken(token),
        tokenCipher: this.cipher.encrypt(token),
        status: 'invited',
        draftAnswers: {},
        draftComments: {},
        invitedAt: now,
        startedAt: null,
        submittedAt: null,
        remindedAt: null,
        revokedAt: null,
      };
    });
    await this.invitations.insert(manager, assignments);
    // One invitation per rater for the notification service; the token leaves only sealed for it.
    const requestedBy = await this.notices.requester(manager, viewer);
    const invitations = await this.notices.invitations(
      manager,
      cycle,
      requestedBy,
      assignments.map((a) => ({ ...a, token: tokens.get(a.id)! })),
    );
    for (const invitation of invitations) emit(invitationIssuedV2, invitation, { organisationId: cycle.organisationId });
    // Per subject, a stable pseudonym of each non-self rater, so the scoring service can count the
    // raters a leader's cycles have in common (the trend's comparability note) without knowing who.
    const bySubject = new Map<string, AssignmentEntity[]>();
    for (const a of assignments) {
      const list = bySubject.get(a.subjectId);
      if (list) list.push(a);
      else bySubject.set(a.subjectId, [a]);
    }
    for (const [subjectId, ofSubject] of bySubject)
      emit(
        cycleRaterPseudonymsV1,
        {
          cycleId: cycle.id,
          subjectId,
          raters: ofSubject
            .filter((a) => a.raterGroup !== 'self')
            .map((a) => ({ raterId: a.id, raterKey: this.pseudonyms.keyOf(cycle.organisationId, a.raterPersonId) })),
          issuedAt: now.toISOString(),
        },
        { organisationId: cycle.organisationId },
      );
  }

  /**
   * Every subject and group whose approved raters are fewer than the cycle's minimum, counted in
   * PostgreSQL (one row per subject and group short of raters, not every approved nomination).
   */
  private async belowMinimums(manager: EntityManager, cycle: CycleEntity): Promise<FieldProblem[]> {
    const minimums: [string, number][] = [];
    for (const [group, min] of Object.entries(cycle.minRaters)) if ((min ?? 0) > 0) minimums.push([group, min]);
    if (minimums.length === 0) return [];
    const short: { subjectId: string; group: string; min: number; count: number }[] = await manager.query(
      `SELECT cs.person_id AS "subjectId", g.grp AS "group", g.min, count(n.id)::int AS count
       FROM "gateway"."cycle_subject" cs
       CROSS JOIN unnest($2::text[], $3::int[]) WITH ORDINALITY AS g(grp, min, k)
       LEFT JOIN "gateway"."nomination" n
         ON n.cycle_id = cs.cycle_id AND n.subject_id = cs.person_id AND n.rater_group = g.grp AND n.status = 'approved'
       WHERE cs.cycle_id = $1
       GROUP BY cs.person_id, g.grp, g.min, g.k
       HAVING count(n.id) < g.min
       ORDER BY cs.person_id, g.k`,
      [cycle.id, minimums.map(([g]) => g), minimums.map(([, min]) => min)],
    );
    if (short.length === 0) return [];
    const people = new Map(
      (await this.people.findInOrganisation(cycle.organisationId, [...new Set(short.map((s) => s.subjectId))])).map((p) => [p.id, p]),
    );
    return short.map(({ subjectId, group, min, count }) => ({
      field: `subjects.${people.get(subjectId)?.employeeId ?? subjectId}.${group}`,
      message: `${people.get(subjectId)?.name ?? subjectId} has ${count} approved ${group} rater(s); at least ${min} needed`,
      code: 'tooFewRaters',
      values: { name: people.get(subjectId)?.name ?? subjectId, count, group, min },
    }));
  }
}
