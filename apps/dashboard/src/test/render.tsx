import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../app/i18n';
import { ThemeProvider } from '../app/ThemeProvider';

export function renderWithTheme(ui: ReactElement) {
  return render(
    <I18nProvider>
      <ThemeProvider>{ui}</ThemeProvider>
    </I18nProvider>,
  );
}
