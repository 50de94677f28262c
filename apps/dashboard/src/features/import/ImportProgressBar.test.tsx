import { MockedProvider } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../app/i18n';
import { theme } from '../../app/theme';
import { ImportProgressBar } from './ImportProgressBar';
import { IMPORT_PROGRESS } from './operations';

function renderWith(progress: { phase: string; done: number; total: number }) {
  const mocks = [
    {
      request: { query: IMPORT_PROGRESS, variables: { importId: 'import-1' } },
      result: { data: { importProgress: { __typename: 'ImportProgress', ...progress } } },
    },
  ];
  return render(
    <I18nProvider>
      <MantineProvider theme={theme}>
        <MockedProvider mocks={mocks}>
          <ImportProgressBar importId="import-1" />
        </MockedProvider>
      </MantineProvider>
    </I18nProvider>,
  );
}

describe('ImportProgressBar', () => {
  it('shows the phase and the rows done of the total from the importProgress subscription', async () => {
    renderWith({ phase: 'applying', done: 25000, total: 100000 });
    expect(screen.getByText('Sending the file')).toBeTruthy();
    expect(await screen.findByText('Writing the directory: 25,000 of 100,000 rows')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
  });

  it('fills the bar when the import is done', async () => {
    renderWith({ phase: 'done', done: 102001, total: 102001 });
    expect(await screen.findByText('Finished: 102,001 of 102,001 rows')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
  });
});
