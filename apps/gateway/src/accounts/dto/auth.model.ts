import { ROLES, type Role as RoleName } from '@leaderscope/vocabulary';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Person } from '../../people/dto/person.model';

/** The GraphQL enum of roles, built from @leaderscope/vocabulary. */
export const Role = Object.fromEntries(ROLES.map((r) => [r, r])) as { readonly [R in RoleName]: R };
export type Role = RoleName;
registerEnumType(Role, {
  name: 'Role',
  description: "HR_ADMIN runs cycles; LEADER is reviewed in a cycle; MANAGER manages people; COACH is a leader's coach in a coached cycle.",
});

@ObjectType()
export class Organisation {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'The signed-in account.' })
export class Me {
  @Field(() => ID)
  accountId!: string;

  @Field()
  email!: string;

  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => Person, { nullable: true })
  person!: Person | null;

  @Field(() => [Role])
  roles!: Role[];
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`' })
  token!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => Me)
  me!: Me;
}
