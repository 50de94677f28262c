import { getInstrument, InstrumentDefinition } from '@leaderscope/framework';
import { DEFAULT_INSTRUMENT_ID, DEFAULT_MIN_RATERS, DEFAULT_ROLE_PROFILE_ID } from '@leaderscope/vocabulary';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { FieldProblem, InputError } from '../common/errors';
import { CycleView } from './cycle-view';
import { commentThresholdProblems } from './set-comment-threshold.use-case';
import { CycleEntity } from './cycle.entity';
import { CyclesRepository } from './cycles.repository';
import { CreateCycleInput } from './dto/cycle.input';
import { Cycle } from './dto/cycle.model';

/** HR: a new cycle in draft, checked against the instrument, its role profiles and the calendar. */
@Injectable()
export class CreateCycleUseCase {
  constructor(
    private readonly cycles: CyclesRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
    private readonly view: CycleView,
  ) {}

  async execute(viewer: Viewer, input: CreateCycleInput): Promise<Cycle> {
    const problems: FieldProblem[] = [];
    let instrument: InstrumentDefinition | undefined;
    try {
      instrument = getInstrument(input.instrumentId ?? DEFAULT_INSTRUMENT_ID, input.instrumentVersion);
    } catch (error) {
      problems.push({
        field: input.instrumentVersion ? 'input.instrumentVersion' : 'input.instrumentId',
        message: (error as Error).message,
        code: 'unknownInstrument',
      });
    }
    const roleProfileId = input.roleProfileId ?? DEFAULT_ROLE_PROFILE_ID;
    if (instrument && !instrument.roleProfiles.some((p) => p.id === roleProfileId)) {
      problems.push({
        field: 'input.roleProfileId',
        message: `unknown role profile "${roleProfileId}" (known: ${instrument.roleProfiles.map((p) => p.id).join(', ')})`,
        code: 'unknownRoleProfile',
        values: { profile: roleProfileId },
      });
    }
    const anonymityThreshold = input.anonymityThreshold ?? 3;
    problems.push(...commentThresholdProblems('input.commentThreshold', input.commentThreshold, anonymityThreshold));
    if (input.closesAt.getTime() <= input.opensAt.getTime())
      problems.push({ field: 'input.closesAt', message: 'must be after opensAt', code: 'notAfterOpens' });
    if (input.closesAt.getTime() <= Date.now())
      problems.push({ field: 'input.closesAt', message: 'must be in the future', code: 'inThePast' });
    const minRaters: CycleEntity['minRaters'] = { ...DEFAULT_MIN_RATERS };
    const seen = new Set<string>();
    (input.minRaters ?? []).forEach((m, i) => {
      if (seen.has(m.group))
        problems.push({
          field: `input.minRaters[${i}].group`,
          message: `${m.group} is listed twice`,
          code: 'listedTwice',
          values: { group: m.group },
        });
      seen.add(m.group);
      minRaters[m.group] = m.count;
    });
    const maxRaters = input.maxRatersPerGroup ?? 8;
    for (const [group, count] of Object.entries(minRaters)) {
      if ((count ?? 0) > maxRaters)
        problems.push({
          field: 'input.minRaters',
          message: `${group} minimum ${count} is above maxRatersPerGroup ${maxRaters}`,
          code: 'minAboveMax',
          values: { group, min: count ?? 0, max: maxRaters },
        });
    }
    if (problems.length || !instrument) throw new InputError(problems);
    const cycle: CycleEntity = {
      id: randomUUID(),
      organisationId: viewer.organisationId,
      name: input.name,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      roleProfileId,
      anonymityThreshold,
      commentThreshold: input.commentThreshold ?? null,
      minRaters,
      maxRatersPerGroup: maxRaters,
      reminderDaysBeforeClose: [...new Set(input.reminderDaysBeforeClose ?? [3])].sort((a, b) => b - a),
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      status: 'draft',
      launchedAt: null,
      launchCursor: null,
      launchSubjectsTotal: null,
      launchSubjectsDone: 0,
      closedAt: null,
      releasedAt: null,
      responsesPurgedAt: null,
      createdAt: new Date(),
      kind: '360',
      askedItems: null,
    };
    await this.outbox.transact(async ({ manager }) => {
      await this.cycles.insert(manager, cycle);
      await this.audit.record(manager, {
        organisationId: viewer.organisationId,
        accountId: viewer.accountId,
        action: 'cycle.created',
        target: `cycle:${cycle.id}`,
      });
    });
    return this.view.of(cycle);
  }
}
