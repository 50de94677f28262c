import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { RaterGroup } from '../../common/rater-group';

@InputType()
export class NominateRaterInput {
  @Field(() => ID)
  @IsUUID()
  cycleId!: string;

  @Field(() => ID)
  @IsUUID()
  subjectId!: string;

  @Field(() => ID)
  @IsUUID()
  raterId!: string;

  @Field(() => RaterGroup)
  @IsEnum(RaterGroup)
  group!: RaterGroup;

  @Field({ defaultValue: false, description: 'true removes the rater instead' })
  @IsOptional()
  @IsBoolean()
  remove!: boolean;
}
