import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FieldProblemModel } from '../../common/field-problem.model';
import { RaterGroup } from '../../common/rater-group';

@ObjectType()
export class ScalePoint {
  @Field(() => Int)
  value!: number;

  @Field()
  label!: string;
}

@ObjectType()
export class SurveyItem {
  @Field(() => ID)
  id!: string;

  @Field()
  text!: string;
}

@ObjectType()
export class SurveyDimension {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => [SurveyItem], { description: "Only the items the rater's group can observe" })
  items!: SurveyItem[];
}

@ObjectType()
export class AnswerValue {
  @Field()
  itemId!: string;

  @Field(() => Int, { nullable: true })
  value!: number | null;
}

@ObjectType()
export class CommentValue {
  @Field()
  dimensionId!: string;

  @Field()
  text!: string;
}

@ObjectType({ description: 'What a rater sees behind their survey link.' })
export class RaterSurvey {
  @Field()
  cycleName!: string;

  @Field()
  subjectName!: string;

  @Field(() => RaterGroup, { description: "The rater's relationship to the subject" })
  relationship!: RaterGroup;

  @Field({ description: 'The anonymity promise, in plain words' })
  anonymityNote!: string;

  @Field(() => Int)
  anonymityThreshold!: number;

  @Field({ description: "True for groups whose answers are shown even when alone (the subject's manager, self)" })
  identifiable!: boolean;

  @Field()
  closesAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'Set once the survey has closed: the link then shows "this survey closed on …" and no form (no dimensions)',
  })
  closedAt!: Date | null;

  @Field({ description: 'invited, started or submitted; a submitted survey is read-only' })
  status!: string;

  @Field(() => Date, { nullable: true, description: 'When the survey was submitted (a submitted survey shows this, never its answers)' })
  submittedAt!: Date | null;

  @Field(() => [ScalePoint])
  scale!: ScalePoint[];

  @Field()
  notAbleToRateLabel!: string;

  @Field(() => [SurveyDimension], { description: 'What to answer; empty once the survey is submitted or closed' })
  dimensions!: SurveyDimension[];

  @Field(() => [AnswerValue], { description: "The saved draft; empty once submitted (answers are the rater's alone)" })
  answers!: AnswerValue[];

  @Field(() => [CommentValue])
  comments!: CommentValue[];
}

@ObjectType()
export class DraftSaved {
  @Field()
  savedAt!: Date;

  @Field(() => Int)
  answered!: number;

  @Field(() => Int)
  total!: number;
}

export enum SubmissionStatusValue {
  accepted = 'accepted',
  recorded = 'recorded',
  rejected = 'rejected',
}
registerEnumType(SubmissionStatusValue, {
  name: 'SubmissionStatus',
  description: 'accepted: published for recording; recorded: stored; rejected: refused, see reasons.',
});

@ObjectType({ description: 'What the gateway accepted. The same idempotency key returns the same receipt.' })
export class SubmissionReceipt {
  @Field(() => ID)
  submissionId!: string;

  @Field(() => SubmissionStatusValue)
  status!: SubmissionStatusValue;

  @Field()
  acceptedAt!: Date;

  @Field(() => [FieldProblemModel])
  reasons!: FieldProblemModel[];
}
