import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { describeError } from './errors';

const graphQLError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

describe('errors in plain words', () => {
  it('turns a refused launch into one line per leader and group, with no field keys and no repetition', () => {
    const problem = describeError(
      graphQLError('Invalid input: subjects.E100.peer: Ada Lovelace has 2 approved peer rater(s); at least 3 needed', {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'subjects.E100.peer', message: 'Ada Lovelace has 2 approved peer rater(s); at least 3 needed' }],
      }),
    );
    expect(problem.message).toBe('Nothing was changed. Fix the points below and try again.');
    expect(problem.fields).toEqual([
      {
        field: '',
        message:
          'Ada Lovelace has 2 approved peers; at least 3 are needed. Add peers on the “Leaders and raters” tab and approve the list.',
      },
    ]);
    expect(JSON.stringify(problem)).not.toMatch(/subjects\.|E100|rater\(s\)/);
  });

  it('says which state rule refused an action, not "changed in the meantime"', () => {
    const problem = describeError(graphQLError('Cannot list survey links: the cycle is released (needs launched)', { code: 'CONFLICT' }));
    expect(problem.title).toBe('Not possible at this stage');
    expect(problem.message).toBe('You cannot show survey links now: this cycle is released. Nothing was changed.');
  });

  it('never shows an internal message', () => {
    const problem = describeError(graphQLError('invalid input syntax for type uuid: "abc"', { code: 'INTERNAL_SERVER_ERROR' }));
    expect(problem.message).not.toContain('uuid');
    expect(problem.message).toMatch(/Nothing was changed/);
  });
});
