// The rater survey's own page (survey.html, served for /survey/:token): only what the survey needs —
// no router, no Apollo Client, no HR screens, and only the styles of the components it uses (inlined
// into the page by the build) — so a phone on a slow network shows the first question quickly. For a
// valid link the gateway renders the survey into the page (survey-server.tsx) and this script
// hydrates it; survey.html starts the GraphQL request for the saved answers before it arrives.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Container.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Card.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Title.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/ThemeIcon.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/VisuallyHidden.css';
import './styles.css';
import { createRoot, hydrateRoot } from 'react-dom/client';
import type { RaterSurveyQuery } from './gql/graphql';
import { SurveyApp } from './survey-app';

const token = decodeURIComponent(/^\/survey\/([^/?#]+)/.exec(window.location.pathname)?.[1] ?? '');
const root = document.getElementById('root')!;
// For a valid link the gateway sends the survey already rendered, with the data it was rendered
// from (no answers): hydrate it. Otherwise (a wrong link, or no server rendering) render here.
const rendered = document.getElementById('survey-data');
if (rendered?.textContent) {
  const initial = JSON.parse(rendered.textContent) as RaterSurveyQuery;
  hydrateRoot(root, <SurveyApp token={token} initial={initial} />);
} else {
  createRoot(root).render(<SurveyApp token={token} />);
}
