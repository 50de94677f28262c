import { Module } from '@nestjs/common';
import { DataProtectionRepository } from './data-protection.repository';
import { DataProtectionResolver } from './data-protection.resolver';
import { ErasePersonUseCase } from './erase-person.use-case';
import { ExportPersonDataUseCase } from './export-person-data.use-case';

/** A person's data-protection requests: export everything held about them, erase them. */
@Module({ providers: [DataProtectionRepository, ExportPersonDataUseCase, ErasePersonUseCase, DataProtectionResolver] })
export class DataProtectionModule {}
