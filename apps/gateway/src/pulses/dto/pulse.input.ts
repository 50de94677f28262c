import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { RaterGroup } from '../../common/rater-group';

/** At most this many people asked in a pulse besides the followed-up cycle's raters. */
export const MAX_NEW_PULSE_RATERS = 20;

@InputType({ description: 'Someone asked in a follow-up pulse who was not a rater of the leader in the cycle it follows up' })
export class PulseRaterInput {
  @Field(() => ID)
  @IsUUID()
  personId!: string;

  @Field(() => RaterGroup, {
    description: 'What they are to the leader; the leader may add peers and partners (other), HR anyone but self',
  })
  @IsEnum(RaterGroup)
  group!: RaterGroup;
}

@InputType({ description: "Start a follow-up pulse on a leader's development plan of a released cycle" })
export class StartPulseInput {
  @Field(() => ID, { description: 'The released cycle whose report the plan was made from' })
  @IsUUID()
  cycleId!: string;

  @Field(() => ID, { description: 'The leader' })
  @IsUUID()
  subjectId!: string;

  @Field({ description: 'When the pulse closes: at least a day and at most 60 days from now' })
  @Type(() => Date)
  @IsDate()
  closesAt!: Date;

  @Field(() => [PulseRaterInput], {
    nullable: true,
    description: `People to ask besides the followed-up cycle's raters (at most ${MAX_NEW_PULSE_RATERS}), e.g. colleagues who started working with the leader since`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_NEW_PULSE_RATERS)
  @ValidateNested({ each: true })
  @Type(() => PulseRaterInput)
  newRaters?: PulseRaterInput[] | null;
}
