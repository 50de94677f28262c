import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FocusAreaKindValue } from '../../development-plans/dto/development-plan.model';

export enum PulseStatusValue {
  open = 'open',
  closed = 'closed',
}
registerEnumType(PulseStatusValue, {
  name: 'PulseStatus',
  description: 'A pulse collects answers until it closes; its result is shown then',
});

export enum PulseCallValue {
  more_effective = 'more_effective',
  less_effective = 'less_effective',
  not_called = 'not_called',
}
registerEnumType(PulseCallValue, {
  name: 'PulseCall',
  description: 'A change is called only when the 95% interval excludes 0 ("no change")',
});

export enum PulseStarterValue {
  leader = 'leader',
  hr = 'hr',
}
registerEnumType(PulseStarterValue, { name: 'PulseStarter' });

@ObjectType({ description: "One focus area's figure: the others' mean on the -3..+3 change scale, with its 95% interval and n" })
export class PulseFigure {
  @Field(() => Int, { description: 'Answers counted (shown also when the figure is suppressed)' })
  n!: number;

  @Field({ description: 'False below the anonymity threshold: then there is no mean, interval or call' })
  shown!: boolean;

  @Field(() => Float, { nullable: true })
  mean!: number | null;

  @Field(() => Float, { nullable: true })
  ci95Low!: number | null;

  @Field(() => Float, { nullable: true })
  ci95High!: number | null;

  @Field(() => PulseCallValue, { nullable: true })
  call!: PulseCallValue | null;
}

@ObjectType()
export class PulseFocusAreaResult {
  @Field({ description: 'The pulse item the focus area was asked as' })
  slot!: string;

  @Field(() => FocusAreaKindValue)
  kind!: FocusAreaKindValue;

  @Field({ description: "The dimension's or item's id in the followed-up cycle's instrument" })
  id!: string;

  @Field({ description: "The dimension's name or the item's text" })
  label!: string;

  @Field(() => PulseFigure, { nullable: true, description: 'Null until the pulse closes' })
  result!: PulseFigure | null;
}

@ObjectType({
  description:
    'A follow-up pulse: the leader and their manager see its focus areas and, once it closed, the result; HR sees only the counts',
})
export class Pulse {
  @Field(() => ID, { description: "The pulse's own cycle" })
  id!: string;

  @Field(() => ID, { description: 'The released cycle it follows up' })
  cycleId!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => Int)
  planVersion!: number;

  @Field(() => PulseStatusValue)
  status!: PulseStatusValue;

  @Field(() => PulseStarterValue)
  startedBy!: PulseStarterValue;

  @Field()
  startedAt!: Date;

  @Field()
  closesAt!: Date;

  @Field(() => Int, { description: 'Raters invited' })
  invited!: number;

  @Field(() => Int, { description: 'Raters who answered' })
  answered!: number;

  @Field(() => Int)
  anonymityThreshold!: number;

  @Field(() => [PulseFocusAreaResult], {
    nullable: true,
    description: 'The leader and their manager only (null for HR): the focus areas, with the result once the pulse closed',
  })
  focusAreas!: PulseFocusAreaResult[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "The raters' comments as the pulse's report shows them (only with enough respondents, shuffled, without names): the leader and their manager, once it closed",
  })
  comments!: string[] | null;
}

@ObjectType({ description: 'What a follow-up pulse follows up: the released cycle and the leader whose plan it asks about' })
export class PulseOrigin {
  @Field(() => ID, { description: 'The released 360 cycle' })
  cycleId!: string;

  @Field(() => ID, { description: 'The leader' })
  subjectId!: string;
}
