import type { ExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';

interface Params {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: Record<string, unknown> | null;
}

type Headers = Record<string, unknown> | undefined;

/**
 * GraphiQL's way to the API: queries and mutations as POSTs to /graphql with the headers of its
 * Headers tab, subscriptions over a WebSocket whose handshake carries that tab's authorization
 * (the service reads the token there, PRODUCT §5).
 */
export function tandemFetcher(origin: string) {
  return (params: Params, options?: { headers?: Headers }): Promise<ExecutionResult> | AsyncIterable<ExecutionResult> => {
    const headers = options?.headers ?? {};
    if (isSubscription(params)) return subscribe(origin, params, headers);
    return fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...stringValues(headers) },
      body: JSON.stringify(params),
    }).then((response) => response.json() as Promise<ExecutionResult>);
  };
}

function isSubscription(params: Params): boolean {
  const operations = [...params.query.matchAll(/(?:^|[\s}])(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/g)];
  // GraphiQL may still name the operation the editor held a moment ago: then the first one runs.
  const chosen = operations.find((match) => params.operationName && match[2] === params.operationName) ?? operations[0];
  return chosen?.[1] === 'subscription';
}

function subscribe(origin: string, params: Params, headers: Headers): AsyncIterable<ExecutionResult> {
  const authorization = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const client = createClient({
    url: `${origin.replace(/^http/, 'ws')}/graphql`,
    lazy: true,
    retryAttempts: 0,
    connectionParams: typeof authorization === 'string' ? { authorization } : {},
  });
  const iterator = client.iterate({
    query: params.query,
    ...(params.operationName ? { operationName: params.operationName } : {}),
    ...(params.variables ? { variables: params.variables } : {}),
    // The same JSON on the wire; GraphiQL's type names its errors GraphQLError.
  }) as AsyncIterator<ExecutionResult>;
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => iterator.next(),
      return: async () => {
        const result = await (iterator.return?.() ?? Promise.resolve({ done: true as const, value: undefined }));
        await client.dispose();
        return result;
      },
    }),
  };
}

const stringValues = (headers: Headers): Record<string, string> =>
  Object.fromEntries(Object.entries(headers ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
