import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Person } from '../../people/dto/person.model';
import { RaterGroup } from '../../common/rater-group';

export enum NominationSourceValue {
  proposed = 'proposed',
  subject = 'subject',
  hr = 'hr',
}
registerEnumType(NominationSourceValue, { name: 'NominationSource' });

export enum NominationStatusValue {
  proposed = 'proposed',
  approved = 'approved',
  removed = 'removed',
}
registerEnumType(NominationStatusValue, { name: 'NominationStatus' });

@ObjectType()
export class Nomination {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => Person)
  rater!: Person;

  @Field(() => RaterGroup)
  group!: RaterGroup;

  @Field(() => NominationSourceValue)
  source!: NominationSourceValue;

  @Field(() => NominationStatusValue)
  status!: NominationStatusValue;
}
