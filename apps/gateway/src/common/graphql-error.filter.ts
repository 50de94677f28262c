import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Our own GraphQL errors (bad input, forbidden, conflict…) are answers, not failures: hand them to
 * GraphQL as they are instead of letting Nest log them as crashes. Anything else still reaches
 * `formatGraphQLError`, which logs it and hides its details from the client.
 */
@Catch(GraphQLError)
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(exception: GraphQLError): GraphQLError {
    return exception;
  }
}
