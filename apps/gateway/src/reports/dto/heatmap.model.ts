import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageInfo, SortDirection } from '../../common/paging';
import { Person } from '../../people/dto/person.model';

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

  @Field(() => [HeatmapRow], { description: 'Every row, or one page of them when `first` is given' })
  rows!: HeatmapRow[];

  @Field(() => Int, { description: 'Rows matching the filter, over all pages' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

export enum HeatmapSortKey {
  NAME = 'NAME',
  OVERALL_FIT = 'OVERALL_FIT',
  RESPONSES = 'RESPONSES',
}
registerEnumType(HeatmapSortKey, {
  name: 'HeatmapSortKey',
  description: "The subject's name, overall fit to the role profile (rows without one last), or responses counted",
});

@InputType()
export class HeatmapSort {
  @Field(() => HeatmapSortKey)
  @IsOptional() // an absent argument reaches the pipe as {}
  @IsEnum(HeatmapSortKey)
  by!: HeatmapSortKey;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsOptional() // an absent argument reaches the pipe as {}
  @IsEnum(SortDirection)
  direction!: SortDirection;
}

@InputType({ description: 'Rows whose subject matches every criterion given.' })
export class HeatmapFilter {
  @Field({ nullable: true, description: 'Part of the name or e-mail, or the exact employee id' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;

  @Field(() => Int, { nullable: true, description: 'At least this many responses counted' })
  @IsOptional()
  @IsInt()
  @Min(0)
  minResponses?: number;
}
