import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class FieldProblemModel {
  @Field()
  field!: string;

  @Field()
  message!: string;
}
