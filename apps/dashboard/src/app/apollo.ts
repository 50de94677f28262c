import { Kind, OperationTypeNode } from 'graphql';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type FieldPolicy, type TypePolicies } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { getMainDefinition } from '@apollo/client/utilities';
import type { Client } from 'graphql-ws';
import { Observable } from 'rxjs';
import { session } from './session';

/**
 * Queries and mutations over HTTP with `Authorization: Bearer <token>`; subscriptions over
 * graphql-ws at the same /graphql path, authenticated by connectionParams. Signing in or out
 * restarts the socket so it always carries the current token.
 */
/**
 * How the cache identifies objects. Apollo normalises every object with an `id` by `__typename:id`,
 * so a type whose `id` is only unique *inside its parent* must not be normalised, or two parents
 * overwrite each other's entries (a transition risk `delegation` of one report showing in another).
 * Audit of every object type in the schema (`apps/gateway/schema.graphql`):
 * - globally unique ids (UUIDs) — normalised by id: Cycle, Person, Colleague (a person), Nomination, Organisation, Pulse;
 *   by another unique key: Me (accountId), CycleProgress (cycleId), CycleCoaching (cycleId), RaterInvitation (assignmentId),
 *   InstrumentSummary (instrument id; one definition per id).
 * - ids unique only within a parent — embedded (`keyFields: false`): TransitionRisk (risk id per
 *   report), SurveyDimension and SurveyItem (the same dimension holds different items per rater
 *   group and instrument version), HeatmapDimension (per heatmap), RoleProfileSummary (per
 *   instrument version), ResultSet ("live" in every cycle), PulseFocusAreaResult (an instrument id
 *   per pulse).
 * - whole answers that have no id of their own — embedded under their query: SubjectReport
 *   (per cycle, subject and result set), Heatmap, RaterSurvey.
 * Types without `id` (scores, findings, comments, progress rows) are embedded by Apollo already.
 */
/** A page of a list as the cache holds it. */
type Paged = { pageInfo: { endCursor: string | null }; [list: string]: unknown };

/**
 * A list paged with cursors (issue #16): one cache entry per list — `keyArgs` are what tells two
 * lists apart (the cycle, the filter, the sort), never the page's `first` and `after`, so two
 * cycles or two filters never share rows (the fault fixed for transition risks) — with the next
 * page (`after` = the entry's end cursor) appended, and a first page (no `after`) replacing it.
 * A page that does not follow the entry's last (a late answer for an older list) is dropped.
 */
export function cursorPaged(keyArgs: string[], list: 'nodes' | 'rows'): FieldPolicy<Paged> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming;
      if (existing.pageInfo.endCursor !== args.after) return existing;
      return { ...incoming, [list]: [...(existing[list] as unknown[]), ...(incoming[list] as unknown[])] };
    },
  };
}

export const CACHE_POLICIES = {
  Query: {
    fields: {
      directory: cursorPaged(['filter', 'sort'], 'nodes'),
      cycleSubjects: cursorPaged(['cycleId', 'filter', 'sort'], 'nodes'),
      nominationPage: cursorPaged(['cycleId', 'filter', 'sort'], 'nodes'),
      cycleProgressSubjects: cursorPaged(['cycleId', 'filter', 'sort'], 'nodes'),
      cycleMailDeliveryPage: cursorPaged(['cycleId', 'filter', 'sort'], 'nodes'),
      cycleHeatmap: cursorPaged(['cycleId', 'filter', 'sort'], 'rows'),
      cycleReliabilityProjection: cursorPaged(['cycleId', 'filter'], 'nodes'),
      developmentPlanCoveragePage: cursorPaged(['cycleId', 'filter'], 'nodes'),
      cycleCoachingPage: cursorPaged(['cycleId', 'filter'], 'nodes'),
      mailOutbox: cursorPaged(['cycleId', 'filter'], 'nodes'),
    },
  },
  Me: { keyFields: ['accountId'] },
  CycleProgress: { keyFields: ['cycleId'] },
  // One per cycle: the answer of setCycleCoached and assignCoach (the counts) updates the panel's.
  CycleCoaching: { keyFields: ['cycleId'] },
  RaterInvitation: { keyFields: ['assignmentId'] },
  SubjectReport: { keyFields: false },
  Heatmap: { keyFields: false },
  RaterSurvey: { keyFields: false },
  TransitionRisk: { keyFields: false },
  SurveyDimension: { keyFields: false },
  SurveyItem: { keyFields: false },
  HeatmapDimension: { keyFields: false },
  RoleProfileSummary: { keyFields: false },
  // One plan per leader and cycle; a focus area's id is an instrument id shared by many plans and
  // versions, so focus areas are never normalised (they would overwrite each other's actions).
  DevelopmentPlan: { keyFields: ['cycleId', 'subjectId'] },
  FocusArea: { keyFields: false },
  DevelopmentPlanVersion: { keyFields: false },
  ResultSet: { keyFields: false },
  // A pulse's focus area carries the followed-up instrument's dimension or item id, shared by every
  // pulse on a plan with that focus area: embedded, never normalised.
  PulseFocusAreaResult: { keyFields: false },
} satisfies TypePolicies;

export function createApolloClient(): ApolloClient {
  const http = new HttpLink({ uri: '/graphql' });
  const auth = new SetContextLink((prev) => {
    const token = session.token();
    const headers = prev.headers as Record<string, string> | undefined;
    return token ? { headers: { ...headers, authorization: `Bearer ${token}` } } : {};
  });

  // graphql-ws loads on the first subscription only (HR's live pages), not with every page.
  let ws: Promise<{ link: ApolloLink; client: Client }> | null = null;
  const wsLink = () =>
    (ws ??= Promise.all([import('graphql-ws'), import('@apollo/client/link/subscriptions')]).then(
      ([{ createClient }, { GraphQLWsLink }]) => {
        const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
        const client = createClient({
          url: `${protocol}//${window.location.host}/graphql`,
          lazy: true,
          retryAttempts: Infinity,
          shouldRetry: () => true,
          connectionParams: () => {
            const token = session.token();
            return token ? { authorization: `Bearer ${token}` } : {};
          },
        });
        session.subscribe(() => client.terminate());
        return { link: new GraphQLWsLink(client), client };
      },
    ));
  const lazyWs = new ApolloLink(
    (operation, forward) =>
      new Observable((observer) => {
        let subscription: { unsubscribe(): void } | null = null;
        let closed = false;
        wsLink().then(
          ({ link }) => {
            if (!closed) subscription = link.request(operation, forward).subscribe(observer);
          },
          (error) => observer.error(error),
        );
        return () => {
          closed = true;
          subscription?.unsubscribe();
        };
      }),
  );

  const link =
    typeof window !== 'undefined' && typeof WebSocket !== 'undefined'
      ? ApolloLink.split(
          ({ query }) => {
            const definition = getMainDefinition(query);
            return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
          },
          lazyWs,
          auth.concat(http),
        )
      : auth.concat(http);

  return new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: CACHE_POLICIES,
    }),
  });
}
