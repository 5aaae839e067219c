import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '#shared/graphql';
import type { CostGate } from './limits.js';

/**
 * Prices every HTTP operation once Apollo has resolved it, its variables known: refused past the
 * cost limit, RATE_LIMITED (429 with Retry-After) past the caller's budget for the minute. A
 * subscription has no answer to give over HTTP: BAD_REQUEST, pointing at the WebSocket.
 */
export function costPlugin(gate: CostGate): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema, contextValue, operation }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions run over WebSocket: connect to ws://<host>/graphql with the graphql-transport-ws protocol', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          const refusal = gate.check({ schema, document, operationName: request.operationName, variables: request.variables, actor: contextValue.actor });
          if (refusal !== undefined) throw refusal;
        },
      };
    },
  };
}
