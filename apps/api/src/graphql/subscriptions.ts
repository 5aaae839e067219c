import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RequestContext } from '#shared/graphql';
import type { TokenVerifier } from '#identity';
import { authenticate } from './authentication.js';
import { documentRules, PARSE_OPTIONS, type CostGate } from './limits.js';

/** The largest message a client may send over the socket (PRODUCT §6), as over HTTP. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

export interface SubscriptionServerOptions {
  readonly httpServer: Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  readonly verifier: TokenVerifier;
  readonly costGate: CostGate;
  readonly production: boolean;
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

export interface SubscriptionServer {
  close(): Promise<void>;
}

// A type rather than an interface: graphql-ws wants an extra it can index.
type Extra = {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  requestContext?: RequestContext;
  expiry?: ReturnType<typeof setTimeout>;
};

/**
 * GraphQL subscriptions over WebSocket (graphql-ws) held to the same limits as HTTP: a handshake
 * needs a valid token (refused with 4401 otherwise), the connection closes when the token
 * expires, a message may not exceed 1 MB, documents are parsed and validated with the same
 * options and rules and priced with the same cost, introspection and suggestions are off in
 * production, and only subscriptions run (queries and mutations go over HTTP).
 */
export function startSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const { schema, verifier, costGate, production, formatError } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const rules = [...specifiedRules, ...documentRules(production)];
  const refuse = (code: string, message: string): readonly GraphQLError[] => [new GraphQLError(message, { extensions: { code } })];

  const disposable = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      context: (ctx: Context<Record<string, unknown> | undefined, Extra>) => {
        const base = ctx.extra.requestContext!;
        // One context per operation, so its loaders serve that subscription alone.
        return { ...base, loaders: new Map() } satisfies RequestContext;
      },
      onConnect: async (ctx) => {
        const { actor, authError, expiresAt } = await authenticate(verifier, ctx.connectionParams?.['authorization']);
        if (actor === undefined) {
          ctx.extra.socket.close(CloseCode.Unauthorized, (authError?.message ?? 'Unauthorized: send connectionParams.authorization "Bearer <token>"').slice(0, 120));
          return false;
        }
        ctx.extra.requestContext = { actor, authError: undefined, loaders: new Map(), correlationId: randomUUID() };
        if (expiresAt !== undefined) {
          // setTimeout takes at most 2^31-1 ms; a longer-lived token is checked again then.
          const closeAt = () => {
            const left = expiresAt - Date.now();
            if (left > 0) ctx.extra.expiry = setTimeout(closeAt, Math.min(left, 2 ** 31 - 1));
            else ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: the token has expired');
          };
          closeAt();
        }
        return true;
      },
      onDisconnect: (ctx) => clearTimeout(ctx.extra.expiry),
      onClose: (ctx) => clearTimeout(ctx.extra.expiry),
      onSubscribe: (ctx, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query, PARSE_OPTIONS);
        } catch (error) {
          return refuse('GRAPHQL_PARSE_FAILED', error instanceof GraphQLError ? error.message : 'Syntax error');
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation === null || operation === undefined) return refuse('BAD_REQUEST', 'The document names no operation to run, or more than one without operationName');
        const errors = validate(schema, document, rules);
        if (errors.length > 0) {
          return errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        }
        if (operation.operation !== 'subscription') {
          return refuse('BAD_REQUEST', `Only subscriptions run over WebSocket; send ${operation.operation === 'query' ? 'queries' : 'mutations'} over HTTP POST /graphql`);
        }
        const context = ctx.extra.requestContext!;
        const priced = costGate.check({ schema, document, operationName: payload.operationName, variables: payload.variables, actor: context.actor });
        if (priced !== undefined) return [priced];
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: { ...context, loaders: new Map() } satisfies RequestContext,
        };
        return args;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors === undefined ? undefined : { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) },
    },
    wss,
  );

  const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== options.path) return;
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  options.httpServer.on('upgrade', upgrade);

  return {
    async close() {
      options.httpServer.off('upgrade', upgrade);
      // 1001, going away: the client may connect again to another instance.
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
