import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AccountsResolver } from './auth/accounts.resolver';
import { AuthResolver } from './auth/auth.resolver';
import { CyclesResolver } from './cycles/cycles.resolver';
import { InstrumentsResolver } from './instruments/instruments.resolver';
import { PeopleResolver } from './people/people.resolver';
import { ReportsResolver } from './reports/reports.resolver';
import { SurveysResolver } from './surveys/surveys.resolver';

export const RESOLVERS = [AuthResolver, AccountsResolver, InstrumentsResolver, PeopleResolver, CyclesResolver, SurveysResolver, ReportsResolver];

/** The gateway's GraphQL schema as SDL, built from the resolvers alone (no database needed). */
export async function gatewaySchemaSdl(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
  await app.close();
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
