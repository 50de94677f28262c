import { act, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Titled } from './DocumentTitle';
import { I18nProvider } from './i18n';
import { titleMessages } from './messages';

describe('page titles', () => {
  it('name the page, then the product, and follow navigation (WCAG 2.4.2)', async () => {
    const router = createMemoryRouter(
      [
        { path: '/cycles', element: <Titled page={titleMessages.cycles}>cycles</Titled> },
        { path: '/people', element: <Titled page={titleMessages.people}>people</Titled> },
      ],
      { initialEntries: ['/cycles'] },
    );
    render(
      <I18nProvider>
        <RouterProvider router={router} />
      </I18nProvider>,
    );
    expect(document.title).toBe('Review cycles — Leaderscope');
    await act(() => router.navigate('/people'));
    expect(document.title).toBe('Organisation — Leaderscope');
  });
});
