import { DEFAULT_INSTRUMENT_ID, getInstrument, InstrumentDefinition } from '@leaderscope/framework';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Viewer } from '../access/viewer';
import { AuditRepository } from '../common/audit.repository';
import { FieldProblem, InputError } from '../common/errors';
import { RaterGroupName } from '../common/rater-group';
import { CycleView } from './cycle-view';
import { CycleEntity } from './cycle.entity';
import { CyclesRepository } from './cycles.repository';
import { CreateCycleInput } from './dto/cycle.input';
import { Cycle } from './dto/cycle.model';

const DEFAULT_MIN_RATERS: Partial<Record<RaterGroupName, number>> = { self: 1, manager: 1, peer: 3, direct_report: 3 };

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
    if (problems.length || !instrument) throw new InputError(problems);
    const cycle: CycleEntity = {
      id: randomUUID(),
      organisationId: viewer.organisationId,
      name: input.name,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
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
      createdAt: new Date(),
    };
    await this.outbox.transact(async ({ manager }) => {
      await this.cycles.insert(manager, cycle);
      await this.audit.record(manager, { organisationId: viewer.organisationId, accountId: viewer.accountId, action: 'cycle.created', target: `cycle:${cycle.id}` });
    });
    return this.view.of(cycle);
  }
}
