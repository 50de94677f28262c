import { isPublished, ItemResult, pulseResult } from '@leaderscope/scoring';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { InputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { CycleEntity } from '../cycles/cycle.entity';
import { FocusAreaKindValue } from '../development-plans/dto/development-plan.model';
import { PulseAccess } from './pulse-access';
import { PulseEntity } from './pulse.entity';
import { PulsesRepository } from './pulses.repository';
import { Pulse, PulseCallValue, PulseFocusAreaResult, PulseStarterValue, PulseStatusValue } from './dto/pulse.model';

const CALLS = {
  'more-effective': PulseCallValue.more_effective,
  'less-effective': PulseCallValue.less_effective,
  'not-called': PulseCallValue.not_called,
};

/**
 * A leader's follow-up pulses on a cycle's plan, newest first. Everybody entitled sees the counts;
 * the leader and their manager also the focus areas and, once the pulse closed (HR closed it, or
 * its closing time passed: no answer is taken after it), each focus area's figure from
 * `pulseResult` of `@leaderscope/scoring` over the pulse's live report (the snapshot the disclosure
 * rule allowed), suppressed below the threshold like any rater-group figure.
 */
@Injectable()
export class ReadPulsesUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly pulseAccess: PulseAccess,
    private readonly pulses: PulsesRepository,
  ) {}

  async execute(viewer: Viewer, cycleId: string, subjectId: string): Promise<Pulse[]> {
    const malformed = [
      ...(isUuid(cycleId) ? [] : [{ field: 'cycleId', message: 'is not a cycle id' }]),
      ...(isUuid(subjectId) ? [] : [{ field: 'subjectId', message: 'is not a person id' }]),
    ];
    if (malformed.length) throw new InputError(malformed);
    const cycle = await this.access.cycle(viewer, cycleId);
    const role = await this.pulseAccess.roleOf(viewer, cycle, subjectId);
    const rows = await this.pulses.pulsesOf(cycle.id, subjectId);
    return Promise.all(rows.map(({ pulse, cycle: own }) => this.view(pulse, own, role !== 'hr')));
  }

  async one(viewer: Viewer, pulseId: string): Promise<Pulse> {
    const [pulse] = (await this.execute(viewer, ...(await this.addressOf(viewer, pulseId)))).filter((p) => p.id === pulseId);
    return pulse;
  }

  private async addressOf(viewer: Viewer, pulseId: string): Promise<[string, string]> {
    const row = await this.pulses.manager.getRepository(PulseEntity).findOneBy({ pulseId, organisationId: viewer.organisationId });
    return [row!.cycleId, row!.subjectId];
  }

  private async view(pulse: PulseEntity, own: CycleEntity, entitled: boolean): Promise<Pulse> {
    const closed = own.status === 'closed' || own.status === 'released' || own.closesAt.getTime() <= Date.now();
    const counts = await this.pulses.counts(pulse.pulseId);
    let focusAreas: PulseFocusAreaResult[] | null = null;
    let comments: string[] | null = null;
    if (entitled) {
      const stored = closed ? await this.pulses.report(pulse.pulseId, pulse.subjectId) : null;
      // the report's comments passed the comment threshold already (the scoring service's rule)
      if (closed) comments = ((stored?.report as { comments?: { text: string }[] } | undefined)?.comments ?? []).map((c) => c.text);
      const items = (stored?.report as { items?: { items?: ItemResult[] } } | undefined)?.items?.items;
      const results = closed ? pulseResult({ items: items ?? emptyItems(pulse), focusAreas: pulse.focusAreas }) : null;
      focusAreas = pulse.focusAreas.map((a, i) => {
        const r = results?.[i];
        return {
          slot: a.slot,
          kind: a.kind as FocusAreaKindValue,
          id: a.id,
          label: a.label,
          result: !r
            ? null
            : isPublished(r.result)
              ? {
                  n: r.result.n,
                  shown: true,
                  mean: r.result.mean,
                  ci95Low: r.result.ci95?.[0] ?? null,
                  ci95High: r.result.ci95?.[1] ?? null,
                  call: CALLS[r.call!],
                }
              : { n: r.result.n, shown: false, mean: null, ci95Low: null, ci95High: null, call: null },
        };
      });
    }
    return {
      id: pulse.pulseId,
      cycleId: pulse.cycleId,
      subjectId: pulse.subjectId,
      planVersion: pulse.planVersion,
      status: closed ? PulseStatusValue.closed : PulseStatusValue.open,
      startedBy: pulse.startedBy as PulseStarterValue,
      startedAt: pulse.startedAt,
      closesAt: own.closedAt ?? own.closesAt,
      invited: counts.invited,
      answered: counts.answered,
      anonymityThreshold: own.anonymityThreshold,
      focusAreas,
      comments,
    };
  }
}

/** A closed pulse nobody answered has no report: every slot is suppressed with n 0. */
function emptyItems(pulse: PulseEntity): ItemResult[] {
  return pulse.focusAreas.map((a) => ({
    itemId: a.slot,
    dimensionId: 'change',
    groups: {},
    others: { suppressed: true, n: 0, reason: 'no answers outside self' },
    gap: null,
  }));
}
