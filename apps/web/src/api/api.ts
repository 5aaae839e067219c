import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../generated/graphql';

/** What the API answered instead of data, in its own words (PRODUCT §7), or NETWORK when it could not be reached. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: string,
    message: string,
    /** The input field at fault, for BAD_USER_INPUT. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface SubscriptionHandlers<Result> {
  next(data: Result): void;
  error(error: ApiError): void;
}

/** The page's one way to the service: the public GraphQL API on its own origin. */
export interface Api {
  request<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result>;
  subscribe<Result, Variables>(
    document: TypedDocumentString<Result, Variables>,
    variables: Variables,
    handlers: SubscriptionHandlers<Result>,
  ): () => void;
  close(): void;
}

interface GraphQLErrorBody {
  readonly message?: string;
  readonly extensions?: { readonly code?: unknown; readonly field?: unknown };
}

interface GraphQLBody<Result> {
  readonly data?: Result | null;
  readonly errors?: readonly GraphQLErrorBody[];
}

export function apiErrorOf(errors: readonly GraphQLErrorBody[]): ApiError {
  const [first] = errors;
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
  const field = typeof first?.extensions?.field === 'string' ? first.extensions.field : undefined;
  return new ApiError(code, first?.message ?? 'The service answered with an error', field);
}

export interface HttpApiOptions {
  /** Called when the service no longer accepts the token (expired, revoked, another secret). */
  readonly onUnauthenticated?: (error: ApiError) => void;
  readonly origin?: string;
}

/** Queries and mutations over HTTP POST, subscriptions over one lazy WebSocket, all to /graphql. */
export function httpApi(token: string, options: HttpApiOptions = {}): Api {
  const origin = options.origin ?? window.location.origin;
  const authorization = `Bearer ${token}`;
  let socket: Client | undefined;
  const fail = (error: ApiError): ApiError => {
    if (error.code === 'UNAUTHENTICATED') options.onUnauthenticated?.(error);
    return error;
  };

  return {
    async request(document, variables) {
      let response: Response;
      try {
        response = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query: document.toString(), variables }),
        });
      } catch {
        throw new ApiError('NETWORK', 'The service could not be reached');
      }
      let body: GraphQLBody<never>;
      try {
        body = (await response.json()) as GraphQLBody<never>;
      } catch {
        throw new ApiError('INTERNAL_SERVER_ERROR', `The service answered HTTP ${response.status} without GraphQL`);
      }
      if (body.errors !== undefined && body.errors.length > 0) throw fail(apiErrorOf(body.errors));
      if (body.data === undefined || body.data === null) throw new ApiError('INTERNAL_SERVER_ERROR', 'The service answered without data');
      return body.data;
    },

    subscribe(document, variables, handlers) {
      socket ??= createClient({
        url: `${origin.replace(/^http/, 'ws')}/graphql`,
        connectionParams: { authorization },
        lazy: true,
        // A dropped connection comes back on its own; the view refetches when it does.
        retryAttempts: Number.POSITIVE_INFINITY,
        shouldRetry: () => true,
      });
      return socket.subscribe<never>(
        { query: document.toString(), variables: variables as Record<string, unknown> },
        {
          next: (message) => {
            if (message.errors !== undefined && message.errors.length > 0) handlers.error(fail(apiErrorOf(message.errors)));
            else if (message.data) handlers.next(message.data);
          },
          error: (error) => handlers.error(new ApiError('NETWORK', error instanceof Error ? error.message : 'The live connection was lost')),
          complete: () => undefined,
        },
      );
    },

    close() {
      void socket?.dispose();
      socket = undefined;
    },
  };
}
