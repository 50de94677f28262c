import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsUUID } from 'class-validator';

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
}
