import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export enum RaterGroup {
  self = 'self',
  manager = 'manager',
  peer = 'peer',
  direct_report = 'direct_report',
  skip_level = 'skip_level',
  other = 'other',
}
registerEnumType(RaterGroup, { name: 'RaterGroup', description: 'Who a rater is to the subject.' });

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
  @MaxLength(4000, { message: 'text must be at most 4000 characters' })
  text!: string;
}

@InputType()
export class SubmitSurveyInput {
  @Field({ description: 'Makes retries safe: the same key returns the same receipt.' })
  @IsUUID()
  idempotencyKey!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  cycleId!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  subjectId!: string;

  @Field({ description: 'The rater assignment (opaque).' })
  @IsString()
  @Length(1, 100)
  raterId!: string;

  @Field(() => RaterGroup)
  @IsIn(Object.values(RaterGroup))
  raterGroup!: RaterGroup;

  @Field(() => Int, { nullable: true, description: 'Instrument version; the latest when omitted.' })
  @IsOptional()
  @IsInt()
  instrumentVersion?: number;

  @Field(() => [AnswerInput])
  @ValidateNested({ each: true })
  @Type(() => AnswerInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  answers!: AnswerInput[];

  @Field(() => [CommentInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => CommentInput)
  @ArrayMaxSize(50)
  comments?: CommentInput[];
}
