import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { DownloadError } from './download';
import { describeError, PlainError } from './errors';

const graphQLError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

describe('errors in plain words', () => {
  it('turns a refused launch into one line per leader and group, with no field keys and no repetition', () => {
    const problem = describeError(
      graphQLError('Invalid input: subjects.E100.peer: Ada Lovelace has 2 approved peer rater(s); at least 3 needed', {
        code: 'BAD_USER_INPUT',
        fields: [
          {
            field: 'subjects.E100.peer',
            message: 'Ada Lovelace has 2 approved peer rater(s); at least 3 needed',
            code: 'tooFewRaters',
            values: { name: 'Ada Lovelace', count: 2, group: 'peer', min: 3 },
          },
        ],
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

  it('words field codes with our own messages and never shows the server sentence', () => {
    const problem = describeError(
      graphQLError('Invalid input: …', {
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'input.closesAt', message: 'must be after opensAt', code: 'notAfterOpens' },
          {
            field: 'input.minRaters',
            message: 'direct_report minimum 3 is above maxRatersPerGroup 2',
            code: 'minAboveMax',
            values: { group: 'direct_report', min: 3, max: 2 },
          },
          { field: 'input.name', message: 'name must be shorter than or equal to 120 characters', code: 'maxLength' },
        ],
      }),
    );
    expect(problem.fields).toEqual([
      { field: 'Closes', message: 'Must be later than the opening date. Choose a later closing date.' },
      {
        field: 'Fewest raters per group',
        message:
          'At least 3 direct reports are asked for, but a group can have at most 2 raters. Lower the first number or raise the second.',
      },
      { field: 'Cycle name', message: 'Too long. Shorten it.' },
    ]);
    expect(JSON.stringify(problem)).not.toMatch(/opensAt|maxRatersPerGroup|direct_report|shorter than/);
  });

  it('names the field in user words for a code it does not know, and says something plain without a field', () => {
    const problem = describeError(
      graphQLError('Invalid input: …', {
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'input.opensAt', message: 'some new rule about opensAt', code: 'brandNewRule' },
          { field: 'input.weirdThing[3]', message: 'weirdThing is odd' },
        ],
      }),
    );
    expect(problem.fields.map((f) => f.message)).toEqual([
      '“Opens” was not accepted. Check it and try again.',
      'One of the details was not accepted. Check what you entered and try again.',
    ]);
    const bare = describeError(graphQLError('Invalid input: must be after opensAt', { code: 'BAD_USER_INPUT' }));
    expect(bare.message).not.toMatch(/opensAt/);
    expect(bare.message).toMatch(/Nothing was changed/);
  });

  it('says which state rule refused an action, not "changed in the meantime"', () => {
    const problem = describeError(
      graphQLError('Cannot list invitation links: the cycle is released (needs launched)', {
        code: 'CONFLICT',
        reason: 'wrongStatus',
        values: { action: 'list invitation links', status: 'released' },
      }),
    );
    expect(problem.title).toBe('Not possible at this stage');
    expect(problem.message).toBe('You cannot show survey links now: this cycle is released. Nothing was changed.');
    const other = describeError(graphQLError('The plan was saved again since you opened it (now version 3)', { code: 'CONFLICT' }));
    expect(other.message).not.toMatch(/version 3/);
    expect(other.message).toMatch(/Nothing was changed/);
  });

  it('words each state rule the API names by its reason, with what to do, never the server sentence', () => {
    const changed = describeError(
      graphQLError('The plan was saved again since you opened it (now version 3): reload it before saving', {
        code: 'CONFLICT',
        reason: 'planChanged',
        values: { version: 3 },
      }),
    );
    expect(changed.message).toBe(
      'The plan was saved again since you opened it (it is now at version 3). Reload it to see the changes, then save yours again.',
    );
    const released = describeError(
      graphQLError('Team reports are available once HR releases the results', { code: 'CONFLICT', reason: 'notReleased' }),
    );
    expect(released.message).toBe('HR has not released the results of this cycle yet. This becomes possible once they do.');
    // a reason this client does not know yet: the plain line, not the server's words
    const unknown = describeError(graphQLError('Something new', { code: 'CONFLICT', reason: 'somethingNew' }));
    expect(unknown.message).toMatch(/Nothing was changed/);
    expect(unknown.message).not.toMatch(/Something new/);
  });

  it('tells how long to wait when rate limited, in its own words', () => {
    const problem = describeError(graphQLError('Too many attempts: try again in 42 s', { code: 'RATE_LIMITED', retryAfterSeconds: 42 }));
    expect(problem.message).toBe('Wait 42 seconds before trying again.');
  });

  it('never shows an internal message', () => {
    const problem = describeError(graphQLError('invalid input syntax for type uuid: "abc"', { code: 'INTERNAL_SERVER_ERROR' }));
    expect(problem.message).not.toContain('uuid');
    expect(problem.message).toMatch(/Nothing was changed/);
    expect(describeError(new TypeError("Cannot read properties of undefined (reading 'x')")).message).not.toMatch(/properties/);
    expect(describeError(new PlainError('This page is for another role.')).message).toBe('This page is for another role.');
  });

  it('words a refused download like the same refusal through the API', () => {
    const forbidden = graphQLError('Only HR administrators can do this', { code: 'FORBIDDEN' });
    expect(describeError(new DownloadError(403, 'FORBIDDEN'))).toEqual(describeError(forbidden));
    expect(describeError(new DownloadError(404, 'NOT_FOUND')).code).toBe('NOT_FOUND');
    expect(describeError(new DownloadError(500, 'INTERNAL_SERVER_ERROR')).message).not.toMatch(/HTTP/);
  });
});
