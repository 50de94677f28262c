import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageInfo, SortDirection } from '../../common/paging';

@ObjectType({ description: 'Someone in the organisation directory.' })
export class Person {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The HRIS employee id' })
  employeeId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  department!: string | null;

  @Field(() => ID, { nullable: true })
  managerId!: string | null;

  @Field(() => Int, { description: 'People who report to them directly' })
  directReportCount!: number;

  @Field({ description: 'Leads people who themselves lead others' })
  isLeaderOfLeaders!: boolean;
}

export enum ImportAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(ImportAction, { name: 'ImportAction' });

@ObjectType({ description: 'A problem in one cell of the import: fix it and import again; nothing was changed.' })
export class ImportRowError {
  @Field(() => Int, { description: 'Line in the file (the header is line 1)' })
  line!: number;

  @Field()
  column!: string;

  @Field()
  reason!: string;
}

@ObjectType()
export class ImportPreviewRow {
  @Field(() => Int)
  line!: number;

  @Field()
  employeeId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  managerEmployeeId!: string | null;

  @Field(() => ImportAction)
  action!: ImportAction;
}

@ObjectType()
export class ImportPeopleResult {
  @Field({ description: 'True when this was only a preview' })
  dryRun!: boolean;

  @Field({ description: 'True when the directory was changed' })
  applied!: boolean;

  @Field(() => Int)
  rows!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => [ImportRowError])
  errors!: ImportRowError[];

  @Field(() => [ImportPreviewRow], { description: 'At most the first 200 rows' })
  preview!: ImportPreviewRow[];
}

export enum PeopleSortKey {
  NAME = 'NAME',
  EMPLOYEE_ID = 'EMPLOYEE_ID',
}
registerEnumType(PeopleSortKey, { name: 'PeopleSortKey' });

@InputType()
export class PeopleSort {
  @Field(() => PeopleSortKey)
  @IsOptional() // an absent argument reaches the pipe as {}
  @IsEnum(PeopleSortKey)
  by!: PeopleSortKey;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsOptional() // an absent argument reaches the pipe as {}
  @IsEnum(SortDirection)
  direction!: SortDirection;
}

@InputType({ description: 'People matching every criterion given.' })
export class PeopleFilterInput {
  @Field({ nullable: true, description: 'Part of the name or e-mail, or the exact employee id' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;

  @Field({ nullable: true, description: 'Only people whose reports have reports' })
  @IsOptional()
  @IsBoolean()
  leadersOfLeadersOnly?: boolean;
}

@ObjectType({ description: 'One page of the directory.' })
export class PersonPage {
  @Field(() => [Person])
  nodes!: Person[];

  @Field(() => Int, { description: 'People matching the filter, over all pages' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

export enum ImportPhase {
  reading = 'reading',
  checking = 'checking',
  applying = 'applying',
  done = 'done',
  failed = 'failed',
}
registerEnumType(ImportPhase, {
  name: 'ImportPhase',
  description: "reading the file, checking the rows, writing them; then done, or failed (see the mutation's errors)",
});

@ObjectType({ description: 'How far a directory import has got.' })
export class ImportProgress {
  @Field(() => ID)
  importId!: string;

  @Field(() => ImportPhase)
  phase!: ImportPhase;

  @Field(() => Int, { description: 'Rows done in this phase' })
  done!: number;

  @Field(() => Int, { description: 'Rows in this phase' })
  total!: number;
}
