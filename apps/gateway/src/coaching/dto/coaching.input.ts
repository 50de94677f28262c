import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsString, IsUUID, Length } from 'class-validator';

@InputType({
  description: 'HR assigns one coach to one or several leaders of a coached cycle (replacing their coach, until the debrief is done)',
})
export class AssignCoachInput {
  @Field(() => ID)
  @IsUUID()
  cycleId!: string;

  @Field(() => ID, { description: 'A person of the organisation (an external coach is added to the people directory first)' })
  @IsString()
  @Length(1, 100)
  coachId!: string;

  @Field(() => [ID], { description: 'Leaders reviewed in the cycle' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  subjectIds!: string[];
}
