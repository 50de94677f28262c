import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';

@InputType({ description: 'One answer: a point on the scale, or null for "not able to rate".' })
export class AnswerInput {
  @Field()
  @IsString()
  @Length(1, 100)
  itemId!: string;

  @Field(() => Int, { nullable: true, description: 'null = not able to rate' })
  @IsOptional()
  @IsInt()
  value!: number | null;
}

@InputType()
export class CommentInput {
  @Field()
  @IsString()
  @Length(1, 100)
  dimensionId!: string;

  @Field()
  @IsString()
  @MaxLength(2000, { message: 'text must be at most 2000 characters' })
  text!: string;
}

@InputType()
export class SurveyAnswersInput {
  @Field({ description: 'The survey token from the link' })
  @IsString()
  @Length(20, 200)
  token!: string;

  @Field(() => [AnswerInput])
  @ValidateNested({ each: true })
  @Type(() => AnswerInput)
  @ArrayMaxSize(500)
  answers!: AnswerInput[];

  @Field(() => [CommentInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => CommentInput)
  @ArrayMaxSize(50)
  comments?: CommentInput[];
}

@InputType()
export class SubmitSurveyInput extends SurveyAnswersInput {
  @Field({ description: 'Makes retries safe: the same key returns the same receipt.' })
  @IsUUID()
  idempotencyKey!: string;
}
