import type { ApolloServerPlugin } from '@apollo/server';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { BREAK, DocumentNode, GraphQLError, GraphQLSchema, ValidationRule, visit } from 'graphql';
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

/** Whether a document uses any directive (`@skip(if: $x)`, `@include`...): then its cost can depend on its variables. */
function hasDirectives(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Refuses operations whose estimated cost (one per field, list fields ×10) exceeds MAX_QUERY_COMPLEXITY.
 *
 * The estimate depends on the document and the operation only (the estimators read no arguments),
 * unless a directive such as `@skip(if: $v)` makes it depend on the variables. So it is computed
 * once per parsed document and operation and kept beside the document (Apollo reuses the same
 * parsed document for the same query text; a WeakMap forgets it with the document): the hot path
 * (`submitSurvey`, the same query text every time) pays for it once. A document with directives
 * is estimated on every request, with its variables. Variables that do not fit their types are
 * still refused with BAD_USER_INPUT: by this estimate on the first request of a document, and by
 * GraphQL's own coercion before execution on every request.
 */
export function complexityPlugin(getSchema: () => GraphQLSchema): ApolloServerPlugin {
  const known = new WeakMap<DocumentNode, Map<string, number> | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let perOperation = known.get(document);
          if (perOperation === undefined) known.set(document, (perOperation = hasDirectives(document) ? null : new Map()));
          const operation = request.operationName ?? '';
          let complexity = perOperation?.get(operation);
          if (complexity === undefined) {
            complexity = estimate(getSchema(), document, request.operationName, request.variables);
            perOperation?.set(operation, complexity);
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

function estimate(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): number {
  try {
    return getComplexity({
      schema,
      operationName: operationName ?? undefined,
      query: document,
      variables,
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
}
