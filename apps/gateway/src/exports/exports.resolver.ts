import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { HrOnly } from '../access/hr-only.guard';
import { CurrentViewer, Viewer } from '../access/viewer';
import { ExportCsvUseCase } from './export-csv.use-case';

@Resolver()
export class ExportsResolver {
  constructor(private readonly exportCsv: ExportCsvUseCase) {}

  @HrOnly()
  @Query(() => String, { description: "HR: the cycle's figures as CSV (suppressed groups without means)." })
  cycleResultsCsv(@CurrentViewer() viewer: Viewer, @Args('cycleId', { type: () => ID }) cycleId: string): Promise<string> {
    return this.exportCsv.execute(viewer, cycleId);
  }
}
