import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageInfo } from '../../common/paging';

@ObjectType({ description: 'A leader of a coached cycle, their coach (if assigned) and whether the debrief is done' })
export class CoachAssignment {
  @Field(() => ID)
  subjectId!: string;

  @Field()
  subjectName!: string;

  @Field(() => ID, { nullable: true })
  coachId!: string | null;

  @Field(() => String, { nullable: true })
  coachName!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the coach marked the debrief done; null until then' })
  debriefDoneAt!: Date | null;
}

@ObjectType({
  description:
    "HR: a cycle's coaching: whether it is coached, and how many leaders have a coach and a debrief done (who: cycleCoachingPage)",
})
export class CycleCoaching {
  @Field(() => ID)
  cycleId!: string;

  @Field({ description: "Coached: each leader's report reaches the leader and their manager only after the debrief with the coach" })
  coached!: boolean;

  @Field(() => Int, { description: 'Leaders reviewed in the cycle' })
  leaders!: number;

  @Field(() => Int, { description: 'Leaders with a coach assigned' })
  withCoach!: number;

  @Field(() => Int, { description: 'Leaders whose debrief is done ("debriefs: x of y")' })
  debriefsDone!: number;
}

@InputType({ description: 'Leaders of a coached cycle matching every criterion given' })
export class CoachAssignmentFilter {
  @Field({ nullable: true, description: 'Only the leaders without a coach' })
  @IsOptional()
  @IsBoolean()
  withoutCoachOnly?: boolean;

  @Field({ nullable: true, description: 'Only the leaders whose debrief is not done (with or without a coach)' })
  @IsOptional()
  @IsBoolean()
  debriefPendingOnly?: boolean;

  @Field({ nullable: true, description: "Part of the leader's or the coach's name or e-mail, or an exact employee id" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

@ObjectType({ description: "One page of a coached cycle's leaders, each with their coach and debrief, by the leader's name" })
export class CoachAssignmentPage {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => [CoachAssignment], { description: 'One per leader (coach null when none is assigned); empty when the cycle is not coached' })
  nodes!: CoachAssignment[];

  @Field(() => Int, { description: 'Leaders matching the filter, over all pages (0 when the cycle is not coached)' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'A leader the viewer coaches, in one coached cycle' })
export class Coachee {
  @Field(() => ID)
  cycleId!: string;

  @Field()
  cycleName!: string;

  @Field({ description: 'Whether HR has released the results (the report and the debrief start then)' })
  released!: boolean;

  @Field(() => ID)
  subjectId!: string;

  @Field()
  subjectName!: string;

  @Field(() => Date, { nullable: true })
  debriefDoneAt!: Date | null;

  @Field({ description: 'Whether the leader has saved a development plan' })
  hasPlan!: boolean;
}

@ObjectType({ description: "A coached cycle's state for one leader's report: who the coach is and whether the report is shared yet" })
export class ReportCoaching {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => String, { nullable: true, description: 'The coach; null while HR has not assigned one' })
  coachName!: string | null;

  @Field({ description: 'The coach marked the debrief done: the leader and their manager see the report' })
  debriefDone!: boolean;

  @Field(() => Date, { nullable: true })
  debriefDoneAt!: Date | null;

  @Field({ description: 'The viewer is this leader’s coach (and may mark the debrief done)' })
  viewerIsCoach!: boolean;
}
