import { SurveyTokenSeal } from './sealed-token';

describe('SurveyTokenSeal', () => {
  const seal = new SurveyTokenSeal('a-long-enough-test-secret');

  it('opens what it sealed for the same assignment, and the sealed form does not contain the token', () => {
    const sealed = seal.seal('raw-token-abc', 'assignment-1');
    expect(sealed).not.toContain('raw-token-abc');
    expect(seal.open(sealed, 'assignment-1')).toBe('raw-token-abc');
  });

  it('refuses another assignment or another secret', () => {
    const sealed = seal.seal('raw-token-abc', 'assignment-1');
    expect(() => seal.open(sealed, 'assignment-2')).toThrow();
    expect(() => new SurveyTokenSeal('another-long-test-secret').open(sealed, 'assignment-1')).toThrow();
  });
});
