import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RaterGroup } from '../../common/rater-group';

@ObjectType({
  description:
    'What happened to one mail: queued, sent, deferred (retrying), failed (with the SMTP reason), recorded (no mail server: in the mail outbox) or skipped (with why).',
})
export class MailDeliveryState {
  @Field(() => ID)
  mailId!: string;

  @Field()
  status!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Int)
  attempts!: number;

  @Field()
  updatedAt!: Date;
}

@ObjectType({ description: "A rater's mails in a cycle (never the link)." })
export class RaterMailDelivery {
  @Field(() => ID)
  assignmentId!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field()
  subjectName!: string;

  @Field()
  raterName!: string;

  @Field(() => String, { nullable: true })
  raterEmail!: string | null;

  @Field(() => RaterGroup)
  group!: RaterGroup;

  @Field({ description: 'invited, started or submitted' })
  surveyStatus!: string;

  @Field(() => MailDeliveryState, { nullable: true })
  invitation!: MailDeliveryState | null;

  @Field(() => MailDeliveryState, { nullable: true, description: 'The latest reminder' })
  reminder!: MailDeliveryState | null;
}

@ObjectType({ description: 'A mail the platform would have sent: no mail server is configured.' })
export class OutboxMail {
  @Field(() => ID)
  mailId!: string;

  @Field()
  kind!: string;

  @Field(() => ID)
  cycleId!: string;

  @Field()
  recipientName!: string;

  @Field(() => String, { nullable: true })
  to!: string | null;

  @Field()
  subject!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'One mail from the mail outbox, rendered as the recipient would read it (with its link).' })
export class RenderedOutboxMail {
  @Field(() => ID)
  mailId!: string;

  @Field(() => String, { nullable: true })
  to!: string | null;

  @Field()
  subject!: string;

  @Field()
  text!: string;

  @Field()
  html!: string;

  @Field()
  link!: string;
}

@ObjectType({ description: 'A survey the signed-in person is asked to answer.' })
export class SurveyToAnswer {
  @Field(() => ID)
  assignmentId!: string;

  @Field(() => ID)
  cycleId!: string;

  @Field()
  cycleName!: string;

  @Field()
  subjectName!: string;

  @Field(() => RaterGroup)
  relationship!: RaterGroup;

  @Field({ description: 'invited or started' })
  status!: string;

  @Field()
  closesAt!: Date;

  @Field({ description: 'The dashboard path of the survey, /survey/<token>' })
  path!: string;
}
