import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'HR: everything Leaderscope holds about one person, as a JSON document (never their answers: docs/data-protection.md).',
})
export class PersonDataExport {
  @Field(() => ID)
  personId!: string;

  @Field()
  generatedAt!: Date;

  @Field({
    description:
      'The export as JSON text (person, account, cycles, nominations, rater assignments without answers, coaching, development plans and their comments, mails, audit).',
  })
  json!: string;
}

@ObjectType({ description: 'HR: what erasing a person did.' })
export class PersonErasure {
  @Field(() => ID)
  personId!: string;

  @Field()
  erasedAt!: Date;

  @Field(() => Int, { description: 'Sign-ins deleted.' })
  accountsDeleted!: number;

  @Field(() => Int, { description: 'Survey links of theirs not yet answered, revoked.' })
  linksRevoked!: number;
}
