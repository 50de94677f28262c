import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AccountsResolver } from './accounts/accounts.resolver';
import { AuthResolver } from './accounts/auth.resolver';
import { CoachingResolver } from './coaching/coaching.resolver';
import { CyclesResolver } from './cycles/cycles.resolver';
import { DevelopmentPlansResolver } from './development-plans/development-plans.resolver';
import { InstrumentsResolver } from './instruments/instruments.resolver';
import { InvitationsResolver } from './invitations/invitations.resolver';
import { NominationsResolver, NominationSummaryResolver } from './nominations/nominations.resolver';
import { NotificationsResolver, OutboxMailPageResolver } from './notifications/notifications.resolver';
import { PeopleResolver } from './people/people.resolver';
import { ProgressResolver } from './progress/progress.resolver';
import { PublicationResolver } from './publication/publication.resolver';
import { CyclePulseOriginResolver } from './pulses/cycle-pulse-origin.resolver';
import { PulsesResolver } from './pulses/pulses.resolver';
import { ReliabilityResolver, ReportComparisonsResolver } from './reliability/reliability.resolver';
import { ReportsResolver } from './reports/reports.resolver';
import { DataProtectionResolver } from './data-protection/data-protection.resolver';
import { ExportsResolver } from './exports/exports.resolver';
import { RetentionResolver } from './retention/retention.resolver';
import { SurveysResolver } from './surveys/surveys.resolver';

export const RESOLVERS = [
  AuthResolver,
  AccountsResolver,
  InstrumentsResolver,
  PeopleResolver,
  CyclesResolver,
  NominationsResolver,
  NominationSummaryResolver,
  InvitationsResolver,
  ProgressResolver,
  SurveysResolver,
  ReportsResolver,
  ReliabilityResolver,
  ReportComparisonsResolver,
  PublicationResolver,
  NotificationsResolver,
  OutboxMailPageResolver,
  RetentionResolver,
  DataProtectionResolver,
  ExportsResolver,
  DevelopmentPlansResolver,
  CoachingResolver,
  PulsesResolver,
  CyclePulseOriginResolver,
];

/** The gateway's GraphQL schema as SDL, built from the resolvers alone (no database needed). */
export async function gatewaySchemaSdl(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
  await app.close();
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
