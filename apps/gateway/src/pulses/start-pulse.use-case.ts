import { pulseLaunchedV1 } from '@leaderscope/events';
import { getInstrument, PULSE_INSTRUMENT_ID, PULSE_INSTRUMENT_VERSION, PULSE_SLOTS } from '@leaderscope/framework';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { ConflictError, FieldProblem, InputError } from '../common/errors';
import { CycleEntity } from '../cycles/cycle.entity';
import { describeFocusArea } from '../development-plans/plan-rules';
import { LaunchCycleUseCase } from '../invitations/launch-cycle.use-case';
import { NominationEntity } from '../nominations/nomination.entity';
import { PeopleRepository } from '../people/people.repository';
import { PulseAccess } from './pulse-access';
import { PulseFocusArea } from './pulse.entity';
import { PulsesRepository } from './pulses.repository';
import { SUBJECT_NOMINATED_GROUPS } from '@leaderscope/vocabulary';
import { PulseRaterInput, StartPulseInput } from './dto/pulse.input';

const DAY = 86_400_000;
export const MAX_PULSE_DAYS = 60;

/**
 * The leader or HR starts a follow-up pulse from a released cycle whose leader has a development
 * plan. The pulse is a cycle of its own (kind `pulse`, the built-in `follow-up-pulse` instrument,
 * asking one slot per focus area of the plan's latest version) with the leader as its one subject
 * and the followed-up cycle's non-self raters of that leader as its raters (approved), with the
 * new raters the starter adds (HR in any group but self, the leader peers and partners, as when
 * nominating), launched by
 * `LaunchCycleUseCase` — so links, invitation mails, reminders, the event path and the disclosure
 * rule are the cycle's. Then `pulse.launched` tells the leader and their manager it went out.
 */
