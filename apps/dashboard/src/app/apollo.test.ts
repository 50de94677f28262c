import { gql, InMemoryCache } from '@apollo/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CACHE_POLICIES } from './apollo';

/** Types whose `id` is a UUID unique across the whole organisation: safe to normalise by id. */
const GLOBALLY_UNIQUE_ID = [
  'Cycle',
  'Person',
  'Colleague',
  'Nomination',
  'Organisation',
  'InstrumentSummary',
  'DevelopmentPlanComment',
  'Pulse',
];

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

  it('keeps each paged list apart by cycle, filter and sort, and appends only the page that follows', () => {
    const cache = new InMemoryCache({ typePolicies: CACHE_POLICIES });
    const PAGE = gql`
      query S($cycleId: ID!, $first: Int, $after: String, $filter: ProgressFilter) {
        cycleProgressSubjects(cycleId: $cycleId, first: $first, after: $after, filter: $filter) {
          cycleId
          totalCount
          pageInfo {
            endCursor
            hasNextPage
          }
          nodes {
            subject {
              id
              name
            }
          }
        }
      }
    `;
    const page = (cycleId: string, names: string[], endCursor: string) => ({
      cycleProgressSubjects: {
        __typename: 'SubjectProgressPage',
        cycleId,
        totalCount: 9,
        pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage: true },
        nodes: names.map((name) => ({ __typename: 'SubjectProgress', subject: { __typename: 'Person', id: `${cycleId}-${name}`, name } })),
      },
    });
    const write = (variables: Record<string, unknown>, data: ReturnType<typeof page>) => cache.writeQuery({ query: PAGE, variables, data });
    const names = (variables: Record<string, unknown>) =>
      cache
        .readQuery<{ cycleProgressSubjects: { nodes: { subject: { name: string } }[] } }>({ query: PAGE, variables })
        ?.cycleProgressSubjects.nodes.map((n) => n.subject.name);
    write({ cycleId: 'a', first: 2 }, page('a', ['Ann', 'Bob'], 'a2'));
    write({ cycleId: 'b', first: 2 }, page('b', ['Cy', 'Di'], 'b2'));
    write({ cycleId: 'a', first: 2, filter: { awaitingOnly: true } }, page('a', ['Bob'], 'a1'));
    write({ cycleId: 'a', first: 2, after: 'a2' }, page('a', ['Eve', 'Fay'], 'a4'));
    write({ cycleId: 'a', first: 2, after: 'a2' }, page('a', ['Eve', 'Fay'], 'a4')); // the same page again: not after a4
    expect(names({ cycleId: 'a', first: 2 })).toEqual(['Ann', 'Bob', 'Eve', 'Fay']);
    expect(names({ cycleId: 'b', first: 2 })).toEqual(['Cy', 'Di']);
    expect(names({ cycleId: 'a', first: 2, filter: { awaitingOnly: true } })).toEqual(['Bob']);
    write({ cycleId: 'a', first: 2 }, page('a', ['Ann', 'Bob'], 'a2')); // read again from the start: the first page only
    expect(names({ cycleId: 'a', first: 2 })).toEqual(['Ann', 'Bob']);
  });
});
