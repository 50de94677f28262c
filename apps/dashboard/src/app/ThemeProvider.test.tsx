import { Modal } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithTheme } from '../test/render';

describe('ThemeProvider', () => {
  it("names a dialog's close button through react-intl", async () => {
    renderWithTheme(
      <Modal opened onClose={() => {}} title="Give a sign-in">
        body
      </Modal>,
    );
    expect(await screen.findByRole('button', { name: 'Close' })).toBeTruthy();
  });
});
