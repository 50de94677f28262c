import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { RaterGroup } from '../../surveys/dto/submit-survey.input';

@ObjectType({ description: 'One rater group on one dimension. A suppressed group shows only why, never a mean.' })
export class GroupScore {
  @Field(() => RaterGroup, { nullable: true, description: 'null for the pooled "others" figure' })
  group!: RaterGroup | null;

  @Field(() => Int)
  n!: number;

  @Field()
  suppressed!: boolean;

  @Field(() => String, { nullable: true })
  suppressionReason!: string | null;

  @Field(() => Float, { nullable: true })
  mean!: number | null;

  @Field(() => Float, { nullable: true })
  sd!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of the 95% interval of the mean' })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of the 95% interval of the mean' })
  ciHigh!: number | null;

  @Field(() => Float, { nullable: true, description: 'Within-group agreement r_wg' })
  rwg!: number | null;

  @Field(() => [RaterGroup], { description: 'The groups pooled into this figure ("others" only)' })
  includes!: RaterGroup[];
}

@ObjectType()
export class DimensionScore {
  @Field()
  dimensionId!: string;

  @Field(() => GroupScore)
  others!: GroupScore;

  @Field(() => [GroupScore])
  groups!: GroupScore[];

  @Field(() => Float, { nullable: true, description: 'self mean minus others mean, when both are published' })
  gap!: number | null;

  @Field(() => Float, { nullable: true, description: 'Target level of the role profile' })
  target!: number | null;

  @Field(() => Float, { nullable: true, description: 'others mean minus target' })
  fit!: number | null;
}

@ObjectType({ description: "A subject's multi-rater report in one cycle." })
export class SubjectReport {
  @Field()
  cycleId!: string;

  @Field()
  subjectId!: string;

  @Field(() => Int, { description: 'Increases each time the report is rescored' })
  reportVersion!: number;

  @Field(() => Int)
  responseCount!: number;

  @Field()
  scoredAt!: Date;

  @Field(() => [DimensionScore])
  dimensions!: DimensionScore[];
}
