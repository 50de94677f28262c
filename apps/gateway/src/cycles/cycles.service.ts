import { invitationIssuedV1, reminderRequestedV1, rescoreRequestedV1 } from '@leaderscope/events';
import { DEFAULT_INSTRUMENT_ID, getInstrument } from '@leaderscope/framework';
import { OutboxService } from '@leaderscope/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashToken, newToken, TokenCipher } from '../auth/secrets';
import { Viewer } from '../auth/viewer';
import { ConflictError, FieldProblem, ForbiddenError, InputError } from '../common/errors';
import { PeopleService } from '../people/people.service';
import { PersonEntity } from '../people/person.entity';
import { RaterGroup } from '../surveys/dto/rater-group';
import { ProgressNotifier } from './progress.notifier';
import { AccessService } from './access.service';
import {
  AssignmentEntity,
  CycleEntity,
  CycleSubjectEntity,
  NominationEntity,
  RaterGroupName,
} from './cycle.entity';
import { CreateCycleInput, NominateRaterInput } from './dto/cycle.input';
import { Cycle, CycleProgress, CycleStatusValue, Nomination, RaterInvitation, RescoreRequest } from './dto/cycle.model';

export const TOKEN_CIPHER = Symbol('TOKEN_CIPHER');
const DEFAULT_MIN_RATERS: Partial<Record<RaterGroupName, number>> = { self: 1, manager: 1, peer: 3, direct_report: 3 };
const GROUP_ORDER: RaterGroupName[] = ['self', 'manager', 'peer', 'direct_report', 'skip_level', 'other'];

