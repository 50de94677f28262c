import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { rejectionMessage } from './messages';

const intl = createIntl({ locale: 'en', defaultLocale: 'en' });

describe("a refused submission in a rater's words", () => {
  it('asks to check and send again when answers or comments were refused, never quoting the server', () => {
    const text = intl.formatMessage(rejectionMessage([{ field: 'answers.q7' }, { field: 'policy.roleProfileId' }]));
    expect(text).toMatch(/^Some answers could not be recorded/);
    expect(text).toMatch(/submit again/);
  });

  it('sends a setup problem (role profile, instrument) to HR', () => {
    const text = intl.formatMessage(rejectionMessage([{ field: 'policy.roleProfileId' }]));
    expect(text).toMatch(/not set up correctly/);
    expect(text).toMatch(/HR team/);
    expect(text).not.toMatch(/role profile|known:/);
  });
});
