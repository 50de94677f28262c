import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../app/i18n';
import { theme } from '../app/theme';

export function renderWithTheme(ui: ReactElement) {
  return render(
    <I18nProvider>
      <MantineProvider theme={theme}>{ui}</MantineProvider>
    </I18nProvider>,
  );
}