@Injectable()
export class CyclesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly access: AccessService,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly progress: ProgressNotifier,
    @Inject(TOKEN_CIPHER) private readonly cipher: TokenCipher,
  ) {}

  async list(viewer: Viewer): Promise<Cycle[]> {
    let cycles: CycleEntity[];
    if (viewer.isHrAdmin) {
      cycles = await this.dataSource.getRepository(CycleEntity).find({ where: { organisationId: viewer.organisationId }, order: { createdAt: 'DESC' } });
    } else {
      // Leaders see the cycles they are reviewed in; managers the cycles their reports are reviewed in.
      cycles = await this.dataSource.query(
        `SELECT DISTINCT c.* FROM "gateway"."cycle" c JOIN "gateway"."cycle_subject" s ON s."cycle_id" = c."id"
         JOIN "gateway"."person" p ON p."id" = s."person_id"
         WHERE c."organisation_id" = $1 AND (s."person_id" = $2 OR p."manager_id" = $2) ORDER BY c."created_at" DESC`,
        [viewer.organisationId, viewer.personId],
      ).then((rows: Record<string, unknown>[]) => rows.map((r) => this.dataSource.getRepository(CycleEntity).create(this.fromRow(r))));
    }
    return Promise.all(cycles.map((c) => this.toModel(c)));
  }

  async get(viewer: Viewer, cycleId: string): Promise<Cycle> {
    const cycle = await this.access.cycle(viewer, cycleId);
    if (!viewer.isHrAdmin) {
      const visible = (await this.list(viewer)).some((c) => c.id === cycle.id);
      if (!visible) throw new ForbiddenError('This cycle does not exist or you do not have access to it');
    }
    return this.toModel(cycle);
  }

  async create(viewer: Viewer, input: CreateCycleInput): Promise<Cycle> {
    this.access.requireHr(viewer);
    const problems: FieldProblem[] = [];
    let instrument;
    try {
      instrument = getInstrument(input.instrumentId ?? DEFAULT_INSTRUMENT_ID, input.instrumentVersion);
    } catch (error) {
      problems.push({ field: input.instrumentVersion ? 'input.instrumentVersion' : 'input.instrumentId', message: (error as Error).message });
    }
    const roleProfileId = input.roleProfileId ?? 'leader-of-leaders';
    if (instrument && !instrument.roleProfiles.some((p) => p.id === roleProfileId)) {
      problems.push({ field: 'input.roleProfileId', message: `unknown role profile "${roleProfileId}" (known: ${instrument.roleProfiles.map((p) => p.id).join(', ')})` });
    }
    if (input.closesAt.getTime() <= input.opensAt.getTime()) problems.push({ field: 'input.closesAt', message: 'must be after opensAt' });
    if (input.closesAt.getTime() <= Date.now()) problems.push({ field: 'input.closesAt', message: 'must be in the future' });
    const minRaters = { ...DEFAULT_MIN_RATERS };
    const seen = new Set<string>();
    (input.minRaters ?? []).forEach((m, i) => {
      if (seen.has(m.group)) problems.push({ field: `input.minRaters[${i}].group`, message: `${m.group} is listed twice` });
      seen.add(m.group);
      minRaters[m.group as RaterGroupName] = m.count;
    });
    const maxRaters = input.maxRatersPerGroup ?? 8;
    for (const [group, count] of Object.entries(minRaters)) {
      if ((count ?? 0) > maxRaters) problems.push({ field: 'input.minRaters', message: `${group} minimum ${count} is above maxRatersPerGroup ${maxRaters}` });
    }
    if (problems.length) throw new InputError(problems);
    const cycle = await this.outbox.transact(async ({ manager }) => {
      const row = manager.getRepository(CycleEntity).create({
        id: randomUUID(),
        organisationId: viewer.organisationId,
        name: input.name,
        instrumentId: instrument!.id,
        instrumentVersion: instrument!.version,
        roleProfileId,
        anonymityThreshold: input.anonymityThreshold ?? 3,
        minRaters,
        maxRatersPerGroup: maxRaters,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        status: 'draft',
        launchedAt: null,
        closedAt: null,
        releasedAt: null,
      });
      await manager.getRepository(CycleEntity).insert(row);
      await this.audit.record(manager, { organisationId: viewer.organisationId, accountId: viewer.accountId, action: 'cycle.created', target: `cycle:${row.id}` });
      return row;
    });
    return this.toModel(cycle);
  }

  async addSubjects(viewer: Viewer, cycleId: string, personIds: string[]): Promise<Cycle> {
    const cycle = await this.access.hrCycle(viewer, cycleId);
    this.requireStatus(cycle, ['draft'], 'add subjects');
    if (personIds.length === 0) throw new InputError([{ field: 'personIds', message: 'must name at least one person' }]);
    const found = await this.dataSource.getRepository(PersonEntity).findBy({ id: In(personIds.filter(isUuid)), organisationId: viewer.organisationId });
    const missing = personIds.filter((id) => !found.some((p) => p.id === id));
    if (missing.length) throw new InputError(missing.map((id) => ({ field: `personIds[${personIds.indexOf(id)}]`, message: `no person ${id} in this organisation` })));
    await this.dataSource.getRepository(CycleSubjectEntity).upsert(personIds.map((personId) => ({ cycleId, personId })), ['cycleId', 'personId']);
    return this.toModel(cycle);
  }

  /**
   * Proposes raters from reporting lines: the manager, direct reports, a deterministic sample of
   * skip-levels, peers under the same manager, and the subject themselves. Existing nominations
   * are kept as they are.
   */
  async proposeRaters(viewer: Viewer, cycleId: string, subjectId?: string | null): Promise<Nomination[]> {
    const cycle = await this.access.hrCycle(viewer, cycleId);
    this.requireStatus(cycle, ['draft'], 'propose raters');
    const subjects = await this.subjectIds(cycle.id);
    const targets = subjectId ? subjects.filter((s) => s === subjectId) : subjects;
    if (subjectId && targets.length === 0) throw new InputError([{ field: 'subjectId', message: 'is not a subject of this cycle' }]);
    const people = await this.dataSource.getRepository(PersonEntity).findBy({ organisationId: viewer.organisationId });
    const byId = new Map(people.map((p) => [p.id, p]));
    const reportsOf = new Map<string, PersonEntity[]>();
    for (const p of people) if (p.managerId) reportsOf.set(p.managerId, [...(reportsOf.get(p.managerId) ?? []), p]);
    const rows: Pick<NominationEntity, 'id' | 'cycleId' | 'subjectId' | 'raterId' | 'raterGroup' | 'source' | 'status'>[] = [];
    const cap = cycle.maxRatersPerGroup;
    const sample = (list: PersonEntity[], salt: string) =>
      [...list].sort((a, b) => digest(`${salt}:${a.id}`).localeCompare(digest(`${salt}:${b.id}`))).slice(0, cap);
    for (const sid of targets) {
      const subject = byId.get(sid)!;
      const add = (rater: PersonEntity, group: RaterGroupName) =>
        rows.push({ id: randomUUID(), cycleId: cycle.id, subjectId: sid, raterId: rater.id, raterGroup: group, source: 'proposed', status: 'proposed' });
      add(subject, 'self');
      if (subject.managerId && byId.has(subject.managerId)) add(byId.get(subject.managerId)!, 'manager');
      const reports = reportsOf.get(sid) ?? [];
      for (const r of sample(reports, `${cycle.id}:dr:${sid}`)) add(r, 'direct_report');
      const skips = reports.flatMap((r) => reportsOf.get(r.id) ?? []);
      for (const r of sample(skips, `${cycle.id}:sl:${sid}`)) add(r, 'skip_level');
      const peers = subject.managerId ? (reportsOf.get(subject.managerId) ?? []).filter((p) => p.id !== sid) : [];
      for (const r of sample(peers, `${cycle.id}:pe:${sid}`)) add(r, 'peer');
    }
    // In chunks: PostgreSQL takes at most 65,535 parameters per statement.
    for (let i = 0; i < rows.length; i += 2000) {
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(NominationEntity)
        .values(rows.slice(i, i + 2000))
        .orIgnore()
        .execute();
    }
    return this.nominations(viewer, cycleId, subjectId ?? null, true);
  }

  async nominations(viewer: Viewer, cycleId: string, subjectId: string | null, skipAccess = false): Promise<Nomination[]> {
    const cycle = await this.access.cycle(viewer, cycleId);
    if (!skipAccess) await this.requireNominationReader(viewer, cycle, subjectId);
    const rows = await this.dataSource.getRepository(NominationEntity).find({
      where: subjectId ? { cycleId: cycle.id, subjectId } : { cycleId: cycle.id },
    });
    const raters = new Map((await this.people.byIds(viewer.organisationId, [...new Set(rows.map((r) => r.raterId))])).map((p) => [p.id, p]));
    return rows
      .map((r) => ({ id: r.id, subjectId: r.subjectId, rater: raters.get(r.raterId)!, group: r.raterGroup as RaterGroup, source: r.source as never, status: r.status as never }))
      .sort((a, b) => a.subjectId.localeCompare(b.subjectId) || GROUP_ORDER.indexOf(a.group as RaterGroupName) - GROUP_ORDER.indexOf(b.group as RaterGroupName) || a.rater.name.localeCompare(b.rater.name));
  }

  /**
   * HR may nominate anyone in any group; the subject may add or remove peers and partners
   * ("other"). A nomination by the subject waits for their manager's approval.
   */
  async nominate(viewer: Viewer, input: NominateRaterInput): Promise<Nomination[]> {
    const cycle = await this.access.cycle(viewer, input.cycleId);
    const isSubject = viewer.personId === input.subjectId;
    if (!viewer.isHrAdmin) {
      if (!isSubject) throw new ForbiddenError('Only HR or the subject can nominate raters');
      if (!['peer', 'other'].includes(input.group)) {
        throw new InputError([{ field: 'input.group', message: 'subjects can only nominate peers and partners (other); HR handles the rest' }]);
      }
    }
    this.requireStatus(cycle, ['draft'], 'change nominations');
    if (!(await this.access.isSubject(cycle.id, input.subjectId))) throw new InputError([{ field: 'input.subjectId', message: 'is not a subject of this cycle' }]);
    const rater = await this.dataSource.getRepository(PersonEntity).findOneBy({ id: input.raterId, organisationId: viewer.organisationId });
    if (!rater) throw new InputError([{ field: 'input.raterId', message: 'no such person in this organisation' }]);
    if (rater.id === input.subjectId && input.group !== 'self') throw new InputError([{ field: 'input.raterId', message: 'the subject can only rate themselves as self' }]);
    const repo = this.dataSource.getRepository(NominationEntity);
    const existing = await repo.findOneBy({ cycleId: cycle.id, subjectId: input.subjectId, raterId: input.raterId });
    if (existing && !viewer.isHrAdmin && !['peer', 'other'].includes(existing.raterGroup)) {
      throw new ForbiddenError('Only HR can change this nomination');
    }
    const source = viewer.isHrAdmin ? 'hr' : 'subject';
    if (input.remove) {
      if (existing) await repo.update({ id: existing.id }, { status: 'removed', source });
    } else {
      const status = viewer.isHrAdmin ? 'approved' : 'proposed';
      await repo.upsert(
        { id: existing?.id ?? randomUUID(), cycleId: cycle.id, subjectId: input.subjectId, raterId: input.raterId, raterGroup: input.group as RaterGroupName, source, status },
        ['cycleId', 'subjectId', 'raterId'],
      );
    }
    return this.nominations(viewer, cycle.id, input.subjectId, true);
  }

  /** The subject's manager (or HR) approves the subject's proposed raters. */
  async approve(viewer: Viewer, cycleId: string, subjectId: string): Promise<Nomination[]> {
    const cycle = await this.access.cycle(viewer, cycleId);
    if (!viewer.isHrAdmin && !(await this.access.isManagerOf(viewer.personId, subjectId))) {
      throw new ForbiddenError("Only the subject's manager or HR can approve nominations");
    }
    this.requireStatus(cycle, ['draft'], 'approve nominations');
    if (!(await this.access.isSubject(cycle.id, subjectId))) throw new InputError([{ field: 'subjectId', message: 'is not a subject of this cycle' }]);
    await this.dataSource.getRepository(NominationEntity).update({ cycleId: cycle.id, subjectId, status: 'proposed' }, { status: 'approved' });
    return this.nominations(viewer, cycle.id, subjectId, true);
  }

  /**
   * Launch: checks every subject's approved raters against the group minimums, then creates one
   * assignment with its own survey token per approved rater and emits one invitation per rater —
   * all in one transaction.
   */
  async launch(viewer: Viewer, cycleId: string): Promise<Cycle> {
    const cycle = await this.access.hrCycle(viewer, cycleId);
    this.requireStatus(cycle, ['draft'], 'launch');
    const subjects = await this.subjectIds(cycle.id);
    if (subjects.length === 0) throw new InputError([{ field: 'cycleId', message: 'the cycle has no subjects yet' }]);
    const approved = await this.dataSource.getRepository(NominationEntity).findBy({ cycleId: cycle.id, status: 'approved' });
    const people = new Map((await this.dataSource.getRepository(PersonEntity).findBy({ organisationId: viewer.organisationId })).map((p) => [p.id, p]));
    const problems: FieldProblem[] = [];
    for (const sid of subjects) {
      for (const [group, min] of Object.entries(cycle.minRaters)) {
        const count = approved.filter((n) => n.subjectId === sid && n.raterGroup === group).length;
        if (count < (min ?? 0)) {
          problems.push({ field: `subjects.${people.get(sid)?.employeeId ?? sid}.${group}`, message: `${people.get(sid)?.name ?? sid} has ${count} approved ${group} rater(s); at least ${min} needed` });
        }
      }
    }
    if (problems.length) throw new InputError(problems);
    const launched = await this.outbox.transact(async ({ manager, emit }) => {
      const locked = await manager.getRepository(CycleEntity).findOne({ where: { id: cycle.id }, lock: { mode: 'pessimistic_write' } });
      if (locked!.status !== 'draft') throw new ConflictError('The cycle was launched already');
      const now = new Date();
      const assignments = approved.map((n) => {
        const token = newToken();
        return manager.getRepository(AssignmentEntity).create({
          id: randomUUID(),
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
        });
      });
      for (let i = 0; i < assignments.length; i += 500) await manager.getRepository(AssignmentEntity).insert(assignments.slice(i, i + 500));
      for (const a of assignments) {
        emit(invitationIssuedV1, {
          cycleId: a.cycleId,
          subjectId: a.subjectId,
          assignmentId: a.id,
          raterPersonId: a.raterPersonId,
          raterGroup: a.raterGroup,
          email: people.get(a.raterPersonId)?.email ?? null,
          closesAt: cycle.closesAt.toISOString(),
          issuedAt: now.toISOString(),
        }, { organisationId: cycle.organisationId, correlationId: cycle.id });
      }
      await manager.getRepository(CycleEntity).update({ id: cycle.id }, { status: 'launched', launchedAt: now });
      await this.audit.record(manager, { organisationId: cycle.organisationId, accountId: viewer.accountId, action: 'cycle.launched', target: `cycle:${cycle.id}`, detail: { assignments: assignments.length } });
      return { ...cycle, status: 'launched' as const, launchedAt: now };
    });
    this.progress.changed(cycle.id);
    return this.toModel(launched);
  }

  /** Survey links for organisations without e-mail. Every listing is audited. */
  async invitations(viewer: Viewer, cycleId: string): Promise<RaterInvitation[]> {
    const cycle = await this.access.hrCycle(viewer, cycleId);
    this.requireStatus(cycle, ['launched', 'closed'], 'list invitation links');
    const rows = await this.dataSource.getRepository(AssignmentEntity).find({ where: { cycleId: cycle.id }, order: { subjectId: 'ASC', raterGroup: 'ASC' } });
    const ids = [...new Set(rows.flatMap((r) => [r.subjectId, r.raterPersonId]))];
    const people = new Map((await this.people.byIds(viewer.organisationId, ids)).map((p) => [p.id, p]));
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, { organisationId: cycle.organisationId, accountId: viewer.accountId, action: 'invitations.listed', target: `cycle:${cycle.id}`, detail: { count: rows.length } }),
    );
    return rows
      .filter((r) => !r.revokedAt)
      .map((r) => {
        const token = this.cipher.decrypt(r.tokenCipher);
        return {
          assignmentId: r.id,
          subject: people.get(r.subjectId)!,
          rater: people.get(r.raterPersonId)!,
          group: r.raterGroup as RaterGroup,
          status: r.status,
          token,
          path: `/survey/${token}`,
        };
      });
  }

  /** Revokes one rater's survey link (a wrong person, a leaked link). Answers already submitted stay. */
  async revokeInvitation(viewer: Viewer, assignmentId: string): Promise<boolean> {
    this.access.requireHr(viewer);
    const assignment = isUuid(assignmentId)
      ? await this.dataSource.getRepository(AssignmentEntity).findOneBy({ id: assignmentId, organisationId: viewer.organisationId })
      : null;
    if (!assignment) throw new ForbiddenError('This invitation does not exist or you do not have access to it');
    if (assignment.revokedAt) return false;
    await this.outbox.transact(async ({ manager }) => {
      await manager.getRepository(AssignmentEntity).update({ id: assignment.id }, { revokedAt: new Date() });
      await this.audit.record(manager, { organisationId: viewer.organisationId, accountId: viewer.accountId, action: 'invitation.revoked', target: `assignment:${assignment.id}` });
    });
    this.progress.changed(assignment.cycleId);
    return true;
  }

  async sendReminders(viewer: Viewer, cycleId: string): Promise<number> {
    const cycle = await this.access.hrCycle(viewer, cycleId);
    this.requireStatus(cycle, ['launched'], 'send reminders');
    return this.outbox.transact(async ({ manager, emit }) => {
      const pending = await manager.getRepository(AssignmentEntity).find({ where: { cycleId: cycle.id, status: In(['invited', 'started']) } });
      const emails = new Map(
        (await manager.getRepository(PersonEntity).findBy({ id: In([...new Set(pending.map((a) => a.raterPersonId))]) })).map((p) => [p.id, p.email]),
      );
      const now = new Date();
      for (const a of pending.filter((x) => !x.revokedAt)) {
        emit(reminderRequestedV1, { cycleId: a.cycleId, subjectId: a.subjectId, assignmentId: a.id, raterPersonId: a.raterPersonId, email: emails.get(a.raterPersonId) ?? null, requestedAt: now.toISOString() }, { organisationId: cycle.organisationId });
      }
      if (pending.length) await manager.getRepository(AssignmentEntity).update({ id: In(pending.map((a) => a.id)) }, { remindedAt: now });
      await this.audit.record(manager, { organisationId: cycle.organisationId, accountId: viewer.accountId, action: 'reminders.sent', target: `cycle:${cycle.id}`, detail: { count: pending.length } });
      return pending.length;
    });
  }

  /** Closes the cycle: survey tokens stop working and submissions are refused. */
  async close(viewer: Viewer, cycleId: string): Promise<Cycle> {
    const cycle = await this.access.hrCycle(viewer, cycleId);
    this.requireStatus(cycle, ['launched'], 'close');
    const now = new Date();
    await this.outbox.transact(async ({ manager }) => {
      await manager.getRepository(CycleEntity).update(
        { id: cycle.id },
        { status: cycle.releasedAt ? 'released' : 'closed', closedAt: now, closesAt: now < cycle.closesAt ? now : cycle.closesAt },
      );
      await this.audit.record(manager, { organisationId: cycle.organisationId, accountId: viewer.accountId, action: 'cycle.closed', target: `cycle:${cycle.id}` });
    });
    this.progress.changed(cycle.id);
    return this.get(viewer, cycle.id);
  }

  async rescore(viewer: Viewer, cycleId: string, instrumentVersion?: number | null, roleProfileId?: string | null): Promise<RescoreRequest> {
    const cycle = await this.access.hrCycle(viewer, cycleId);
    this.requireStatus(cycle, ['launched', 'closed', 'released'], 'rescore');
    let instrument;
    try {
      instrument = getInstrument(cycle.instrumentId, instrumentVersion ?? cycle.instrumentVersion);
    } catch (error) {
      throw new InputError([{ field: 'instrumentVersion', message: (error as Error).message }]);
    }
    const profile = roleProfileId ?? cycle.roleProfileId;
    if (!instrument.roleProfiles.some((p) => p.id === profile)) throw new InputError([{ field: 'roleProfileId', message: `unknown role profile "${profile}"` }]);
    const rescoreId = randomUUID();
    await this.outbox.transact(async ({ manager, emit }) => {
      emit(rescoreRequestedV1, {
        rescoreId,
        cycleId: cycle.id,
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        roleProfileId: profile,
        minGroupSize: cycle.anonymityThreshold,
        requestedAt: new Date().toISOString(),
      }, { organisationId: cycle.organisationId, correlationId: rescoreId });
      await this.audit.record(manager, { organisationId: cycle.organisationId, accountId: viewer.accountId, action: 'cycle.rescore-requested', target: `cycle:${cycle.id}`, detail: { rescoreId, instrumentVersion: instrument.version, roleProfileId: profile } });
    });
    return { rescoreId, cycleId: cycle.id, instrumentVersion: instrument.version, roleProfileId: profile };
  }

  /** Invited, started and submitted per subject and rater group, and who has not answered yet. */
  async progressOf(viewer: Viewer, cycleId: string): Promise<CycleProgress> {
    const cycle = await this.access.hrCycle(viewer, cycleId);
    const assignments = await this.dataSource.getRepository(AssignmentEntity).find({ where: { cycleId: cycle.id } });
    const subjects = await this.subjectIds(cycle.id);
    const people = new Map((await this.people.byIds(viewer.organisationId, [...new Set([...subjects, ...assignments.map((a) => a.raterPersonId)])])).map((p) => [p.id, p]));
    const count = (list: AssignmentEntity[], status: 'started' | 'submitted') =>
      list.filter((a) => (status === 'submitted' ? a.status === 'submitted' : a.status !== 'invited')).length;
    const invited = assignments.filter((a) => !a.revokedAt);
    return {
      cycleId: cycle.id,
      status: cycle.status as CycleStatusValue,
      invited: invited.length,
      started: count(invited, 'started'),
      submitted: count(invited, 'submitted'),
      responseRate: invited.length ? count(invited, 'submitted') / invited.length : 0,
      subjects: subjects.map((sid) => {
        const mine = invited.filter((a) => a.subjectId === sid);
        return {
          subject: people.get(sid)!,
          groups: GROUP_ORDER.filter((g) => mine.some((a) => a.raterGroup === g)).map((g) => {
            const inGroup = mine.filter((a) => a.raterGroup === g);
            return { group: g as RaterGroup, invited: inGroup.length, started: count(inGroup, 'started'), submitted: count(inGroup, 'submitted') };
          }),
          nonResponders: mine
            .filter((a) => a.status !== 'submitted')
            .map((a) => ({ rater: people.get(a.raterPersonId)!, group: a.raterGroup as RaterGroup, started: a.status === 'started' })),
        };
      }),
    };
  }

  async subjectIds(cycleId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(CycleSubjectEntity).find({ where: { cycleId } });
    return rows.map((r) => r.personId);
  }

  requireStatus(cycle: CycleEntity, allowed: CycleEntity['status'][], action: string): void {
    if (!allowed.includes(cycle.status)) {
      throw new ConflictError(`Cannot ${action}: the cycle is ${cycle.status} (needs ${allowed.join(' or ')})`);
    }
  }

  private async requireNominationReader(viewer: Viewer, cycle: CycleEntity, subjectId: string | null): Promise<void> {
    if (viewer.isHrAdmin) return;
    if (subjectId && (viewer.personId === subjectId || (await this.access.isManagerOf(viewer.personId, subjectId)))) return;
    throw new ForbiddenError('Only HR, the subject and their manager can see nominations');
  }

  private fromRow(r: Record<string, unknown>): Partial<CycleEntity> {
    return {
      id: r.id as string,
      organisationId: r.organisation_id as string,
      name: r.name as string,
      instrumentId: r.instrument_id as string,
      instrumentVersion: r.instrument_version as number,
      roleProfileId: r.role_profile_id as string,
      anonymityThreshold: r.anonymity_threshold as number,
      minRaters: r.min_raters as CycleEntity['minRaters'],
      maxRatersPerGroup: r.max_raters_per_group as number,
      opensAt: r.opens_at as Date,
      closesAt: r.closes_at as Date,
      status: r.status as CycleEntity['status'],
      launchedAt: r.launched_at as Date | null,
      closedAt: r.closed_at as Date | null,
      releasedAt: r.released_at as Date | null,
      createdAt: r.created_at as Date,
    };
  }

  async toModel(cycle: CycleEntity): Promise<Cycle> {
    const subjects = await this.subjectIds(cycle.id);
    return {
      id: cycle.id,
      name: cycle.name,
      instrumentId: cycle.instrumentId,
      instrumentVersion: cycle.instrumentVersion,
      roleProfileId: cycle.roleProfileId,
      anonymityThreshold: cycle.anonymityThreshold,
      minRaters: GROUP_ORDER.filter((g) => cycle.minRaters[g] !== undefined).map((g) => ({ group: g as RaterGroup, count: cycle.minRaters[g]! })),
      maxRatersPerGroup: cycle.maxRatersPerGroup,
      opensAt: cycle.opensAt,
      closesAt: cycle.closesAt,
      status: cycle.status as CycleStatusValue,
      launchedAt: cycle.launchedAt,
      closedAt: cycle.closedAt,
      releasedAt: cycle.releasedAt,
      subjects: await this.people.byIds(cycle.organisationId, subjects),
    };
  }
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
