import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageInfo, SortDirection } from '../../common/paging';
import { Person } from '../../people/dto/person.model';
import { RaterGroup } from '../../common/rater-group';
import { CycleStatusValue } from '../../cycles/dto/cycle.model';

@ObjectType()
export class GroupProgress {
  @Field(() => RaterGroup)
  group!: RaterGroup;

  @Field(() => Int)
  invited!: number;

  @Field(() => Int)
  started!: number;

  @Field(() => Int, { description: 'Submitted: received by the gateway (the rater holds a receipt).' })
  submitted!: number;

  @Field(() => Int, { description: 'Of those submitted, recorded by the survey service.' })
  recorded!: number;

  @Field(() => Int, {
    description: 'Of those submitted, stored by the scoring service: they count (whether a figure shows them is the disclosure rule’s).',
  })
  counted!: number;
}

@ObjectType({ description: 'Someone who has not submitted yet. Never what anyone answered.' })
export class NonResponder {
  @Field(() => Person)
  rater!: Person;

  @Field(() => RaterGroup)
  group!: RaterGroup;

  @Field()
  started!: boolean;
}

@ObjectType({
  description: 'Submissions received but not yet recorded or counted, and since when. Counts only, never what anyone answered.',
})
export class ProgressConsistency {
  @Field({ description: 'When this was compared.' })
  checkedAt!: Date;

  @Field(() => Int, { description: 'Received by the gateway, not recorded by the survey service.' })
  notRecorded!: number;

  @Field(() => Int, { description: 'Received by the gateway, not stored by the scoring service (includes notRecorded).' })
  notCounted!: number;

  @Field(() => Date, { nullable: true, description: 'When the oldest of them was received; null when nothing is pending.' })
  oldestReceivedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Seconds since the oldest of them was received.' })
  ageSeconds!: number | null;

  @Field({ description: 'Pending for longer than staleAfterSeconds: something is stuck, not merely in flight.' })
  stuck!: boolean;

  @Field(() => Int)
  staleAfterSeconds!: number;
}

@ObjectType()
export class SubjectProgress {
  @Field(() => Person)
  subject!: Person;

  @Field(() => [GroupProgress])
  groups!: GroupProgress[];

  @Field(() => [NonResponder])
  nonResponders!: NonResponder[];
}

@ObjectType()
export class CycleProgress {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => CycleStatusValue)
  status!: CycleStatusValue;

  @Field(() => Int)
  invited!: number;

  @Field(() => Int)
  started!: number;

  @Field(() => Int, { description: 'Submitted: received by the gateway (the rater holds a receipt).' })
  submitted!: number;

  @Field(() => Int, { description: 'Of those submitted, recorded by the survey service.' })
  recorded!: number;

  @Field(() => Int, { description: 'Of those submitted, stored by the scoring service.' })
  counted!: number;

  @Field(() => ProgressConsistency, { description: 'The difference between submitted, recorded and counted now, and how old it is.' })
  consistency!: ProgressConsistency;

  @Field({ description: 'submitted / invited, 0..1' })
  responseRate!: number;
}

export enum ProgressSortKey {
  NAME = 'NAME',
  RESPONSE_RATE = 'RESPONSE_RATE',
  AWAITING = 'AWAITING',
}
registerEnumType(ProgressSortKey, {
  name: 'ProgressSortKey',
  description:
    "The subject's name; their response rate (submitted / invited over every group, 0 with nobody invited); or how many of their raters have not submitted. Only figures the view shows.",
});

@InputType()
export class ProgressSort {
  @Field(() => ProgressSortKey)
  @IsOptional() // an absent argument reaches the pipe as {}
  @IsEnum(ProgressSortKey)
  by!: ProgressSortKey;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsOptional() // an absent argument reaches the pipe as {}
  @IsEnum(SortDirection)
  direction!: SortDirection;
}

@InputType({ description: 'Subjects matching every criterion given.' })
export class ProgressFilter {
  @Field({ nullable: true, description: "Part of the subject's name or e-mail, or their exact employee id" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;

  @Field({ nullable: true, description: 'Only subjects with raters who have not submitted yet' })
  @IsOptional()
  @IsBoolean()
  awaitingOnly?: boolean;
}

@ObjectType({ description: "One page of a cycle's progress per subject." })
export class SubjectProgressPage {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => [SubjectProgress])
  nodes!: SubjectProgress[];

  @Field(() => Int, { description: 'Subjects matching the filter, over all pages' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
