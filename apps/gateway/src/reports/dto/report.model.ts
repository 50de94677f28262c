import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Person } from '../../people/dto/person.model';
import { RaterGroup } from '../../common/rater-group';
import { AgreementFlag, GapFinding, RankedDimension, Readiness, ReportComment, TransitionRisk } from './findings.model';

@ObjectType({ description: 'One rater group on one dimension. A suppressed group shows only why, never a mean.' })
export class GroupScore {
  @Field(() => RaterGroup, { nullable: true, description: 'null for the pooled "others" figure' })
  group!: RaterGroup | null;

  @Field(() => Int)
  n!: number;

  @Field()
  suppressed!: boolean;

  @Field(() => String, { nullable: true })
  suppressionReason!: string | null;

  @Field(() => Float, { nullable: true })
  mean!: number | null;

  @Field(() => Float, { nullable: true })
  sd!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of the 95% interval of the mean' })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of the 95% interval of the mean' })
  ciHigh!: number | null;

  @Field(() => Float, { nullable: true, description: 'Within-group agreement r_wg' })
  rwg!: number | null;

  @Field(() => [RaterGroup], { description: 'The groups pooled into this figure ("others" only)' })
  includes!: RaterGroup[];
}

@ObjectType()
export class DimensionScore {
  @Field()
  dimensionId!: string;

  @Field()
  name!: string;

  @Field(() => GroupScore)
  others!: GroupScore;

  @Field(() => [GroupScore])
  groups!: GroupScore[];

  @Field(() => Float, { nullable: true, description: 'self mean minus others mean, when both are published' })
  gap!: number | null;

  @Field(() => Float, { nullable: true, description: 'Target level of the role profile' })
  target!: number | null;

  @Field(() => Float, { nullable: true, description: 'others mean minus target' })
  fit!: number | null;
}

@ObjectType()
export class OverallScore {
  @Field(() => Float, { nullable: true })
  others!: number | null;

  @Field(() => Float, { nullable: true })
  self!: number | null;

  @Field(() => Float, { nullable: true })
  gap!: number | null;

  @Field(() => Float, { nullable: true })
  fit!: number | null;

  @Field(() => Int)
  dimensionsIncluded!: number;

  @Field(() => Int)
  dimensionsTotal!: number;
}

@ObjectType({ description: "A subject's multi-rater report in one cycle." })
export class SubjectReport {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => Person)
  subject!: Person;

  @Field({ description: '"live" for the cycle\'s own scoring, or a rescore id' })
  resultSet!: string;

  @Field({ description: 'live: current figures (HR); published: what the subject and manager see after release' })
  visibility!: string;

  @Field(() => Int)
  reportVersion!: number;

  @Field(() => Int)
  responseCount!: number;

  @Field()
  scoredAt!: Date;

  @Field(() => String, { nullable: true })
  roleProfileId!: string | null;

  @Field(() => OverallScore)
  overall!: OverallScore;

  @Field(() => [DimensionScore])
  dimensions!: DimensionScore[];

  @Field(() => [RankedDimension], { description: 'Highest others mean first' })
  strengths!: RankedDimension[];

  @Field(() => [RankedDimension], { description: 'Furthest above target first' })
  strengthsByFit!: RankedDimension[];

  @Field(() => [RankedDimension], { description: 'Lowest others mean first' })
  developmentAreas!: RankedDimension[];

  @Field(() => [RankedDimension], { description: 'Furthest below target first' })
  developmentAreasByFit!: RankedDimension[];

  @Field(() => [GapFinding], { description: 'Self clearly above others' })
  blindSpots!: GapFinding[];

  @Field(() => [GapFinding], { description: 'Self clearly below others' })
  hiddenStrengths!: GapFinding[];

  @Field(() => [AgreementFlag])
  lowAgreement!: AgreementFlag[];

  @Field(() => [TransitionRisk])
  transitionRisks!: TransitionRisk[];

  @Field(() => [Readiness])
  readiness!: Readiness[];

  @Field(() => [ReportComment])
  comments!: ReportComment[];
}
