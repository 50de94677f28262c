import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { I18nProvider } from './app/i18n';
import { theme } from './app/theme';
import { SurveyPage } from './features/survey/SurveyPage';
import type { RaterSurveyQuery } from './gql/graphql';

/** The rater survey's whole tree: the same in the browser (survey-main.tsx) and on the gateway (survey-server.tsx). */
export function SurveyApp({ token, initial }: { token: string; initial?: RaterSurveyQuery }) {
  return (
    <StrictMode>
      <I18nProvider>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <SurveyPage token={token} initial={initial} />
        </MantineProvider>
      </I18nProvider>
    </StrictMode>
  );
}
