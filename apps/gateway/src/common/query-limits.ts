import type { ApolloServerPlugin } from '@apollo/server';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, GraphQLSchema, ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from './errors';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COMPLEXITY = 5000;

/**
 * Refuses queries nested deeper than MAX_QUERY_DEPTH (GraphQL Armor's max-depth rule: it follows
 * each fragment once, so fragment cycles and unknown fragments are left to graphql's own validation
 * rules — a 400 naming the problem — instead of crashing the server).
 */
export function depthRule(): ValidationRule {
  return maxDepthRule({
    n: MAX_QUERY_DEPTH + 1, // Armor counts the operation itself as a level
    ignoreIntrospection: true,
    errorMessage: `the query exceeds maximum operation depth of ${MAX_QUERY_DEPTH}`,
    exposeLimits: false,
    // report as a validation error (a 400), never throw out of validation
    propagateOnRejection: false,
    onReject: [(context, error) => context?.reportError(error)],
  });
}

/** Refuses operations whose estimated cost (one per field, list fields ×10) exceeds MAX_QUERY_COMPLEXITY. */
export function complexityPlugin(getSchema: () => GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema: getSchema(),
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [
                ({ field, childComplexity }) => {
                  let type = field.type as { ofType?: unknown; constructor: { name: string } };
                  while (type.constructor.name === 'GraphQLNonNull') type = type.ofType as typeof type;
                  return type.constructor.name === 'GraphQLList' ? 10 * (1 + childComplexity) : undefined;
                },
                simpleEstimator({ defaultComplexity: 1 }),
              ],
            });
          } catch (error) {
            // Variables that do not fit their types: the client's mistake, said as such.
            throw new GraphQLError((error as Error).message, { extensions: { code: ErrorCode.BadUserInput } });
          }
          if (complexity > MAX_QUERY_COMPLEXITY) {
            throw new GraphQLError(`Query is too complex: ${complexity} (the limit is ${MAX_QUERY_COMPLEXITY})`, {
              extensions: { code: ErrorCode.BadUserInput },
            });
          }
        },
      };
    },
  };
}
