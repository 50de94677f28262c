import { Args, Query, Resolver } from '@nestjs/graphql';
import { SubjectReport } from './dto/subject-report.model';
import { ReportsService } from './reports.service';

@Resolver(() => SubjectReport)
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @Query(() => SubjectReport, { nullable: true, description: "A subject's report in a cycle; null until the first response is scored." })
  subjectReport(@Args('cycleId') cycleId: string, @Args('subjectId') subjectId: string): Promise<SubjectReport | null> {
    return this.reports.find(cycleId, subjectId);
  }
}
