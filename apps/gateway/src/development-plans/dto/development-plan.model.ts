import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageInfo } from '../../common/paging';

export enum FocusAreaKindValue {
  dimension = 'dimension',
  item = 'item',
}
registerEnumType(FocusAreaKindValue, {
  name: 'FocusAreaKind',
  description: 'A focus area is a dimension or a single item of the instrument',
});

@ObjectType()
export class FocusArea {
  @Field(() => FocusAreaKindValue)
  kind!: FocusAreaKindValue;

  @Field({ description: "The dimension's or item's id in the cycle's instrument" })
  id!: string;

  @Field({ description: "The dimension's name, or the item's text" })
  label!: string;

  @Field({ description: 'The dimension (for an item: the dimension it belongs to)' })
  dimensionId!: string;

  @Field()
  dimensionName!: string;

  @Field()
  actions!: string;
}

@ObjectType({ description: 'One saved version of a development plan' })
export class DevelopmentPlanVersion {
  @Field(() => Int)
  version!: number;

  @Field(() => [FocusArea])
  focusAreas!: FocusArea[];

  @Field({ description: 'YYYY-MM-DD' })
  reviewDate!: string;

  @Field()
  savedAt!: Date;
}

@ObjectType()
export class DevelopmentPlanComment {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version of the plan the comment was written on' })
  planVersion!: number;

  @Field()
  authorName!: string;

  @Field()
  body!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: "A leader's development plan from a released report: seen by the leader and their manager only" })
export class DevelopmentPlan {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => Int, { description: 'The current version (each save is a new one)' })
  version!: number;

  @Field(() => [FocusArea])
  focusAreas!: FocusArea[];

  @Field({ description: 'YYYY-MM-DD' })
  reviewDate!: string;

  @Field()
  savedAt!: Date;

  @Field({ description: 'The viewer is the leader: they may edit it' })
  editable!: boolean;

  @Field({ description: "The viewer is the leader's manager: they may comment" })
  commentable!: boolean;

  @Field(() => [DevelopmentPlanVersion], { description: 'Every version, newest first' })
  history!: DevelopmentPlanVersion[];

  @Field(() => [DevelopmentPlanComment], { description: "The manager's comments, oldest first" })
  comments!: DevelopmentPlanComment[];
}

@ObjectType({ description: 'Whether a leader has a development plan: never its content' })
export class DevelopmentPlanExistence {
  @Field(() => ID)
  subjectId!: string;

  @Field()
  name!: string;

  @Field()
  employeeId!: string;

  @Field()
  hasPlan!: boolean;
}

@ObjectType({ description: "HR's view of a cycle's development plans: who has one, nothing more" })
export class DevelopmentPlanCoverage {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => Int, { description: 'Leaders reviewed in the cycle' })
  leaders!: number;

  @Field(() => Int, { description: 'Of them, those with a development plan' })
  withPlan!: number;
}

@InputType()
export class PlanCoverageFilter {
  @Field({ nullable: true, description: 'Only the leaders without a development plan' })
  @IsOptional()
  @IsBoolean()
  withoutPlanOnly?: boolean;
}

@ObjectType({ description: "One page of a cycle's leaders and whether each has a development plan, by name" })
export class DevelopmentPlanExistencePage {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => [DevelopmentPlanExistence])
  nodes!: DevelopmentPlanExistence[];

  @Field(() => Int, { description: 'Leaders matching the filter, over all pages' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
