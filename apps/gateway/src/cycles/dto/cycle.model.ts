import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Person } from '../../people/dto/person.model';
import { RaterGroup } from '../../surveys/dto/rater-group';

export enum CycleStatusValue {
  DRAFT = 'draft',
  LAUNCHED = 'launched',
  CLOSED = 'closed',
  RELEASED = 'released',
}
registerEnumType(CycleStatusValue, { name: 'CycleStatus' });

@ObjectType()
export class GroupCount {
  @Field(() => RaterGroup)
  group!: RaterGroup;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'A 360 review cycle.' })
export class Cycle {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  instrumentId!: string;

  @Field(() => Int)
  instrumentVersion!: number;

  @Field({ description: 'The role profile whose expectations reports are read against' })
  roleProfileId!: string;

  @Field(() => Int, { description: 'Fewest raters in a group (other than self and manager) for its figures to be shown' })
  anonymityThreshold!: number;

  @Field(() => [GroupCount], { description: 'Fewest approved raters per group before launch' })
  minRaters!: GroupCount[];

  @Field(() => Int)
  maxRatersPerGroup!: number;

  @Field()
  opensAt!: Date;

  @Field()
  closesAt!: Date;

  @Field(() => CycleStatusValue)
  status!: CycleStatusValue;

  @Field(() => Date, { nullable: true })
  launchedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  releasedAt!: Date | null;

  @Field(() => [Person])
  subjects!: Person[];
}

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

  @Field(() => Person)
  rater!: Person;

  @Field(() => RaterGroup)
  group!: RaterGroup;

  @Field(() => NominationSourceValue)
  source!: NominationSourceValue;

  @Field(() => NominationStatusValue)
  status!: NominationStatusValue;
}

@ObjectType({ description: 'A survey link for one rater about one subject (listing them is audited).' })
export class RaterInvitation {
  @Field(() => ID)
  assignmentId!: string;

  @Field(() => Person)
  subject!: Person;

  @Field(() => Person)
  rater!: Person;

  @Field(() => RaterGroup)
  group!: RaterGroup;

  @Field()
  status!: string;

  @Field({ description: 'The survey token; the dashboard link is /survey/<token>' })
  token!: string;

  @Field({ description: 'Path of the survey page' })
  path!: string;
}

@ObjectType()
export class GroupProgress {
  @Field(() => RaterGroup)
  group!: RaterGroup;

  @Field(() => Int)
  invited!: number;

  @Field(() => Int)
  started!: number;

  @Field(() => Int)
  submitted!: number;
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

  @Field(() => Int)
  submitted!: number;

  @Field({ description: 'submitted / invited, 0..1' })
  responseRate!: number;

  @Field(() => [SubjectProgress])
  subjects!: SubjectProgress[];
}

@ObjectType()
export class RescoreRequest {
  @Field(() => ID)
  rescoreId!: string;

  @Field(() => ID)
  cycleId!: string;

  @Field(() => Int)
  instrumentVersion!: number;

  @Field()
  roleProfileId!: string;
}
