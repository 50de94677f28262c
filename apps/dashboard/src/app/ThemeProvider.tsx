import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { messages } from './messages';
import { theme } from './theme';

/** Mantine with the app's theme, and the words Mantine's components show (a dialog's close button) in the intl locale. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const intl = useIntl();
  const localised = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: { Modal: { defaultProps: { closeButtonProps: { 'aria-label': intl.formatMessage(messages.close) } } } },
      }),
    [intl],
  );
  return (
    <MantineProvider theme={localised} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}
