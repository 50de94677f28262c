/** A minimal GraphQL-over-HTTP client for tests: real HTTP, no mocks. */
export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export async function graphql<T = any>(baseUrl: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

export const SUBMIT_SURVEY = `
  mutation Submit($input: SubmitSurveyInput!) {
    submitSurvey(input: $input) { submissionId status reasons { field message } }
  }`;

export const SUBJECT_REPORT = `
  query Report($cycleId: String!, $subjectId: String!) {
    subjectReport(cycleId: $cycleId, subjectId: $subjectId) {
      reportVersion responseCount
      dimensions {
        dimensionId gap
        others { n mean suppressed includes }
        groups { group n mean suppressed suppressionReason ciLow ciHigh }
      }
    }
  }`;
