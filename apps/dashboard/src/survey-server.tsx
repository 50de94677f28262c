// The rater survey rendered to HTML on the gateway (built by vite.survey-server.config.ts into
// dist/ssr/survey-server.cjs, which the gateway loads): the same components as the page, so the
// browser hydrates the HTML instead of waiting for the script and a GraphQL round trip.
import { renderToString } from 'react-dom/server';
import type { RaterSurveyQuery } from './gql/graphql';
import { SurveyApp } from './survey-app';

/**
 * The survey page's body for one link. `survey` must carry no answers and no comments (the
 * gateway leaves them out: the page fetches them), and is written into the page as it is, so
 * the browser hydrates from the same data.
 */
export function renderSurveyPage(survey: RaterSurveyQuery): string {
  return renderToString(<SurveyApp token="" initial={survey} />);
}
