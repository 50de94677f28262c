import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A new sign-in. Share the temporary password with the person; it is shown once.' })
export class AccountSetup {
  @Field(() => ID)
  accountId!: string;

  @Field()
  email!: string;

  @Field()
  temporaryPassword!: string;
}
