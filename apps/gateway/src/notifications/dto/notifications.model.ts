import type { MailKind } from '@leaderscope/messages';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { PageInfo } from '../../common/paging';
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

/** A kind of mail as the outbox's filter takes it; the value is the mail's `kind` (`nomination-request`...). */
export enum OutboxMailKindValue {
  INVITATION = 'invitation',
  REMINDER = 'reminder',
  NOMINATION_REQUEST = 'nomination-request',
  APPROVAL_REQUEST = 'approval-request',
  REPORT_READY = 'report-ready',
  DEBRIEF_REQUESTED = 'debrief-requested',
  PLAN_SHARED = 'plan-shared',
  PULSE_LAUNCHED = 'pulse-launched',
}
registerEnumType(OutboxMailKindValue, {
  name: 'OutboxMailKind',
  description: "A kind of mail: the mail's `kind` in upper case with `_` for `-` (NOMINATION_REQUEST is `nomination-request`)",
});

/** Every kind of mail the platform writes has its filter value (a new kind fails to compile until it is added above). */
export const OUTBOX_MAIL_KINDS = {
  invitation: OutboxMailKindValue.INVITATION,
  reminder: OutboxMailKindValue.REMINDER,
  'nomination-request': OutboxMailKindValue.NOMINATION_REQUEST,
  'approval-request': OutboxMailKindValue.APPROVAL_REQUEST,
  'report-ready': OutboxMailKindValue.REPORT_READY,
  'debrief-requested': OutboxMailKindValue.DEBRIEF_REQUESTED,
  'plan-shared': OutboxMailKindValue.PLAN_SHARED,
  'pulse-launched': OutboxMailKindValue.PULSE_LAUNCHED,
} satisfies Record<MailKind, OutboxMailKindValue>;

@InputType({ description: 'Mails of the outbox matching every criterion given.' })
export class OutboxMailFilter {
  @Field(() => OutboxMailKindValue, { nullable: true, description: 'Only mails of this kind' })
  @IsOptional()
  @IsEnum(OutboxMailKindValue)
  kind?: OutboxMailKindValue;
}

@ObjectType({ description: 'One page of the mail outbox, newest first (never a link).' })
export class OutboxMailPage {
  @Field(() => ID, { nullable: true, description: 'The cycle asked for; null: every cycle of the organisation' })
  cycleId!: string | null;

  @Field(() => [OutboxMail])
  nodes!: OutboxMail[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** What `totalCount` counts, when it is asked for (not in the schema). */
  counting!: { organisationId: string; cycleId: string | null; kinds: string[] };
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
