import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Person } from '../../people/dto/person.model';
import { RaterGroup } from '../../common/rater-group';

@ObjectType({ description: 'A survey link for one rater about one subject (listing them is audited).' })
export class RaterInvitation {
  @Field(() => ID)
  assignmentId!: string;

  @Field(() => Person)
  subject!: Person;

  @Field(() => Person)
  rater!: Person;

  @Field(() => RaterGroup)
  group!: RaterGroup;

  @Field()
  status!: string;

  @Field({ description: 'The survey token; the dashboard link is /survey/<token>' })
  token!: string;

  @Field({ description: 'Path of the survey page' })
  path!: string;
}
