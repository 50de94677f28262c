import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/**
 * The rater survey's GraphQL calls: a plain `fetch` (the survey page carries no Apollo Client, no
 * cache and no router, so a phone downloads little before the first question). Errors are the
 * same objects Apollo throws, so `describeError` words them the same way.
 */
export async function surveyRequest<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  response?: Promise<Response>,
): Promise<TData> {
  const answer = await (response ??
    fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: print(document), variables }),
    }));
  const text = await answer.text();
  let body: { data?: TData | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new ServerError(`HTTP ${answer.status}`, { response: answer, bodyText: text });
  }
  if (body.errors?.length) throw new CombinedGraphQLErrors({ data: body.data ?? null, errors: body.errors });
  if (!answer.ok || !body.data) throw new ServerError(`HTTP ${answer.status}`, { response: answer, bodyText: text });
  return body.data;
}

/**
 * The survey's own request, started by survey.html before any JavaScript is downloaded (the
 * build writes the query into the page), taken once for the token it was made for.
 */
export function takePrefetchedSurvey(token: string): Promise<Response> | undefined {
  const w = window as unknown as { __surveyPrefetch?: { token: string; response: Promise<Response> } };
  const prefetch = w.__surveyPrefetch;
  if (!prefetch || prefetch.token !== token) return undefined;
  delete w.__surveyPrefetch;
  return prefetch.response;
}
