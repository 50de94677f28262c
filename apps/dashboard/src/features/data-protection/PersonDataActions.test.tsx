import { MockedProvider } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../app/i18n';
import { theme } from '../../app/theme';
import { ERASE_PERSON } from './operations';
import { PersonDataActions } from './PersonDataActions';

describe('PersonDataActions: erasing a person', () => {
  it('erases only after HR types the confirmation, and says what was done', async () => {
    let called = 0;
    const mocks = [
      {
        request: { query: ERASE_PERSON, variables: { personId: 'p1' } },
        result: () => {
          called++;
          return {
            data: {
              erasePerson: {
                __typename: 'PersonErasure',
                personId: 'p1',
                erasedAt: '2030-01-01T00:00:00.000Z',
                accountsDeleted: 1,
                linksRevoked: 2,
              },
            },
          };
        },
      },
    ];
    render(
      <I18nProvider>
        <MantineProvider theme={theme}>
          <MockedProvider mocks={mocks}>
            <PersonDataActions person={{ id: 'p1', name: 'Alan Turing' }} />
          </MockedProvider>
        </MantineProvider>
      </I18nProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Erase Alan Turing' }));
    expect(await screen.findByText(/Answers they gave stay only anonymised, and no report changes/)).toBeTruthy();
    const confirm = screen.getByRole('button', { name: 'Erase for good' });
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText('Type ERASE to confirm'), 'erase');
    expect(confirm).toBeDisabled();
    await user.clear(screen.getByLabelText('Type ERASE to confirm'));
    await user.type(screen.getByLabelText('Type ERASE to confirm'), 'ERASE');
    expect(called).toBe(0);
    await user.click(confirm);
    expect(await screen.findByText('Erased. Their sign-in was deleted. 2 open survey links were revoked.')).toBeTruthy();
    expect(called).toBe(1);
  });
});
