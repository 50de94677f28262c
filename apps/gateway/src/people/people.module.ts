import { Global, Module } from '@nestjs/common';
import { ImportPeopleUseCase } from './import-people.use-case';
import { ListPeopleUseCase } from './list-people.use-case';
import { PeopleRepository } from './people.repository';
import { PeopleResolver } from './people.resolver';
import { SearchColleaguesUseCase } from './search-colleagues.use-case';

/** The organisation directory. Its repository is shared: every capability shows people. */
@Global()
@Module({
  providers: [PeopleRepository, ListPeopleUseCase, ImportPeopleUseCase, SearchColleaguesUseCase, PeopleResolver],
  exports: [PeopleRepository, ListPeopleUseCase],
})
export class PeopleModule {}
