import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { RaterGroup } from '../../common/rater-group';

@InputType()
export class GroupCountInput {
  @Field(() => RaterGroup)
  @IsEnum(RaterGroup)
  group!: RaterGroup;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(50)
  count!: number;
}

@InputType()
export class CreateCycleInput {
  @Field()
  @IsString()
  @Length(1, 200)
  name!: string;

  @Field({ nullable: true, description: 'Defaults to the leader-of-leaders instrument' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  instrumentId?: string;

  @Field(() => Int, { nullable: true, description: 'Defaults to the latest version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  instrumentVersion?: number;

  @Field({ nullable: true, description: 'Defaults to leader-of-leaders' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  roleProfileId?: string;

  @Field(() => Int, { nullable: true, defaultValue: 3, description: 'At least 3 is recommended; 2 is the lowest allowed' })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(20)
  anonymityThreshold?: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Stricter threshold for comments: fewest respondents in a group for its comments to be shown (from anonymityThreshold to 50; default anonymityThreshold)',
  })
  @IsOptional()
  @IsInt()
  commentThreshold?: number | null;

  @Field(() => [GroupCountInput], { nullable: true, description: 'Defaults: self 1, manager 1, peer 3, direct_report 3' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => GroupCountInput)
  @ArrayMaxSize(6)
  minRaters?: GroupCountInput[];

  @Field(() => Int, { nullable: true, defaultValue: 8 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  maxRatersPerGroup?: number;

  @Field(() => [Int], {
    nullable: true,
    description: 'Automatic reminders to raters who have not submitted, in days before the close (default [3]; [] for none)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(60, { each: true })
  reminderDaysBeforeClose?: number[];

  @Field()
  @Type(() => Date)
  @IsDate()
  opensAt!: Date;

  @Field()
  @Type(() => Date)
  @IsDate()
  closesAt!: Date;
}
