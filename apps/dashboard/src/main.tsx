import '@mantine/core/styles.css';
import './styles.css';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createApolloClient } from './app/apollo';
import { I18nProvider } from './app/i18n';
import { createRouter } from './app/router';
import { theme } from './app/theme';
import { AuthProvider } from './features/auth/AuthProvider';

const client = createApolloClient();
const router = createRouter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <ApolloProvider client={client}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </ApolloProvider>
      </MantineProvider>
    </I18nProvider>
  </StrictMode>,
);
