import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Person } from '../../people/dto/person.model';
import { RaterGroup } from '../../surveys/dto/rater-group';

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

@ObjectType()
export class RankedDimension {
  @Field()
  dimensionId!: string;

  @Field()
  name!: string;

  @Field(() => Float)
  others!: number;

  @Field(() => Float, { nullable: true })
  target!: number | null;

  @Field(() => Float, { nullable: true })
  fit!: number | null;
}

@ObjectType({ description: 'A self–others gap that is large and statistically clear (its 95% interval excludes zero).' })
export class GapFinding {
  @Field()
  dimensionId!: string;

  @Field()
  name!: string;

  @Field(() => Float)
  self!: number;

  @Field(() => Float)
  others!: number;

  @Field(() => Float)
  gap!: number;

  @Field(() => Float)
  ciLow!: number;

  @Field(() => Float)
  ciHigh!: number;
}

@ObjectType({ description: 'Raters disagree here (r_wg below 0.5): read the mean with care.' })
export class AgreementFlag {
  @Field()
  dimensionId!: string;

  @Field()
  name!: string;

  @Field({ description: '"others" or a rater group' })
  scope!: string;

  @Field(() => Float)
  rwg!: number;

  @Field(() => Int)
  n!: number;
}

@ObjectType()
export class TransitionRisk {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field({ description: 'flagged, clear or insufficient-data' })
  status!: string;

  @Field(() => Int)
  signalsOn!: number;

  @Field(() => Int)
  signalsEvaluated!: number;

  @Field(() => Int)
  minSignals!: number;
}

@ObjectType({ description: 'How the same answers read against a role profile.' })
export class Readiness {
  @Field()
  profileId!: string;

  @Field()
  name!: string;

  @Field({ description: 'ready, developing, not-yet or insufficient-data' })
  status!: string;

  @Field(() => Float, { nullable: true, description: 'Share of assessed dimensions at or near target' })
  share!: number | null;

  @Field(() => Float, { nullable: true })
  meanFit!: number | null;

  @Field(() => Int)
  assessed!: number;

  @Field(() => Int)
  meets!: number;
}

@ObjectType({ description: 'A comment that may be shown: from a group at or above the threshold, never attributed.' })
export class ReportComment {
  @Field(() => String, { nullable: true })
  dimensionId!: string | null;

  @Field(() => RaterGroup)
  group!: RaterGroup;

  @Field()
  text!: string;
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

@ObjectType()
export class HeatmapCell {
  @Field()
  dimensionId!: string;

  @Field(() => Float, { nullable: true })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: 'others mean minus target' })
  fit!: number | null;

  @Field()
  suppressed!: boolean;
}

@ObjectType()
export class HeatmapRow {
  @Field(() => Person)
  subject!: Person;

  @Field(() => Int)
  responseCount!: number;

  @Field(() => Float, { nullable: true })
  overallFit!: number | null;

  @Field(() => [HeatmapCell])
  cells!: HeatmapCell[];
}

@ObjectType()
export class HeatmapDimension {
  @Field()
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'Subjects × dimensions, coloured by fit to the role profile.' })
export class Heatmap {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => [HeatmapDimension])
  dimensions!: HeatmapDimension[];

  @Field(() => [HeatmapRow])
  rows!: HeatmapRow[];
}
