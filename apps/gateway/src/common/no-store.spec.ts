import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSchema, GraphQLObjectType } from 'graphql';
import { noStorePlugins } from './no-store';

describe('GraphQL answers are never stored, without wrapping every resolver', () => {
  const serve = async (plugins = noStorePlugins()) => {
    const schema = buildSchema(`type Query { receipt: String } type Mutation { submit: String }`);
    const resolve = () => 'ok';
    for (const type of [schema.getQueryType(), schema.getMutationType()] as GraphQLObjectType[]) {
      for (const field of Object.values(type.getFields())) field.resolve = resolve;
    }
    const server = new ApolloServer({ schema, plugins });
    await server.start();
    const ask = async (query: string) => {
      const answer = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'POST',
          headers: new HeaderMap([['content-type', 'application/json']]),
          search: '',
          body: { query },
        },
        context: async () => ({}),
      });
      return answer.headers.get('cache-control');
    };
    const headers = [await ask('{ receipt }'), await ask('mutation { submit }')];
    const wrapped = schema.getMutationType()!.getFields().submit.resolve !== resolve;
    await server.stop();
    return { headers, wrapped };
  };

  it('answers queries and mutations with Cache-Control: no-store', async () => {
    expect(await serve()).toEqual({ headers: ['no-store', 'no-store'], wrapped: false });
  });

  it("is what Apollo's default plugin said, which wrapped the schema's resolvers to say it", async () => {
    expect(await serve([])).toEqual({ headers: ['no-store', 'no-store'], wrapped: true });
  });
});
