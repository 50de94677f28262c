import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
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

  @Field(() => [SubjectProgress])
  subjects!: SubjectProgress[];
}
