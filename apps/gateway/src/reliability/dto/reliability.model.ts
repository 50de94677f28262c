import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageInfo } from '../../common/paging';
import { GroupCount } from '../../cycles/dto/cycle.model';
import { Person } from '../../people/dto/person.model';

@ObjectType()
export class DimensionAlpha {
  @Field() dimensionId!: string;
  @Field() name!: string;
  @Field(() => Float, { nullable: true, description: "Cronbach's alpha over raters who answered every item of the dimension" }) alpha!:
    number | null;
  @Field(() => Int) respondents!: number;
  @Field(() => Int) items!: number;
}

@ObjectType({ description: 'Agreement between raters of one group about the same leader' })
export class GroupReliability {
  @Field() group!: string;
  @Field(() => Float, { nullable: true, description: 'ICC(1): reliability of one rater of this group (mean over dimensions)' }) icc1!:
    number | null;
  @Field(() => Float, { nullable: true, description: "ICC(1,k): reliability of the group's mean (mean over dimensions)" }) icck!:
    number | null;
  @Field(() => Int, { description: 'Subjects with at least one rater of this group (largest over dimensions)' }) subjects!: number;
}

@ObjectType()
export class NormAvailability {
  @Field() dimensionId!: string;
  @Field() name!: string;
  @Field(() => Int, { description: 'Subjects with a published others score' }) n!: number;
  @Field() available!: boolean;
}

@ObjectType()
export class ReliabilityWarning {
  @Field({ description: 'below-threshold, exactly-threshold or below-target' }) code!: string;
  @Field() message!: string;
}

@ObjectType({ description: 'Projected reliability of one rater group of one subject, from the number invited (Spearman–Brown)' })
export class GroupProjection {
  @Field() group!: string;
  @Field(() => Int) invited!: number;
  @Field(() => Float, { nullable: true }) singleRater!: number | null;
  @Field({ description: 'organisation (own ICC(1)), published (Conway & Huffcutt 1997) or none' }) source!: string;
  @Field() sourceNote!: string;
  @Field(() => Float, { nullable: true }) projected!: number | null;
  @Field(() => Int, { nullable: true, description: 'Raters needed for .70' }) ratersForTarget!: number | null;
  @Field(() => [ReliabilityWarning]) warnings!: ReliabilityWarning[];
}

@ObjectType()
export class SubjectProjection {
  @Field(() => Person) subject!: Person;
  @Field(() => [GroupProjection]) groups!: GroupProjection[];
}

@ObjectType({ description: "HR: a cycle's reliability — measured (after scoring) and projected (from who is invited)" })
export class CycleReliability {
  @Field() cycleId!: string;
  @Field() resultSet!: string;
  @Field(() => Date, { nullable: true, description: 'When the measured figures were computed; null before the cycle was scored' })
  scoredAt!: Date | null;
  @Field(() => Int, { nullable: true }) subjectCount!: number | null;
  @Field(() => [DimensionAlpha]) alpha!: DimensionAlpha[];
  @Field(() => [GroupReliability]) groups!: GroupReliability[];
  @Field(() => [NormAvailability]) norms!: NormAvailability[];
  @Field(() => Int, { description: 'Subjects with someone invited (the projection lists them: cycleReliabilityProjection)' })
  projectedSubjects!: number;
  @Field(() => Int, { description: 'Subjects with a rater group at or below the anonymity threshold (its figures may be withheld)' })
  atRiskSubjects!: number;
  @Field(() => Float) target!: number;
}

@ObjectType()
export class NormFigure {
  @Field(() => Float, { nullable: true, description: 'Percentile (mid-rank), null when the norm group is too small' }) percentile!:
    number | null;
  @Field(() => Int) normSize!: number;
  @Field() available!: boolean;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType()
export class DimensionNorm {
  @Field() dimensionId!: string;
  @Field() name!: string;
  @Field(() => NormFigure, { description: 'Within this cycle' }) cycle!: NormFigure;
  @Field(() => NormFigure, {
    description: 'Within the organisation: this cycle and closed cycles of the same instrument version and role profile',
  })
  organisation!: NormFigure;
  @Field(() => Int) organisationCycles!: number;
}

@ObjectType({ description: "Whom one cycle's others figure rests on: n per group shown on the dimension, and raters merged in" })
export class GroupMix {
  @Field(() => [GroupCount], { description: 'Groups shown on the dimension, in the usual group order' }) published!: GroupCount[];
  @Field(() => Int, { description: 'Raters of groups too small to show alone, merged into others' }) merged!: number;
}

@ObjectType()
export class DimensionChange {
  @Field() dimensionId!: string;
  @Field() name!: string;
  @Field(() => Float, { nullable: true }) previous!: number | null;
  @Field(() => Float, { nullable: true }) current!: number | null;
  @Field(() => Float, { nullable: true, description: 'current − previous' }) change!: number | null;
  @Field(() => Float, { nullable: true }) ciLow!: number | null;
  @Field(() => Float, { nullable: true }) ciHigh!: number | null;
  @Field({ description: 'improved / declined (interval excludes zero), no-clear-change, not-comparable' }) call!: string;
  @Field(() => Float, { nullable: true, description: "Share of the dimension's items the previous instrument also had" }) itemsInCommon!:
    number | null;
  @Field(() => Int, { nullable: true }) previousRaters!: number | null;
  @Field(() => Int, { nullable: true }) currentRaters!: number | null;
  @Field(() => GroupMix, { nullable: true, description: "Group mix of the previous cycle's others; null when not shown" })
  previousGroupMix!: GroupMix | null;
  @Field(() => GroupMix, { nullable: true, description: "Group mix of this cycle's others; null when not shown" })
  currentGroupMix!: GroupMix | null;
}

@ObjectType({ description: "Like-for-like trend: the previous closed cycle rescored under this cycle's instrument version" })
export class Trend {
  @Field() previousCycleId!: string;
  @Field(() => Int) previousInstrumentVersion!: number;
  @Field(() => Int) instrumentVersion!: number;
  @Field(() => Float, { nullable: true, description: 'Share of current raters who also rated last time; null when unknown' })
  ratersInCommon!: number | null;
  @Field(() => [DimensionChange]) dimensions!: DimensionChange[];
}

@ObjectType()
export class ReportComparisons {
  @Field(() => [DimensionNorm]) norms!: DimensionNorm[];
  @Field(() => Trend, { nullable: true }) trend!: Trend | null;
}

@InputType()
export class ProjectionFilter {
  @Field({ nullable: true, description: 'Only subjects with a rater group at or below the anonymity threshold' })
  @IsOptional()
  @IsBoolean()
  atRiskOnly?: boolean;
}

@ObjectType({ description: 'One page of the projected reliability per subject, by name.' })
export class SubjectProjectionPage {
  @Field(() => ID) cycleId!: string;
  @Field(() => [SubjectProjection]) nodes!: SubjectProjection[];
  @Field(() => Int, { description: 'Subjects matching the filter, over all pages' }) totalCount!: number;
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
