import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A closed cycle and when its raw answers and comments are deleted under the retention setting.' })
export class CycleRetentionSchedule {
  @Field(() => ID)
  cycleId!: string;

  @Field()
  name!: string;

  @Field()
  closedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'closedAt + the retention months; null while the organisation keeps answers.' })
  deleteOn!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the deletion was sent to the services; null until then.' })
  deletedAt!: Date | null;
}

@ObjectType({ description: 'HR: how long raw answers and comments of closed cycles are kept.' })
export class ResponseRetention {
  @Field(() => Int, { nullable: true, description: 'Months after a cycle closes; null keeps them.' })
  months!: number | null;

  @Field(() => [CycleRetentionSchedule])
  cycles!: CycleRetentionSchedule[];
}
