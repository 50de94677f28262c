import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageInfo, SortDirection } from '../../common/paging';
import { RaterGroup } from '../../common/rater-group';
import { RaterMailDelivery } from './notifications.model';

/** A mail's delivery status as a filter takes it; `none`: no such mail (yet). */
export enum MailDeliveryStatusValue {
  failed = 'failed',
  deferred = 'deferred',
  skipped = 'skipped',
  queued = 'queued',
  none = 'none',
  recorded = 'recorded',
  sent = 'sent',
}
registerEnumType(MailDeliveryStatusValue, {
  name: 'MailDeliveryStatus',
  description:
    'failed (with the SMTP reason), deferred (retrying), skipped (with why), queued, none (no such mail yet), recorded (no mail server: in the mail outbox) or sent',
});

/** The order of the STATUS sort, problems first (an unknown status goes last). */
export const DELIVERY_STATUS_ORDER: string[] = Object.values(MailDeliveryStatusValue);

export enum RaterMailValue {
  INVITATION = 'INVITATION',
  REMINDER = 'REMINDER',
}
registerEnumType(RaterMailValue, { name: 'RaterMail', description: "A rater's invitation, or the latest reminder" });

export enum MailDeliverySortKey {
  SUBJECT = 'SUBJECT',
  RATER = 'RATER',
  STATUS = 'STATUS',
  UPDATED = 'UPDATED',
}
registerEnumType(MailDeliverySortKey, {
  name: 'MailDeliverySortKey',
  description:
    "SUBJECT: by the subject's name, then group order (self, manager, peer, …), then the rater's name; RATER: by the rater's name; STATUS: by the status of the rater's latest mail (the reminder once there is one), failed, deferred, skipped, queued, none, recorded, sent, then as SUBJECT; UPDATED: by when the latest mail last changed (none first), then as SUBJECT",
});

@InputType()
export class MailDeliverySort {
  @Field(() => MailDeliverySortKey)
  @IsOptional() // an absent argument reaches the pipe as {}
  @IsEnum(MailDeliverySortKey)
  by!: MailDeliverySortKey;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsOptional() // an absent argument reaches the pipe as {}
  @IsEnum(SortDirection)
  direction!: SortDirection;
}

@InputType({ description: "Raters' mails matching every criterion given." })
export class MailDeliveryFilter {
  @Field(() => [MailDeliveryStatusValue], {
    nullable: true,
    description: 'Any of these statuses, of the mail `mail` names (omitted: of the invitation or of the latest reminder)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsEnum(MailDeliveryStatusValue, { each: true })
  statuses?: MailDeliveryStatusValue[];

  @Field(() => RaterMailValue, { nullable: true, description: 'Which mail `statuses` looks at (omitted: either)' })
  @IsOptional()
  @IsEnum(RaterMailValue)
  mail?: RaterMailValue;

  @Field(() => RaterGroup, { nullable: true })
  @IsOptional()
  @IsEnum(RaterGroup)
  group?: RaterGroup;

  @Field({ nullable: true, description: "Part of the subject's or the rater's name or e-mail, or an exact employee id" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

@ObjectType({ description: "How many of the cycle's raters have their invitation (or latest reminder) in one status." })
export class MailDeliveryTotal {
  @Field(() => RaterMailValue)
  mail!: RaterMailValue;

  @Field(() => MailDeliveryStatusValue)
  status!: MailDeliveryStatusValue;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "One page of the raters' mails of a cycle (never a link)." })
export class RaterMailDeliveryPage {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => [RaterMailDelivery])
  nodes!: RaterMailDelivery[];

  @Field(() => Int, { description: 'Raters matching the filter, over all pages' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
