import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { session } from './session';

/**
 * Queries and mutations over HTTP with `Authorization: Bearer <token>`; subscriptions over
 * graphql-ws at the same /graphql path, authenticated by connectionParams. Signing in or out
 * restarts the socket so it always carries the current token.
 */
export function createApolloClient(): ApolloClient {
  const http = new HttpLink({ uri: '/graphql' });
  const auth = new SetContextLink((prev) => {
    const token = session.token();
    const headers = prev.headers as Record<string, string> | undefined;
    return token ? { headers: { ...headers, authorization: `Bearer ${token}` } } : {};
  });

  let ws: Client | null = null;
  if (typeof window !== 'undefined' && typeof WebSocket !== 'undefined') {
    const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    ws = createClient({
      url: `${protocol}//${window.location.host}/graphql`,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      connectionParams: () => {
        const token = session.token();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    });
    session.subscribe(() => ws?.terminate());
  }

  const link = ws
    ? ApolloLink.split(
        ({ query }) => {
          const definition = getMainDefinition(query);
          return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
        },
        new GraphQLWsLink(ws),
        auth.concat(http),
      )
    : auth.concat(http);

  return new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        Me: { keyFields: ['accountId'] },
        CycleProgress: { keyFields: ['cycleId'] },
        SubjectReport: { keyFields: false },
        Heatmap: { keyFields: false },
        RaterSurvey: { keyFields: false },
        RaterInvitation: { keyFields: ['assignmentId'] },
      },
    }),
  });
}
