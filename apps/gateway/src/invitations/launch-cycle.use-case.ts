import { cycleRaterPseudonymsV1, invitationIssuedV2, RaterPseudonyms } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { hashToken, newToken, TOKEN_CIPHER, TokenCipher } from '../accounts/secrets';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError, FieldProblem, InputError } from '../common/errors';
import { LiveUpdates } from '../common/live-updates';
import { requireStatus } from '../cycles/cycle-status';
import { CycleView } from '../cycles/cycle-view';
import { CycleEntity } from '../cycles/cycle.entity';
import { CyclesRepository } from '../cycles/cycles.repository';
import { Cycle } from '../cycles/dto/cycle.model';
import { NominationEntity } from '../nominations/nomination.entity';
import { NominationsRepository } from '../nominations/nominations.repository';
import { NotificationEvents } from '../notifications/notification-events';
import { PersonEntity } from '../people/person.entity';
import { PeopleRepository } from '../people/people.repository';
import { AssignmentEntity } from './assignment.entity';
import { InvitationsRepository } from './invitations.repository';

/**
 * Launch: checks every subject's approved raters against the group minimums, then creates one
 * assignment with its own survey token per approved rater and emits one invitation per rater and,
 * per subject, the raters' pseudonyms for the scoring service — all in one transaction.
 */
@Injectable()
export class LaunchCycleUseCase {
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

  async execute(viewer: Viewer, cycleId: string): Promise<Cycle> {
    const cycle = await this.access.cycle(viewer, cycleId);
    requireStatus(cycle, ['draft'], 'launch');
    const subjects = await this.cycles.subjectIds(cycle.id);
    if (subjects.length === 0) throw new InputError([{ field: 'cycleId', message: 'the cycle has no subjects yet' }]);
    // The subjects as the problems name them (not the whole directory).
    const people = new Map((await this.people.findInOrganisation(viewer.organisationId, subjects)).map((p) => [p.id, p]));
    const problems = belowMinimums(cycle, subjects, await this.nominations.approved(cycle.id), people);
    if (problems.length) throw new InputError(problems);
    const launched = await this.outbox.transact(async ({ manager, emit }) => {
      const locked = await this.cycles.lock(manager, cycle.id);
      if (locked!.status !== 'draft') throw new ConflictError('The cycle was launched already');
      // The approved raters as they are under the lock: an approval or nomination that committed
      // since the check above is launched with the rest, never left approved and uninvited.
      const approved = await this.nominations.approved(cycle.id, manager);
      const problemsNow = belowMinimums(cycle, subjects, approved, people);
      if (problemsNow.length) throw new InputError(problemsNow);
      const now = new Date();
      const tokens = new Map<string, string>();
      const assignments = approved.map((n): AssignmentEntity => {
        const token = newToken();
        const id = randomUUID();
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
      await this.cycles.update(manager, cycle.id, { status: 'launched', launchedAt: now });
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'cycle.launched',
        target: `cycle:${cycle.id}`,
        detail: { assignments: assignments.length },
      });
      return { ...cycle, status: 'launched' as const, launchedAt: now };
    });
    this.live.changed(cycle.id);
    return this.view.of(launched, { subjects: false });
  }
}

/** Every subject and group whose approved raters are fewer than the cycle's minimum. */
export function belowMinimums(
  cycle: CycleEntity,
  subjects: string[],
  approved: NominationEntity[],
  people: Map<string, PersonEntity>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // Approved raters per subject and group, counted once (not once per subject and group).
  const counts = new Map<string, number>();
  for (const n of approved) counts.set(`${n.subjectId}:${n.raterGroup}`, (counts.get(`${n.subjectId}:${n.raterGroup}`) ?? 0) + 1);
  for (const sid of subjects) {
    for (const [group, min] of Object.entries(cycle.minRaters)) {
      const count = counts.get(`${sid}:${group}`) ?? 0;
      if (count < (min ?? 0)) {
        problems.push({
          field: `subjects.${people.get(sid)?.employeeId ?? sid}.${group}`,
          message: `${people.get(sid)?.name ?? sid} has ${count} approved ${group} rater(s); at least ${min} needed`,
        });
      }
    }
  }
  return problems;
}
