import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { RaterGroup } from '../../common/rater-group';

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
