import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
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

  @Field(() => [HeatmapRow])
  rows!: HeatmapRow[];
}
