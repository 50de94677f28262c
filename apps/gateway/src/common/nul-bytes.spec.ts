import { parse } from 'graphql';
import { nulBytes } from './nul-bytes';

describe('NUL bytes', () => {
  it('names every variable and literal argument holding one', () => {
    const problems = nulBytes(
      { input: { comments: [{ text: 'ok' }, { text: 'bad\u0000' }] }, csv: 'a\u0000b', n: 3 },
      parse(`query { people(search: "x\\u0000") { id } }`),
    );
    expect(problems.map((p) => p.field)).toEqual(['input.comments[1].text', 'csv', 'search']);
  });
  it('passes clean input', () => {
    expect(nulBytes({ a: 'plain', b: ['x', { c: 'y' }] }, parse(`{ people(search: "z") { id } }`))).toEqual([]);
  });
});
