import { randomUUID } from 'node:crypto';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { DomainError, type Actor } from '#shared';
import type { RequestContext } from '#shared/graphql';
import { bearerToken, type TokenVerifier } from '#identity';
import type { Logger } from '../logger.js';
import { createErrorFormatter } from './error-mapping.js';
import { pagedCostPlugin } from './paged-cost.js';

export interface GraphQLOptionsInput {
  readonly verifier: TokenVerifier;
  readonly logger: Logger;
  readonly production: boolean;
}

/** Limits of a document (PRODUCT §6), generous enough for every query of the contract. */
const DOCUMENT_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  // A field costs 1, an object 2, and a list's selection is paid once per item asked for by a
  // literal `first`: a page of 200 deals with their touches, history and retrospective fits.
  maxCost: 20_000,
} as const;

interface HttpContextArgument {
  readonly req: { headers: Record<string, string | string[] | undefined> };
}

interface WsContextArgument {
  readonly connectionParams?: Readonly<Record<string, unknown>>;
}

const COST_LIMIT = { maxCost: DOCUMENT_LIMITS.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1 };

export function graphQLOptions({ verifier, logger, production }: GraphQLOptionsInput): ApolloDriverConfig {
  const armor = new ApolloArmor({
    maxDepth: { n: DOCUMENT_LIMITS.maxDepth },
    maxAliases: { n: DOCUMENT_LIMITS.maxAliases },
    // graphql-js enforces the token limit while parsing (parseOptions below), so a syntax error
    // still answers GRAPHQL_PARSE_FAILED rather than the plugin's validation code.
    maxTokens: { enabled: false },
    maxDirectives: { n: DOCUMENT_LIMITS.maxDirectives },
    costLimit: COST_LIMIT,
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  const formatError = createErrorFormatter(logger);

  const authenticate = async (header: unknown): Promise<Pick<RequestContext, 'actor' | 'authError'>> => {
    const token = bearerToken(typeof header === 'string' ? header : undefined);
    if (token === undefined) return { actor: undefined, authError: undefined };
    if (token === '') {
      return { actor: undefined, authError: new DomainError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"') };
    }
    try {
      const actor: Actor = await verifier.verify(token);
      return { actor, authError: undefined };
    } catch (error) {
      if (error instanceof DomainError) return { actor: undefined, authError: error };
      throw error;
    }
  };

  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !production,
    // The landing page loads assets from the web; this service stays on its own host.
    playground: false,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: DOCUMENT_LIMITS.maxTokens },
    formatError,
    // graphql-armor is typed against Apollo's CommonJS build; the plugin objects are the same.
    plugins: [
      ...(protection.plugins as unknown as NonNullable<ApolloDriverConfig['plugins']>),
      pagedCostPlugin(COST_LIMIT),
      // Apollo installs cache-control hints by default: a hook on every field, for HTTP caching
      // headers this API does not send (every answer depends on the caller's token).
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: [...protection.validationRules],
    subscriptions: {
      // graphql-ws bypasses Apollo's formatError: the same mapping is applied to what
      // subscribers receive, so a missing token is UNAUTHENTICATED there too.
      'graphql-ws': {
        path: '/graphql',
        onNext: (_context, _id, _payload, _args, result) =>
          result.errors === undefined ? undefined : { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) },
      },
    },
    context: async (argument: HttpContextArgument | WsContextArgument): Promise<RequestContext> => {
      const header =
        'req' in argument && argument.req
          ? argument.req.headers['authorization']
          : (argument as WsContextArgument).connectionParams?.['authorization'];
      const correlation = 'req' in argument && argument.req ? argument.req.headers['x-correlation-id'] : undefined;
      return {
        ...(await authenticate(header)),
        loaders: new Map(),
        correlationId: typeof correlation === 'string' && /^[\w-]{1,64}$/.test(correlation) ? correlation : randomUUID(),
      };
    },
  };
}
