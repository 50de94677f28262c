import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access.policy';
import { Viewer } from '../access/viewer';
import { ConflictError, ForbiddenError } from '../common/errors';
import { Heatmap } from './dto/heatmap.model';
import { HeatmapView } from './heatmap-view';
import { ReportsRepository } from './reports.repository';

/** A manager's view: the leaders reporting to them who were reviewed, after release (published figures). */
@Injectable()
export class TeamReportUseCase {
  constructor(
    private readonly access: AccessPolicy,
    private readonly reports: ReportsRepository,
    private readonly heatmap: HeatmapView,
  ) {}

  async execute(viewer: Viewer, cycleId: string): Promise<Heatmap> {
    const cycle = await this.access.cycle(viewer, cycleId);
    const managerId = this.access.teamManager(viewer);
    if (!cycle.releasedAt) throw new ConflictError('Team reports are available once HR releases the results', { reason: 'notReleased' });
    const members = await this.reports.teamOf(cycle.id, managerId);
    // A coached cycle: a leader's figures reach their manager only after the debrief with their coach.
    const withheld = await this.access.withheldUntilDebrief(cycle, members);
    const team = members.filter((id) => !withheld.has(id));
    if (members.length > 0 && team.length === 0)
      throw new ConflictError(
        "This is a coached cycle: each of your team's reports is shared after the leader's debrief with their coach",
        { reason: 'afterDebrief' },
      );
    if (team.length === 0) throw new ForbiddenError('None of your direct reports was reviewed in this cycle');
    return this.heatmap.of(cycle, team, 'published');
  }
}
