import { Global, Module } from '@nestjs/common';
import { ImportPeopleUseCase } from './import-people.use-case';
import { ListPeopleUseCase } from './list-people.use-case';
import { PeopleRepository } from './people.repository';
import { PeopleResolver } from './people.resolver';

/** The organisation directory. Its repository is shared: every capability shows people. */
@Global()
@Module({
  providers: [PeopleRepository, ListPeopleUseCase, ImportPeopleUseCase, PeopleResolver],
  exports: [PeopleRepository, ListPeopleUseCase],
})
export class PeopleModule {}
