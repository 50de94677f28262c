import { Module } from '@nestjs/common';
import { CommentOnDevelopmentPlanUseCase } from './comment-on-development-plan.use-case';
import { DevelopmentPlanCoverageUseCase } from './development-plan-coverage.use-case';
import { DevelopmentPlansRepository } from './development-plans.repository';
import { DevelopmentPlansResolver } from './development-plans.resolver';
import { ReadDevelopmentPlanUseCase } from './read-development-plan.use-case';
import { SaveDevelopmentPlanUseCase } from './save-development-plan.use-case';

/** From report to growth: the leader's development plan, the manager's comments, HR's "who has a plan". */
@Module({
  providers: [
    DevelopmentPlansRepository,
    SaveDevelopmentPlanUseCase,
    CommentOnDevelopmentPlanUseCase,
    ReadDevelopmentPlanUseCase,
    DevelopmentPlanCoverageUseCase,
    DevelopmentPlansResolver,
  ],
})
export class DevelopmentPlansModule {}
