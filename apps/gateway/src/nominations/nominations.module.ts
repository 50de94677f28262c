import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { ApproveNominationsUseCase } from './approve-nominations.use-case';
import { ListNominationsUseCase } from './list-nominations.use-case';
import { NominateRaterUseCase } from './nominate-rater.use-case';
import { NominationView } from './nomination-view';
import { NominationsRepository } from './nominations.repository';
import { NominationsResolver, NominationSummaryResolver } from './nominations.resolver';
import { ProposeRatersUseCase } from './propose-raters.use-case';

/** Choosing raters: proposals from reporting lines, nominations by HR and the subject, the manager's approval. */
@Module({
  imports: [CyclesModule],
  providers: [
    NominationsRepository,
    NominationView,
    ProposeRatersUseCase,
    ListNominationsUseCase,
    NominateRaterUseCase,
    ApproveNominationsUseCase,
    NominationsResolver,
    NominationSummaryResolver,
  ],
  exports: [NominationsRepository],
})
export class NominationsModule {}
