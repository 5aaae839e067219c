import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { Actor } from '#shared';
import { markVolatile, type RequestContext } from '#shared/graphql';
import { responseCache } from './response-cache.js';

const typeDefs = `#graphql
  type Query {
    count(label: String): String
    volatile: String
    failing: String
  }
  type Mutation { bump: Int }
`;

const SALES: Actor = { id: 'u-sales', team: 'SALES', lead: false };
const SALES_LEAD: Actor = { id: 'u-sales-lead', team: 'SALES', lead: true };

describe('the response cache', () => {
  let computed: number;
  let version: number;
  let moveDuringExecution: boolean;
  let server: ApolloServer<RequestContext>;

  const build = (maxChars?: number): ApolloServer<RequestContext> => {
    const answer = (label: string | null | undefined): string => {
      computed++;
      if (moveDuringExecution) version++;
      return `${label ?? 'count'} #${computed}`;
    };
    return new ApolloServer<RequestContext>({
      typeDefs,
      resolvers: {
        Query: {
          count: (_: unknown, { label }: { label?: string | null }) => answer(label),
          volatile: (_: unknown, __: unknown, request: RequestContext) => {
            markVolatile(request);
            return answer('volatile');
          },
          failing: () => {
            computed++;
            throw new Error('no');
          },
        },
        Mutation: { bump: () => ++computed },
      },
      ...served(responseCache({ stateVersion: () => version, ...(maxChars === undefined ? {} : { maxChars, maxAnswerChars: maxChars }) })),
    });
  };

  /** The plugin, and the answers' bodies written as the cache keeps them. */
  const served = ({ plugin, stringifyResult }: ReturnType<typeof responseCache>) => ({ plugins: [plugin], stringifyResult });

  /** Over Apollo's HTTP handling, as the service asks: the body written. */
  const askOverHttp = async (query: string): Promise<string> => {
    const contextValue: RequestContext = { actor: SALES, authError: undefined, correlationId: 'c', loaders: new Map() };
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query } },
      context: async () => contextValue,
    });
    if (response.body.kind !== 'complete') throw new Error('expected a complete body');
    return response.body.string;
  };

  const ask = async (query: string, caller: Actor | 'anonymous' = SALES, variables?: Record<string, unknown>): Promise<unknown> => {
    const actor = caller === 'anonymous' ? undefined : caller;
    const contextValue: RequestContext = { actor, authError: undefined, correlationId: 'c', loaders: new Map() };
    const response = await server.executeOperation({ query, ...(variables === undefined ? {} : { variables }) }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors } = response.body.singleResult;
    return errors === undefined ? data : { errors: errors.map((error) => error.message) };
  };

  beforeEach(async () => {
    computed = 0;
    version = 1;
    moveDuringExecution = false;
    server = build();
    await server.start();
  });

  it('answers the same question again without computing it while the read models stand still', async () => {
    expect(await ask('{ count }')).toEqual({ count: 'count #1' });
    expect(await ask('{ count }')).toEqual({ count: 'count #1' });
    expect(computed).toBe(1);
  });

  it('computes again once the read models moved', async () => {
    await ask('{ count }');
    version++;
    expect(await ask('{ count }')).toEqual({ count: 'count #2' });
    expect(await ask('{ count }')).toEqual({ count: 'count #2' });
    expect(computed).toBe(2);
  });

  it('keeps answers apart by caller, document, operation and variables', async () => {
    await ask('{ count }', SALES);
    await ask('{ count }', SALES_LEAD);
    await ask('{ count }', { ...SALES, team: 'MARKETING' });
    await ask('{ count(label: "a") }');
    await ask('query One { count }');
    await ask('query ($label: String) { count(label: $label) }', SALES, { label: 'x' });
    await ask('query ($label: String) { count(label: $label) }', SALES, { label: 'y' });
    expect(computed).toBe(7);
    expect(await ask('query ($label: String) { count(label: $label) }', SALES, { label: 'x' })).toEqual({ count: 'x #6' });
    expect(computed).toBe(7);
  });

  it('never keeps a mutation, an anonymous call, an answer with errors or a volatile answer', async () => {
    await ask('mutation { bump }');
    await ask('mutation { bump }');
    expect(computed).toBe(2);
    await ask('{ count }', 'anonymous');
    await ask('{ count }', 'anonymous');
    expect(computed).toBe(4);
    expect(await ask('{ failing }')).toEqual({ errors: ['no'] });
    expect(await ask('{ failing }')).toEqual({ errors: ['no'] });
    expect(computed).toBe(6);
    await ask('{ volatile }');
    expect(await ask('{ volatile }')).toEqual({ volatile: 'volatile #8' });
    expect(computed).toBe(8);
  });

  it('does not keep an answer during which the read models moved: it may mix two states', async () => {
    moveDuringExecution = true;
    await ask('{ count }');
    moveDuringExecution = false;
    expect(await ask('{ count }')).toEqual({ count: 'count #2' });
    expect(await ask('{ count }')).toEqual({ count: 'count #2' });
    expect(computed).toBe(2);
  });

  it('forgets the least recently used answer past its size', async () => {
    // Each answer comes to about 115 characters with its key (a 64-character hash of the document): room for two.
    server = build(300);
    await server.start();
    await ask('{ count(label: "a") }');
    await ask('{ count(label: "b") }');
    await ask('{ count(label: "a") }');
    await ask('{ count(label: "c") }');
    expect(computed).toBe(3);
    expect(await ask('{ count(label: "a") }')).toEqual({ count: 'a #1' });
    expect(await ask('{ count(label: "b") }')).toEqual({ count: 'b #4' });
  });

  it('does not keep an answer larger than its bound for one answer', async () => {
    server = new ApolloServer<RequestContext>({
      typeDefs,
      resolvers: { Query: { count: () => `${++computed}`.padEnd(500, '.') } },
      ...served(responseCache({ stateVersion: () => version, maxChars: 10_000, maxAnswerChars: 400 })),
    });
    await server.start();
    await ask('{ count }');
    await ask('{ count }');
    expect(computed).toBe(2);
  });

  it('keeps nothing when its size is 0', async () => {
    server = build(0);
    await server.start();
    await ask('{ count }');
    await ask('{ count }');
    expect(computed).toBe(2);
  });

  it('writes the body Apollo would, once: the request that computes an answer and those given it again send the same', async () => {
    const first = await askOverHttp('{ count }');
    expect(first).toBe(`${JSON.stringify({ data: { count: 'count #1' } })}\n`);
    expect(await askOverHttp('{ count }')).toBe(first);
    expect(computed).toBe(1);
    version++;
    expect(await askOverHttp('{ count }')).toBe(`${JSON.stringify({ data: { count: 'count #2' } })}\n`);
  });

  it("writes Apollo's own body for answers it does not keep", async () => {
    expect(await askOverHttp('{ failing }')).toBe(`${JSON.stringify({ errors: [{ message: 'no', locations: [{ line: 1, column: 3 }], path: ['failing'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: { failing: null } })}\n`);
    expect(await askOverHttp('{ volatile }')).toBe(`${JSON.stringify({ data: { volatile: 'volatile #2' } })}\n`);
    const { stringifyResult } = responseCache({ stateVersion: () => version });
    expect(stringifyResult({ data: { a: 1 }, extensions: { b: 2 } })).toBe('{"data":{"a":1},"extensions":{"b":2}}\n');
  });
});
