import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { FocusAreaKindValue } from './development-plan.model';

@InputType()
export class FocusAreaInput {
  @Field(() => FocusAreaKindValue)
  @IsEnum(FocusAreaKindValue)
  kind!: FocusAreaKindValue;

  @Field({ description: "The dimension's or item's id in the report's instrument" })
  @IsString()
  @Length(1, 100)
  id!: string;

  @Field({ description: 'What the leader will do, in their words' })
  @IsString()
  @Length(1, 2000)
  actions!: string;
}

@InputType()
export class SaveDevelopmentPlanInput {
  @Field(() => ID)
  @IsUUID()
  cycleId!: string;

  @Field(() => [FocusAreaInput], { description: 'One to three focus areas from the report' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => FocusAreaInput)
  focusAreas!: FocusAreaInput[];

  @Field({ description: 'When to review progress: a date in the future, YYYY-MM-DD' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'reviewDate must be a date written YYYY-MM-DD' })
  reviewDate!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version the leader edited; if the plan has moved on since, the save is refused (CONFLICT) instead of overwriting it',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

@InputType()
export class CommentOnDevelopmentPlanInput {
  @Field(() => ID)
  @IsUUID()
  cycleId!: string;

  @Field(() => ID)
  @IsUUID()
  subjectId!: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  body!: string;
}
