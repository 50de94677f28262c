import { gql, InMemoryCache } from '@apollo/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CACHE_POLICIES } from './apollo';

/** Types whose `id` is a UUID unique across the whole organisation: safe to normalise by id. */
const GLOBALLY_UNIQUE_ID = ['Cycle', 'Person', 'Nomination', 'Organisation', 'InstrumentSummary', 'DevelopmentPlanComment'];

describe('the Apollo cache', () => {
  it('has a decision for every schema type with an id: globally unique, or a policy', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'gateway', 'schema.graphql'), 'utf8'));
    const withId = Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && !t.name.startsWith('__') && 'id' in t.getFields())
      .map((t) => t.name);
    const undecided = withId.filter((name) => !GLOBALLY_UNIQUE_ID.includes(name) && !(name in CACHE_POLICIES));
    expect(undecided).toEqual([]);
  });

  it('keeps the transition risks of two reports apart although their risk ids are the same', () => {
    const cache = new InMemoryCache({ typePolicies: CACHE_POLICIES });
    const SUBJECT_REPORT = gql`
      query R($cycleId: ID!, $subjectId: ID!) {
        subjectReport(cycleId: $cycleId, subjectId: $subjectId) {
          cycleId
          transitionRisks {
            id
            name
            description
            status
            signalsOn
            signalsEvaluated
            minSignals
          }
        }
      }
    `;
    const report = (cycleId: string, status: string) => ({
      subjectReport: {
        __typename: 'SubjectReport',
        cycleId,
        transitionRisks: [
          {
            __typename: 'TransitionRisk',
            id: 'doing-not-leading',
            name: 'Doing, not leading',
            description: 'd',
            status,
            signalsOn: status === 'flagged' ? 3 : 0,
            signalsEvaluated: 4,
            minSignals: 2,
          },
        ],
      },
    });
    const a = { cycleId: 'a', subjectId: 's' };
    const b = { cycleId: 'b', subjectId: 's' };
    cache.writeQuery({ query: SUBJECT_REPORT, variables: a, data: report('a', 'flagged') });
    cache.writeQuery({ query: SUBJECT_REPORT, variables: b, data: report('b', 'clear') });
    const read = (v: typeof a) =>
      cache.readQuery<{ subjectReport: { transitionRisks: { status: string }[] } }>({ query: SUBJECT_REPORT, variables: v })?.subjectReport
        ?.transitionRisks?.[0]?.status;
    expect(read(a)).toBe('flagged');
    expect(read(b)).toBe('clear');
  });

  it("keeps two leaders' focus areas apart although they chose the same dimension", () => {
    const cache = new InMemoryCache({ typePolicies: CACHE_POLICIES });
    const PLAN = gql`
      query P($cycleId: ID!, $subjectId: ID!) {
        developmentPlan(cycleId: $cycleId, subjectId: $subjectId) {
          cycleId
          subjectId
          focusAreas {
            kind
            id
            actions
          }
        }
      }
    `;
    const plan = (subjectId: string, actions: string) => ({
      developmentPlan: {
        __typename: 'DevelopmentPlan',
        cycleId: 'c',
        subjectId,
        focusAreas: [{ __typename: 'FocusArea', kind: 'dimension', id: 'develops-leaders', actions }],
      },
    });
    cache.writeQuery({ query: PLAN, variables: { cycleId: 'c', subjectId: 'ann' }, data: plan('ann', 'Coach weekly') });
    cache.writeQuery({ query: PLAN, variables: { cycleId: 'c', subjectId: 'bob' }, data: plan('bob', 'Delegate more') });
    const read = (subjectId: string) =>
      cache.readQuery<{ developmentPlan: { focusAreas: { actions: string }[] } }>({ query: PLAN, variables: { cycleId: 'c', subjectId } })
        ?.developmentPlan.focusAreas[0].actions;
    expect(read('ann')).toBe('Coach weekly');
    expect(read('bob')).toBe('Delegate more');
  });
});
