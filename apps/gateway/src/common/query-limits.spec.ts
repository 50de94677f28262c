import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import { complexityPlugin, depthRule, MAX_QUERY_DEPTH } from './query-limits';

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

describe('query cost limit', () => {
  // Ten people per list: a list field costs 10 × (1 + its fields).
  const costly = buildSchema(`type Person { name: String reports: [Person] } type Query { people: [Person] }`);
  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const hooks = await complexityPlugin(() => costly).requestDidStart!({} as never);
    const document = parse(query);
    return (doc = document) =>
      (hooks as { didResolveOperation: (c: unknown) => Promise<void> })
        .didResolveOperation({ request: { query, variables }, document: doc })
        .then(
          () => 'ok',
          (e: GraphQLError) => `${String(e.extensions.code)}: ${e.message}`,
        );
  };
  const deep = `{ people { reports { reports { reports { name } } } } }`; // 10 × (1 + 10 × (1 + 10 × (1 + 10 × 2)))

  it('refuses an operation over the limit, on every request of the same document', async () => {
    const again = await run(deep);
    expect(await again()).toMatch(/^BAD_USER_INPUT: Query is too complex: \d+ \(the limit is 5000\)/);
    expect(await again()).toMatch(/^BAD_USER_INPUT: Query is too complex/); // the kept estimate
    expect(await (await run(`{ people { name } }`))()).toBe('ok');
  });

  it('estimates a document with directives from its variables on every request', async () => {
    const query = `query($big: Boolean!) { people { name reports @include(if: $big) { reports { reports { name } } } } }`;
    const plugin = complexityPlugin(() => costly);
    const document = parse(query);
    const ask = async (big: boolean) => {
      const hooks = (await plugin.requestDidStart!({} as never)) as { didResolveOperation: (c: unknown) => Promise<void> };
      return hooks.didResolveOperation({ request: { query, variables: { big } }, document }).then(
        () => 'ok',
        (e: GraphQLError) => String(e.extensions.code),
      );
    };
    expect(await ask(false)).toBe('ok');
    expect(await ask(true)).toBe('BAD_USER_INPUT');
    expect(await ask(false)).toBe('ok');
  });

  it('refuses variables that do not fit their types as BAD_USER_INPUT', async () => {
    const query = `query($big: Boolean!) { people { name reports @include(if: $big) { name } } }`;
    expect(await (await run(query, { big: 'yes' }))()).toMatch(/^BAD_USER_INPUT: Variable "\$big" got invalid value "yes"/);
  });
});
