import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "One of a cycle's result sets: the cycle's own scoring, or a rescore, with what it was scored under" })
export class ResultSet {
  @Field({ description: '"live" for the cycle\'s own scoring, or a rescore id (pass it as subjectReport\'s resultSet)' })
  id!: string;

  @Field({ description: "true for the cycle's own scoring" })
  live!: boolean;

  @Field(() => Int, { description: 'The instrument version the answers were scored under' })
  instrumentVersion!: number;

  @Field(() => String, { nullable: true, description: 'The role profile the answers were read against' })
  roleProfileId!: string | null;

  @Field(() => String, { nullable: true, description: "The role profile's name" })
  roleProfileName!: string | null;

  @Field({ description: 'When its newest report was scored' })
  scoredAt!: Date;
}
