import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SubmissionStatusValue {
  accepted = 'accepted',
  recorded = 'recorded',
  rejected = 'rejected',
}
registerEnumType(SubmissionStatusValue, {
  name: 'SubmissionStatus',
  description: 'accepted: published for recording; recorded: stored; rejected: refused, see reasons.',
});

@ObjectType()
export class FieldProblemModel {
  @Field()
  field!: string;

  @Field()
  message!: string;
}

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
