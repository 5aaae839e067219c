import { createClient, type Client, type FormattedExecutionResult, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  readonly status: number;
  readonly data?: Data | null;
  readonly errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Posts one GraphQL operation over HTTP, as a browser or server client would. */
export async function gql<Data = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}

/** The first error's extensions.code, for terse assertions. */
export function errorCode(response: GraphQLResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.['code'];
}

/** The first error's extensions.field: the input field a BAD_USER_INPUT names. */
export function errorField(response: GraphQLResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.['field'];
}

export function wsClient(url: string, token?: string): Client {
  return createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** A subscription kept open while a test runs: each message's data in order, and whatever went wrong. */
export interface Collected<Data> {
  readonly received: Data[];
  readonly errors: unknown[];
  /** Unsubscribes and closes the client. */
  stop(): Promise<void>;
}

/** Subscribes through the client and collects every message's data, and every error, until stopped. */
export function collect<Data = Record<string, unknown>>(client: Client, payload: SubscribePayload): Collected<Data> {
  const received: Data[] = [];
  const errors: unknown[] = [];
  const unsubscribe = client.subscribe<Data>(payload, {
    next: (message) => {
      if (message.data) received.push(message.data);
      if (message.errors) errors.push(message.errors);
    },
    error: (error) => errors.push(error),
    complete: () => undefined,
  });
  return {
    received,
    errors,
    stop: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
}

/** How a subscription first answered: a message's data and errors, a transport error, or neither (it completed). */
export interface FirstOutcome<Data = Record<string, unknown>> {
  readonly data?: Data | null;
  readonly errors?: FormattedExecutionResult['errors'];
  readonly error?: unknown;
}

/** Subscribes through the client and resolves with the first thing that comes back. */
export function firstOutcome<Data = Record<string, unknown>>(client: Client, payload: SubscribePayload): Promise<FirstOutcome<Data>> {
  return new Promise((resolve) => {
    client.subscribe<Data>(payload, {
      next: (message) => resolve({ data: message.data, errors: message.errors }),
      error: (error) => resolve({ error }),
      complete: () => resolve({}),
    });
  });
}