@Injectable()
export class StartPulseUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly access: AccessPolicy,
    private readonly pulseAccess: PulseAccess,
    private readonly pulses: PulsesRepository,
    private readonly launch: LaunchCycleUseCase,
    private readonly audit: AuditRepository,
    private readonly people: PeopleRepository,
  ) {}

  async execute(viewer: Viewer, input: StartPulseInput): Promise<{ pulseId: string; cycleId: string; subjectId: string }> {
    const cycle = await this.access.cycle(viewer, input.cycleId);
    const startedBy = await this.pulseAccess.starter(viewer, cycle, input.subjectId);
    const problems: FieldProblem[] = [];
    if (cycle.kind !== '360') problems.push({ field: 'input.cycleId', message: 'is a follow-up pulse: a pulse follows up a 360 cycle' });
    const now = Date.now();
    if (input.closesAt.getTime() < now + DAY) problems.push({ field: 'input.closesAt', message: 'must be at least a day from now' });
    else if (input.closesAt.getTime() > now + MAX_PULSE_DAYS * DAY)
      problems.push({ field: 'input.closesAt', message: `must be within ${MAX_PULSE_DAYS} days` });
    if (problems.length) throw new InputError(problems);
    if (!cycle.releasedAt)
      throw new ConflictError('A follow-up pulse starts from a released report: HR has not released this cycle yet', {
        reason: 'notReleased',
      });

    const pulseId = randomUUID();
    const started = await this.outbox.transact(async ({ manager }) => {
      await this.pulses.lockSubject(manager, cycle.id, input.subjectId);
      const plan = await this.pulses.latestPlan(cycle.id, input.subjectId, manager);
      if (!plan)
        throw new ConflictError('A follow-up pulse asks about the focus areas of a development plan: the leader has no plan yet', {
          reason: 'noPlan',
        });
      const open = (await this.pulses.pulsesOf(cycle.id, input.subjectId, manager)).find(
        ({ cycle: c }) => (c.status === 'draft' || c.status === 'launched') && c.closesAt.getTime() > now,
      );
      if (open)
        throw new ConflictError(`A follow-up pulse on this plan is still open (until ${open.cycle.closesAt.toISOString().slice(0, 10)})`, {
          reason: 'pulseOpen',
        });
      const original = await this.pulses.ratersOf(manager, cycle.id, input.subjectId);
      const raters = [
        ...original.map((r) => ({ ...r, added: false })),
        ...(await this.checkNewRaters(cycle, input, startedBy, new Set(original.map((r) => r.raterPersonId)))),
      ];
      if (raters.length === 0)
        throw new ConflictError('The leader had no raters besides themselves in this cycle: nobody to ask', { reason: 'noRaters' });
      const instrument = getInstrument(cycle.instrumentId, cycle.instrumentVersion);
      const focusAreas: PulseFocusArea[] = plan.focusAreas.map((a, i) => ({
        slot: PULSE_SLOTS[i],
        kind: a.kind,
        id: a.id,
        label: describeFocusArea(instrument, a).label,
      }));
      const pulseCycle: CycleEntity = {
        id: pulseId,
        organisationId: cycle.organisationId,
        name: `Follow-up pulse: ${cycle.name}`,
        instrumentId: PULSE_INSTRUMENT_ID,
        instrumentVersion: PULSE_INSTRUMENT_VERSION,
        // the pulse instrument has no role profile: it is scored without one
        roleProfileId: '',
        anonymityThreshold: cycle.anonymityThreshold,
        commentThreshold: cycle.commentThreshold,
        // the raters were approved for the cycle followed up; a pulse asks them again, no minimum
        minRaters: {},
        maxRatersPerGroup: cycle.maxRatersPerGroup,
        reminderDaysBeforeClose: cycle.reminderDaysBeforeClose,
        opensAt: new Date(now),
        closesAt: input.closesAt,
        status: 'draft',
        launchedAt: null,
        launchCursor: null,
        launchSubjectsTotal: null,
        launchSubjectsDone: 0,
        closedAt: null,
        releasedAt: null,
        responsesPurgedAt: null,
        createdAt: new Date(now),
        kind: 'pulse',
        askedItems: focusAreas.map((a) => a.slot),
      };
      const nominations: NominationEntity[] = raters.map((r) => ({
        id: randomUUID(),
        cycleId: pulseId,
        subjectId: input.subjectId,
        raterId: r.raterPersonId,
        raterGroup: r.raterGroup,
        source: r.added && startedBy === 'leader' ? 'subject' : 'hr',
        status: 'approved',
      }));
      await this.pulses.insertPulse(manager, pulseCycle, input.subjectId, nominations, {
        pulseId,
        organisationId: cycle.organisationId,
        cycleId: cycle.id,
        subjectId: input.subjectId,
        planVersion: plan.version,
        focusAreas,
        startedBy,
        startedByAccountId: viewer.accountId,
      });
      await this.audit.record(manager, {
        organisationId: cycle.organisationId,
        accountId: viewer.accountId,
        action: 'pulse.started',
        target: `cycle:${cycle.id}/subject:${input.subjectId}`,
        detail: { pulseId, planVersion: plan.version, raters: raters.length, newRaters: raters.filter((r) => r.added).length },
      });
      return { planVersion: plan.version, focusAreaCount: focusAreas.length, raterCount: raters.length };
    });

    // The cycle path: one assignment and invitation mail per rater, pseudonyms, `cycle.launched`.
    try {
      await this.launch.execute(viewer, pulseId);
    } catch (error) {
      await this.pulses.removeDraft(pulseId);
      throw error;
    }

    await this.outbox.transact(async ({ manager, emit }) => {
      const facts = await this.pulses.noticeFacts(manager, cycle.organisationId, input.subjectId);
      const person = (p: { id: string; name: string; email: string | null }, isSubject: boolean) => ({
        personId: p.id,
        name: p.name,
        email: p.email || null,
        isSubject,
      });
      emit(
        pulseLaunchedV1,
        {
          pulseId,
          cycleId: cycle.id,
          cycleName: cycle.name,
          planVersion: started.planVersion,
          organisationName: facts.organisationName,
          subjectId: input.subjectId,
          subjectName: facts.subject.name,
          focusAreaCount: started.focusAreaCount,
          raterCount: started.raterCount,
          closesAt: input.closesAt.toISOString(),
          startedBy,
          recipients: [person(facts.subject, true), ...(facts.manager ? [person(facts.manager, false)] : [])],
          launchedAt: new Date().toISOString(),
        },
        { organisationId: cycle.organisationId, correlationId: pulseId },
      );
    });
    return { pulseId, cycleId: cycle.id, subjectId: input.subjectId };
  }

  /**
   * The people added to the pulse, checked as a nomination would be (inside the start's
   * transaction, after the leader's row lock): someone of the organisation, not erased, not the
   * leader, not their coach, not already asked, once each; the leader adds only peers and partners.
   * Every fault is reported at once, by its field; nothing is created on a refusal.
   */
  private async checkNewRaters(
    cycle: CycleEntity,
    input: StartPulseInput,
    startedBy: 'leader' | 'hr',
    asked: Set<string>,
  ): Promise<{ raterPersonId: string; raterGroup: PulseRaterInput['group']; added: boolean }[]> {
    const added = input.newRaters ?? [];
    if (added.length === 0) return [];
    const people = new Map(
      (await this.people.findInOrganisation(cycle.organisationId, [...new Set(added.map((a) => a.personId))])).map((p) => [p.id, p]),
    );
    const coach = (await this.access.coachesOf(cycle.id)).get(input.subjectId);
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    added.forEach((a, i) => {
      const field = `input.newRaters[${i}]`;
      if (a.group === 'self') problems.push({ field: `${field}.group`, message: 'self is the leader, who is not asked in a pulse' });
      else if (startedBy === 'leader' && !SUBJECT_NOMINATED_GROUPS.includes(a.group))
        problems.push({ field: `${field}.group`, message: 'a leader adds peers and partners (other); HR adds the rest' });
      const person = people.get(a.personId);
      if (!person || person.erasedAt)
        problems.push({ field: `${field}.personId`, message: 'no such person in this organisation', code: 'unknownPerson' });
      else if (a.personId === input.subjectId) problems.push({ field: `${field}.personId`, message: 'is the leader' });
      else if (a.personId === coach)
        problems.push({ field: `${field}.personId`, message: "is the leader's coach, who reads their report and never rates them" });
      else if (asked.has(a.personId))
        problems.push({ field: `${field}.personId`, message: 'is already asked: a rater of the leader in the cycle followed up' });
      else if (seen.has(a.personId)) problems.push({ field: `${field}.personId`, message: 'is listed twice' });
      seen.add(a.personId);
    });
    if (problems.length) throw new InputError(problems);
    return added.map((a) => ({ raterPersonId: a.personId, raterGroup: a.group, added: true }));
  }
}
