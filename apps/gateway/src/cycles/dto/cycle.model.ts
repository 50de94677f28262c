import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Person } from '../../people/dto/person.model';
import { RaterGroup } from '../../common/rater-group';

export enum CycleStatusValue {
  DRAFT = 'draft',
  LAUNCHING = 'launching',
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

@ObjectType({ description: 'How far a launch has got: subjects whose raters are invited so far, of all the cycle’s subjects.' })
export class LaunchProgress {
  @Field(() => Int)
  subjectsLaunched!: number;

  @Field(() => Int)
  subjectsTotal!: number;
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

  @Field(() => Int, {
    description: 'Fewest respondents in a group (other than self and manager) for its comments to be shown; at least anonymityThreshold',
  })
  commentThreshold!: number;

  @Field(() => [GroupCount], { description: 'Fewest approved raters per group before launch' })
  minRaters!: GroupCount[];

  @Field(() => Int)
  maxRatersPerGroup!: number;

  @Field(() => [Int], { description: 'Automatic reminders to raters who have not submitted, in days before the close' })
  reminderDaysBeforeClose!: number[];

  @Field()
  opensAt!: Date;

  @Field()
  closesAt!: Date;

  @Field(() => CycleStatusValue)
  status!: CycleStatusValue;

  @Field(() => Date, { nullable: true })
  launchedAt!: Date | null;

  @Field(() => LaunchProgress, {
    nullable: true,
    description:
      'While LAUNCHING (subjects are launched in slices) and after: how many subjects’ raters are invited; null before the launch began',
  })
  launchProgress!: LaunchProgress | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  releasedAt!: Date | null;

  @Field(() => [Person])
  subjects!: Person[];
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
