import { buildSchema, parse, validate } from 'graphql';
import { depthRule, MAX_QUERY_DEPTH } from './query-limits';

// A schema with a recursive type, where only the depth rule stops a query from going on forever.
const schema = buildSchema(`type Person { name: String manager: Person } type Query { me: Person }`);
const query = (depth: number) => `{ me { ${'manager { '.repeat(depth - 1)}name${' }'.repeat(depth - 1)} } }`;

describe('query depth limit', () => {
  it(`accepts queries up to ${MAX_QUERY_DEPTH} levels`, () => {
    expect(validate(schema, parse(query(MAX_QUERY_DEPTH)), [depthRule()])).toEqual([]);
  });

  it('refuses deeper queries, naming the limit', () => {
    const errors = validate(schema, parse(query(MAX_QUERY_DEPTH + 2)), [depthRule()]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(`exceeds maximum operation depth of ${MAX_QUERY_DEPTH}`);
  });

  it('refuses fragment cycles and unknown fragments with validation errors instead of crashing', () => {
    const cyclic = parse(`{ me { ...A } } fragment A on Person { manager { ...B } } fragment B on Person { manager { ...A } }`);
    expect(() => validate(schema, cyclic, [depthRule()])).not.toThrow();
    expect(validate(schema, cyclic).map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Cannot spread fragment "A" within itself/)]),
    );
    const unknown = parse(`{ me { ...Nowhere } }`);
    expect(() => validate(schema, unknown, [depthRule()])).not.toThrow();
    expect(validate(schema, unknown).map((e) => e.message)).toEqual([expect.stringMatching(/Unknown fragment "Nowhere"/)]);
  });
});
