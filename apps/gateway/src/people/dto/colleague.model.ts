import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../common/paging';

/**
 * Someone a leader may propose as a rater, as the leader sees them: who they are and where they
 * work, never their e-mail address, employee id or reporting line.
 */
@ObjectType({ description: 'A colleague as a leader proposing raters sees them: name, title and department only.' })
export class Colleague {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  department!: string | null;
}

@ObjectType({ description: 'One page of colleagues found by name.' })
export class ColleaguePage {
  @Field(() => [Colleague])
  nodes!: Colleague[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
