// The rater survey's own page (survey.html, served for /survey/:token): only what the survey needs —
// no router, no Apollo Client, no HR screens, and only the styles of the components it uses — so a
// phone on a slow network shows the first question quickly. survey.html starts the survey's
// GraphQL request before this script arrives.
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
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './app/i18n';
import { theme } from './app/theme';
import { SurveyPage } from './features/survey/SurveyPage';

const token = decodeURIComponent(/^\/survey\/([^/?#]+)/.exec(window.location.pathname)?.[1] ?? '');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <SurveyPage token={token} />
      </MantineProvider>
    </I18nProvider>
  </StrictMode>,
);
