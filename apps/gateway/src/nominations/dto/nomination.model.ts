import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageInfo, SortDirection } from '../../common/paging';
import { Person } from '../../people/dto/person.model';
import { RaterGroup } from '../../common/rater-group';

export enum NominationSourceValue {
  proposed = 'proposed',
  subject = 'subject',
  hr = 'hr',
}
registerEnumType(NominationSourceValue, { name: 'NominationSource' });

export enum NominationStatusValue {
  proposed = 'proposed',
  approved = 'approved',
  removed = 'removed',
}
registerEnumType(NominationStatusValue, { name: 'NominationStatus' });

@ObjectType()
export class Nomination {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => Person, { description: 'The leader being reviewed' })
  subject!: Person;

  @Field(() => Person)
  rater!: Person;

  @Field(() => RaterGroup)
  group!: RaterGroup;

  @Field(() => NominationSourceValue)
  source!: NominationSourceValue;

  @Field(() => NominationStatusValue)
  status!: NominationStatusValue;
}

export enum NominationSortKey {
  SUBJECT = 'SUBJECT',
  RATER = 'RATER',
  GROUP = 'GROUP',
}
registerEnumType(NominationSortKey, {
  name: 'NominationSortKey',
  description:
    "SUBJECT: by the subject's name, then group order (self, manager, peer, …), then the rater's name; RATER: by the rater's name; GROUP: by group order, then subject and rater",
});

@InputType()
export class NominationSort {
  @Field(() => NominationSortKey)
  @IsOptional() // an absent argument reaches the pipe as {}
  @IsEnum(NominationSortKey)
  by!: NominationSortKey;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsOptional() // an absent argument reaches the pipe as {}
  @IsEnum(SortDirection)
  direction!: SortDirection;
}

@InputType({ description: 'Nominations matching every criterion given.' })
export class NominationFilter {
  @Field(() => ID, { nullable: true, description: "One subject's raters (the only list a subject or their manager may read)" })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @Field(() => [NominationStatusValue], { nullable: true, description: 'Any of these statuses (default: all)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(NominationStatusValue, { each: true })
  statuses?: NominationStatusValue[];

  @Field(() => RaterGroup, { nullable: true })
  @IsOptional()
  @IsEnum(RaterGroup)
  group?: RaterGroup;

  @Field({ nullable: true, description: "Part of the subject's or the rater's name or e-mail, or an exact employee id" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

@ObjectType({ description: 'One page of nominations.' })
export class NominationPage {
  @Field(() => [Nomination])
  nodes!: Nomination[];

  @Field(() => Int, { description: 'Nominations matching the filter, over all pages' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({
  description:
    "What proposeRaters or approveNominations did, and the nominations of its scope (one subject, or the whole cycle) per status after it. A whole cycle's nominations are not listed here: read them a page at a time with nominationPage.",
})
export class NominationSummary {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => ID, { nullable: true, description: 'The one subject of the call; null: every subject of the cycle' })
  subjectId!: string | null;

  @Field(() => Int, { description: 'Nominations this call added (proposeRaters) or approved (approveNominations)' })
  changed!: number;

  @Field(() => Int, { description: 'Subjects with at least one nomination added or approved by this call' })
  subjectsTouched!: number;

  @Field(() => Int, { description: "The scope's nominations in status proposed after the call" })
  proposed!: number;

  @Field(() => Int, { description: "The scope's nominations in status approved after the call" })
  approved!: number;

  @Field(() => Int, { description: "The scope's nominations in status removed after the call" })
  removed!: number;

  /** The organisation whose people `nominations` shows (not a field). */
  organisationId!: string;
}
