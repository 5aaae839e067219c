import type { ApolloServerPlugin } from '@apollo/server';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { FastifyRequest } from 'fastify';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { RequestContext } from '#shared/graphql';
import type { TokenVerifier } from '#identity';
import type { Logger } from '../logger.js';
import { correlationIdOf } from '../observability/request-log.js';
import { authenticate } from './authentication.js';
import { costPlugin } from './cost-plugin.js';
import { BoundedDocumentStore } from './document-store.js';
import { createErrorFormatter } from './error-mapping.js';
import { documentRules, PARSE_OPTIONS, type CostGate } from './limits.js';
import { responseCache } from './response-cache.js';

export interface GraphQLOptionsInput {
  readonly verifier: TokenVerifier;
  readonly logger: Logger;
  readonly production: boolean;
  readonly costGate: CostGate;
  /** The read models' state version (ProjectionRunner.stateVersion), which keeps answers fresh. */
  readonly stateVersion: () => number;
  /** The bound of the whole answers kept, in characters of JSON; 0 keeps none. */
  readonly responseCacheChars?: number;
  /** Plugins of the app's own, such as its metrics. */
  readonly plugins?: readonly ApolloServerPlugin<RequestContext>[];
}

/**
 * GraphQL over HTTP. Subscriptions run over WebSocket from subscriptions.ts, with the same limits
 * (limits.ts), the same error formatting and the same authentication.
 */
export function graphQLOptions({ verifier, logger, production, costGate, stateVersion, responseCacheChars, plugins = [] }: GraphQLOptionsInput): ApolloDriverConfig {
  const answers = responseCache({ stateVersion, ...(responseCacheChars === undefined ? {} : { maxChars: responseCacheChars }) });
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !production,
    // The landing page loads assets from the web; this service stays on its own host.
    playground: false,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    parseOptions: PARSE_OPTIONS,
    documentStore: new BoundedDocumentStore(),
    formatError: createErrorFormatter(logger, { production }),
    // Kept answers are sent as the body kept with them, not serialized again.
    stringifyResult: answers.stringifyResult,
    plugins: [
      ...plugins,
      costPlugin(costGate),
      answers.plugin,
      // Apollo installs cache-control hints by default: a hook on every field, for HTTP caching
      // headers this API does not send (every answer depends on the caller's token).
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: documentRules(production),
    // Fastify's integration hands the request itself to the context.
    context: async (request: FastifyRequest): Promise<RequestContext> => {
      const { actor, authError } = await authenticate(verifier, request.headers['authorization']);
      return { actor, authError, loaders: new Map(), correlationId: correlationIdOf(request) };
    },
  };
}
