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
